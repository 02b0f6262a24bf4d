import type { EmployerApplicationRequest } from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import { fieldError, forbidden, invalidState, notFound } from '../../core/errors';
import { attachProfileLicence } from './orgs.licence';
import { presentEmployerProfile } from './orgs.present';
import * as repo from './orgs.repository';

/** The unit an agent acts for (法人单位角色申请 is done by an agent for its unit). */
function actingUnitId(actor: Actor): string {
  if (!actor.actingUnit) throw forbidden('请先使用选中的单位账号登录');
  return actor.actingUnit.id;
}

const AFTER_APPROVAL = '法人单位角色已确认，单位信息请在“法人单位信息维护”中修改';

/** 法人单位角色申请: the unit's application, prefilled from the unit account before the first 保存. */
export async function getEmployerApplication(s: Services, actor: Actor) {
  return presentEmployerProfile(s.db, actingUnitId(actor));
}

/** 保存 (manual 003 §1.2.1 第一步): creates or updates the draft application. */
export async function saveEmployerApplication(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: EmployerApplicationRequest,
) {
  const unitId = actingUnitId(actor);
  return s.db.transaction(async (tx) => {
    const unit = await repo.findUnit(tx, unitId);
    if (!unit) throw notFound('单位');
    const existing = await repo.findProfile(tx, unitId, 'employer', true);
    if (existing?.status === 'approved') throw invalidState(AFTER_APPROVAL);
    const hrss = await repo.findHrssFor(tx, unit);
    const values = {
      unitName: unit.name,
      certType: unit.certType,
      certNumber: unit.certNumber,
      regionCode: unit.regionCode,
      hrssUnitId: hrss?.id ?? null,
      nature: input.nature,
      level: input.level,
      contactName: input.contactName,
      officePhone: input.officePhone,
      mobilePhone: input.mobilePhone,
      email: input.email,
      postalCode: input.postalCode,
      address: input.unitAddress,
      description: input.description,
    };
    if (existing) await repo.updateProfile(tx, unitId, 'employer', values);
    else await repo.insertProfile(tx, { ...values, unitId, role: 'employer', status: 'draft' });
    await audit(tx, ctx, {
      action: 'org.save',
      objectType: 'org_profile',
      objectId: unitId,
      detail: { role: 'employer', created: !existing },
    });
    return presentEmployerProfile(tx, unitId);
  });
}

/** 上传相关附件 (第二步): attaches the uploaded 营业执照 to the saved application. */
export async function attachLicence(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: { licenceFileId: string },
) {
  const unitId = actingUnitId(actor);
  return s.db.transaction(async (tx) => {
    const profile = await repo.findProfile(tx, unitId, 'employer', true);
    if (!profile) throw invalidState('请先填写法人单位基本信息并保存，再上传营业执照');
    if (profile.status === 'approved') throw invalidState(AFTER_APPROVAL);
    await attachProfileLicence(tx, ctx, actor, {
      unitId,
      role: 'employer',
      fileId: input.licenceFileId,
      document: '营业执照',
    });
    return presentEmployerProfile(tx, unitId);
  });
}

/**
 * 确认 (第三步): the employer role is approved at once (SPEC §3) and granted to the unit.
 * Permissions are computed when a session loads, so the new menus appear after switching again.
 */
export async function confirmEmployerApplication(s: Services, ctx: RequestContext, actor: Actor) {
  const unitId = actingUnitId(actor);
  return s.db.transaction(async (tx) => {
    const profile = await repo.findProfile(tx, unitId, 'employer', true);
    if (!profile) throw invalidState('请先填写法人单位基本信息并保存');
    if (profile.status === 'approved') throw invalidState('法人单位角色已确认，无需重复确认');
    if (!profile.licenceFileId)
      throw fieldError('licenceFileId', '请先上传营业执照后再确认', 'INVALID_STATE');
    await repo.updateProfile(tx, unitId, 'employer', { status: 'approved' });
    await repo.grantRole(tx, {
      unitId,
      role: 'employer',
      level: profile.level,
      regionCode: profile.regionCode,
    });
    await audit(tx, ctx, {
      action: 'org.confirm',
      objectType: 'org_profile',
      objectId: unitId,
      detail: { role: 'employer', level: profile.level, regionCode: profile.regionCode },
    });
    return { ok: true as const, message: '确认成功，法人单位功能菜单已开通' };
  });
}
