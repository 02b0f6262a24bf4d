import type { InstitutionApplicationRequest, InstitutionProfileUpdateRequest } from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import { fieldError, forbidden, invalidState, notFound } from '../../core/errors';
import { institutionScope } from '../../core/scope';
import { attachProfileLicence } from '../orgs/orgs.licence';
import * as orgs from '../orgs/orgs.repository';
import { presentInstitutionProfile } from './institutions.present';
import { changedFields, refuseLockedChanges } from './locked-fields';

/** 施教机构角色申请 (002 §1.5.2's 基本信息) and 施教机构信息维护. */

function actingUnitId(actor: Actor): string {
  if (!actor.actingUnit) throw forbidden('请先使用选中的单位账号登录');
  return actor.actingUnit.id;
}

const AFTER_APPROVAL = '施教机构角色已确认，机构信息请在“施教机构信息维护”中修改';

export async function getApplication(s: Services, actor: Actor) {
  return presentInstitutionProfile(s.db, actingUnitId(actor));
}

/** The region a level covers, from the unit account; 县(区)级 needs a unit registered in a county. */
function regionOfLevel(unit: orgs.UnitRow, level: InstitutionApplicationRequest['level']): string {
  if (level === 'province') return unit.provinceCode;
  if (level === 'city') return unit.cityCode;
  if (!unit.countyCode) {
    throw fieldError('level', '单位账号的行政区划未到县(区)，不能选择县(区)级');
  }
  return unit.countyCode;
}

/** 保存: creates or updates the draft application. */
export async function saveApplication(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: InstitutionApplicationRequest,
) {
  const unitId = actingUnitId(actor);
  return s.db.transaction(async (tx) => {
    const unit = await orgs.findUnit(tx, unitId);
    if (!unit) throw notFound('单位');
    const existing = await orgs.findProfile(tx, unitId, 'institution', true);
    if (existing?.status === 'approved') throw invalidState(AFTER_APPROVAL);
    const values = {
      unitName: unit.name,
      certType: unit.certType,
      certNumber: unit.certNumber,
      regionCode: regionOfLevel(unit, input.level),
      level: input.level,
      nature: input.nature,
      parentAuthorityName: input.parentAuthorityName,
      legalName: input.legalName,
      legalPhone: input.legalPhone,
      legalEmail: input.legalEmail,
      contactName: input.contactName,
      mobilePhone: input.contactMobile,
      contactEmail: input.contactEmail,
      email: input.contactEmail,
      address: input.institutionAddress,
      description: input.institutionIntro,
    };
    if (existing) await orgs.updateProfile(tx, unitId, 'institution', values);
    else await orgs.insertProfile(tx, { ...values, unitId, role: 'institution', status: 'draft' });
    await audit(tx, ctx, {
      action: 'org.save',
      objectType: 'org_profile',
      objectId: unitId,
      detail: { role: 'institution', created: !existing, level: input.level },
    });
    return presentInstitutionProfile(tx, unitId);
  });
}

/** 附件材料: the uploaded 统一社会信用代码证 / 办学许可 (file purpose 'licence'). */
export async function attachLicence(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: { licenceFileId: string },
) {
  const unitId = actingUnitId(actor);
  return s.db.transaction(async (tx) => {
    const profile = await orgs.findProfile(tx, unitId, 'institution', true);
    if (!profile) throw invalidState('请先填写施教机构基本信息并保存，再上传附件');
    if (profile.status === 'approved') throw invalidState(AFTER_APPROVAL);
    await attachProfileLicence(tx, ctx, actor, {
      unitId,
      role: 'institution',
      fileId: input.licenceFileId,
      document: '统一社会信用代码证或办学许可证',
    });
    return presentInstitutionProfile(tx, unitId);
  });
}

/**
 * 确认: the institution role is granted at once (like the employer role); what is reviewed is
 * each 专业培训资格. The new menus appear once the session is loaded again.
 */
export async function confirmApplication(s: Services, ctx: RequestContext, actor: Actor) {
  const unitId = actingUnitId(actor);
  return s.db.transaction(async (tx) => {
    const profile = await orgs.findProfile(tx, unitId, 'institution', true);
    if (!profile) throw invalidState('请先填写施教机构基本信息并保存');
    if (profile.status === 'approved') throw invalidState('施教机构角色已确认，无需重复确认');
    if (!profile.licenceFileId) {
      throw fieldError('licenceFileId', '请先上传统一社会信用代码证或办学许可证后再确认', 'INVALID_STATE');
    }
    await orgs.updateProfile(tx, unitId, 'institution', { status: 'approved' });
    await orgs.grantRole(tx, {
      unitId,
      role: 'institution',
      level: profile.level,
      regionCode: profile.regionCode,
    });
    await audit(tx, ctx, {
      action: 'org.confirm',
      objectType: 'org_profile',
      objectId: unitId,
      detail: { role: 'institution', level: profile.level, regionCode: profile.regionCode },
    });
    return { ok: true as const, message: '确认成功，施教机构功能菜单已开通' };
  });
}

/** 施教机构信息维护: the approved institution's info. */
export async function getProfile(s: Services, actor: Actor) {
  return presentInstitutionProfile(s.db, institutionScope(actor).unitId);
}

const LOCKED_MESSAGE = '不能在信息维护中修改，如需变更请联系行业主管部门';

/** 保存: the contact-type fields change without review; the others are read-only. */
export async function updateProfile(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: InstitutionProfileUpdateRequest,
) {
  const { unitId } = institutionScope(actor);
  return s.db.transaction(async (tx) => {
    const p = await orgs.findProfile(tx, unitId, 'institution', true);
    if (!p) throw notFound('施教机构信息');
    refuseLockedChanges(
      input,
      {
        unitName: p.unitName,
        certNumber: p.certNumber,
        level: p.level,
        nature: p.nature,
        parentAuthorityName: p.parentAuthorityName,
        legalName: p.legalName,
      },
      LOCKED_MESSAGE,
    );
    const current = {
      legalPhone: p.legalPhone,
      legalEmail: p.legalEmail,
      contactName: p.contactName,
      contactMobile: p.mobilePhone,
      contactEmail: p.contactEmail,
      institutionAddress: p.address,
      institutionIntro: p.description,
    };
    const changed = changedFields(input, current);
    await orgs.updateProfile(tx, unitId, 'institution', {
      legalPhone: input.legalPhone,
      legalEmail: input.legalEmail,
      contactName: input.contactName,
      mobilePhone: input.contactMobile,
      contactEmail: input.contactEmail,
      email: input.contactEmail,
      address: input.institutionAddress,
      description: input.institutionIntro,
    });
    await audit(tx, ctx, {
      action: 'institution.update',
      objectType: 'org_profile',
      objectId: unitId,
      detail: { role: 'institution', changed: changed.join(',') },
    });
    return presentInstitutionProfile(tx, unitId);
  });
}
