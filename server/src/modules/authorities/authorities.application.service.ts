import type { AuthorityApplication, AuthorityApplicationRequest } from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Queryable, Tx } from '../../core/db';
import { fieldError, forbidden, invalidState, notFound } from '../../core/errors';
import { attachProfileLicence } from '../orgs/orgs.licence';
import * as orgs from '../orgs/orgs.repository';
import { createItem, lockItem, submit, withdraw, workflowActor } from '../workflow/workflow.engine';
import { presentAuthority, presentWorkflow, regionForLevel } from './authorities.present';
import * as repo from './authorities.repository';
import { MISSING_PARENT, routeOf, SUBMIT_STEP } from './authorities.routing';

/** 行业主管角色申请 (002 §1.2.1): an agent applies for its unit. */

function actingUnitId(actor: Actor): string {
  if (!actor.actingUnit) throw forbidden('请先使用选中的单位账号登录');
  return actor.actingUnit.id;
}

/** Why the application cannot change now (null: it can). */
function lockedReason(status: orgs.OrgProfileRow['status'] | undefined): string | null {
  if (status === 'submitted') return '申请已送审，待审核，不能修改（审核前可先回收）';
  if (status === 'approved') return '行业主管角色已审核通过，单位信息请在“行业主管部门信息维护”中修改';
  if (status === 'rejected') return '申请已被不同意并结案，不能再修改或送审';
  return null;
}

function checkEditable(status: orgs.OrgProfileRow['status'] | undefined) {
  const reason = lockedReason(status);
  if (reason) throw invalidState(reason);
}

async function present(q: Queryable, unitId: string): Promise<AuthorityApplication> {
  const profile = await orgs.findProfile(q, unitId, 'authority');
  const info = await presentAuthority(q, unitId, profile);
  const unit = await orgs.findUnit(q, unitId);
  const item = profile ? await repo.itemOf(q, profile.id) : null;
  const flow = item ? await presentWorkflow(q, item) : null;
  const editable = !profile || ['draft', 'returned'].includes(profile.status);
  let reviewerName: string | null = null;
  let missingParent: string | null = null;
  if (unit && profile?.level && profile.series && editable) {
    const route = await routeOf(q, unit, profile.level, profile.series);
    if (route.ok) reviewerName = route.reviewerName;
    else missingParent = route.missing;
  }
  return {
    ...info,
    editable,
    reviewerName,
    missingParent,
    // a draft never sent has no 审核状态 yet
    workflow: item && (item.state !== 'draft' || flow?.history.length) ? (flow?.workflow ?? null) : null,
    history: flow?.history ?? [],
  };
}

export async function getApplication(s: Services, actor: Actor) {
  return present(s.db, actingUnitId(actor));
}

/** 保存: creates or updates the application (草稿, or a 退案 one being corrected). */
export async function saveApplication(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: AuthorityApplicationRequest,
) {
  const unitId = actingUnitId(actor);
  return s.db.transaction(async (tx) => {
    const unit = await orgs.findUnit(tx, unitId);
    if (!unit) throw notFound('单位');
    const existing = await orgs.findProfile(tx, unitId, 'authority', true);
    checkEditable(existing?.status);
    // 隶属关系 must agree with where the unit is registered: a county authority needs a county; a
    // city or provincial one may sit in any district of its city (广州市住建局 is in 越秀区)
    if (input.level === 'county' && !unit.countyCode) {
      throw fieldError('level', '单位所在地区没有县(区)，不能申请县(区)级行业主管部门');
    }
    const hrss = await orgs.findHrssFor(tx, unit);
    const values = {
      unitName: unit.name,
      certType: unit.certType,
      certNumber: unit.certNumber,
      regionCode: regionForLevel(unit, input.level),
      hrssUnitId: hrss?.id ?? null,
      nature: input.nature,
      level: input.level,
      series: input.series,
      contactName: input.contactName,
      officePhone: input.officePhone,
      mobilePhone: input.mobilePhone,
      email: input.email,
      postalCode: input.postalCode,
      address: input.unitAddress,
      description: input.description,
    };
    if (existing) await orgs.updateProfile(tx, unitId, 'authority', values);
    else {
      const row = await orgs.insertProfile(tx, { ...values, unitId, role: 'authority', status: 'draft' });
      await createItem(tx, repo.APPLICATION, row.id);
    }
    await audit(tx, ctx, {
      action: 'org.save',
      objectType: 'org_profile',
      objectId: unitId,
      detail: { role: 'authority', created: !existing, level: input.level, series: input.series },
    });
    return present(tx, unitId);
  });
}

/** 附件材料: attaches the uploaded 统一社会信用代码证 (组织机构代码证). */
export async function attachLicence(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: { licenceFileId: string },
) {
  const unitId = actingUnitId(actor);
  return s.db.transaction(async (tx) => {
    const profile = await orgs.findProfile(tx, unitId, 'authority', true);
    if (!profile) throw invalidState('请先填写行业主管部门基本信息并保存，再上传统一社会信用代码证');
    checkEditable(profile.status);
    await attachProfileLicence(tx, ctx, actor, {
      unitId,
      role: 'authority',
      fileId: input.licenceFileId,
      document: '统一社会信用代码证',
    });
    return present(tx, unitId);
  });
}

async function lockedApplication(tx: Tx, unitId: string) {
  const profile = await orgs.findProfile(tx, unitId, 'authority', true);
  if (!profile) throw invalidState('请先填写行业主管部门基本信息并保存');
  return { profile, item: await lockItem(tx, repo.APPLICATION, profile.id) };
}

/** 送审: to the reviewer of its level; refused (409) while that parent has not registered. */
export async function submitApplication(s: Services, ctx: RequestContext, actor: Actor) {
  const unitId = actingUnitId(actor);
  return s.db.transaction(async (tx) => {
    const unit = await orgs.findUnit(tx, unitId);
    if (!unit) throw notFound('单位');
    const { profile, item } = await lockedApplication(tx, unitId);
    checkEditable(profile.status);
    if (!profile.licenceFileId) {
      throw fieldError('licenceFileId', '请先上传统一社会信用代码证后再送审', 'INVALID_STATE');
    }
    const route = await routeOf(tx, unit, profile.level, profile.series ?? '');
    if (!route.ok) throw invalidState(`${MISSING_PARENT}：${route.missing}，暂不能送审`);
    await submit(tx, ctx, workflowActor(actor), item, {
      reviewerUnitId: route.reviewerUnitId,
      submitStep: SUBMIT_STEP,
      reviewStep: route.step,
    });
    await orgs.updateProfile(tx, unitId, 'authority', { status: 'submitted' });
    return present(tx, unitId);
  });
}

/** 回收: back to 草稿 while no reviewer has acted. */
export async function withdrawApplication(s: Services, ctx: RequestContext, actor: Actor) {
  const unitId = actingUnitId(actor);
  return s.db.transaction(async (tx) => {
    const { item } = await lockedApplication(tx, unitId);
    await withdraw(tx, ctx, workflowActor(actor), item, SUBMIT_STEP);
    await orgs.updateProfile(tx, unitId, 'authority', { status: 'draft' });
    return present(tx, unitId);
  });
}
