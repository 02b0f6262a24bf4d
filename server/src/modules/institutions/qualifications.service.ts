import type { QualificationRequest } from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Queryable, Tx } from '../../core/db';
import { conflict, fieldError, forbidden, invalidState } from '../../core/errors';
import * as orgs from '../orgs/orgs.repository';
import { regionName } from '../regions/regions';
import {
  confirmDirectly,
  createItem,
  lockItem,
  submit,
  withdraw,
  workflowActor,
} from '../workflow/workflow.engine';
import { presentDetail, presentItem } from './qualifications.present';
import * as repo from './qualifications.repository';

/** 专业培训资格申请: the institution's 申请培训专业 rows, each its own reviewable item. */

interface Institution {
  unitId: string;
  level: 'province' | 'city' | 'county';
  regionCode: string;
}

function institutionOf(actor: Actor): Institution {
  const grant = actor.actingUnit?.roles.find((r) => r.role === 'institution');
  if (!actor.actingUnit || !grant) throw forbidden('仅施教机构可使用此功能');
  return { unitId: actor.actingUnit.id, level: grant.level, regionCode: grant.regionCode };
}

/**
 * The reviewer of a qualification: the approved authority of the series in the institution's
 * city, else the provincial one. `missing` names whom to ask for when there is none.
 */
async function routeOf(q: Queryable, inst: Institution, series: string) {
  const cityCode = inst.regionCode.slice(0, 4);
  const city =
    cityCode.length === 4
      ? await orgs.findAuthority(q, { series, level: 'city', regionCode: cityCode })
      : null;
  const authority = city ?? (await orgs.findAuthority(q, { series, level: 'province', regionCode: '44' }));
  const cityName = cityCode.length === 4 ? (regionName(cityCode) ?? cityCode) : null;
  const missing = `${cityName ? `${cityName}或` : ''}省级的“${series}”行业主管部门`;
  return { authority, missing };
}

const EDITABLE = new Set(['draft', 'returned']);

async function lockEditable(tx: Tx, id: string, what: string) {
  const item = await lockItem(tx, repo.QUALIFICATION, id);
  if (!EDITABLE.has(item.state)) {
    throw invalidState(
      item.state === 'submitted' ? `正在审核中，请先回收后再${what}` : `已审核结束，不能${what}`,
    );
  }
  return item;
}

async function refuseTakenSeries(q: Queryable, unitId: string, series: string, except?: string) {
  const taken = await repo.findBySeries(q, unitId, series);
  if (taken && taken.id !== except) throw fieldError('series', `“${series}”已申请，同一专业系列不能重复申请`);
}

export async function listOwn(s: Services, actor: Actor) {
  const inst = institutionOf(actor);
  const rows = await repo.listOwn(s.db, inst.unitId);
  const items = [];
  for (const r of rows) {
    const routed = r.state === 'draft' ? (await routeOf(s.db, inst, r.series)).authority?.name : null;
    items.push(presentItem(r, routed ?? null));
  }
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

async function detailFor(q: Queryable, inst: Institution, id: string) {
  const row = await repo.ownQualification(q, inst.unitId, id);
  const routed = (await routeOf(q, inst, row.series)).authority?.name ?? null;
  return presentDetail(q, id, { unitId: inst.unitId }, routed);
}

export async function detail(s: Services, actor: Actor, id: string) {
  return detailFor(s.db, institutionOf(actor), id);
}

/** 新增: a 申请培训专业 row in 草稿. */
export async function create(s: Services, ctx: RequestContext, actor: Actor, input: QualificationRequest) {
  const inst = institutionOf(actor);
  return s.db.transaction(async (tx) => {
    await refuseTakenSeries(tx, inst.unitId, input.series);
    const row = await repo.insertQualification(tx, { unitId: inst.unitId, ...input });
    await createItem(tx, repo.QUALIFICATION, row.id);
    await audit(tx, ctx, {
      action: 'qualification.create',
      objectType: repo.QUALIFICATION,
      objectId: row.id,
      detail: { series: input.series },
    });
    return detailFor(tx, inst, row.id);
  });
}

/** 修改: while 草稿 or 退案. */
export async function update(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  input: QualificationRequest,
) {
  const inst = institutionOf(actor);
  return s.db.transaction(async (tx) => {
    const row = await repo.ownQualification(tx, inst.unitId, id);
    await lockEditable(tx, id, '修改');
    await refuseTakenSeries(tx, inst.unitId, input.series, id);
    await repo.updateQualification(tx, id, input);
    await audit(tx, ctx, {
      action: 'qualification.update',
      objectType: repo.QUALIFICATION,
      objectId: id,
      detail: { series: input.series, changed: row.series !== input.series ? 'series' : 'overview' },
    });
    return detailFor(tx, inst, id);
  });
}

/** 删除: while 草稿 or 退案. */
export async function remove(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  const inst = institutionOf(actor);
  return s.db.transaction(async (tx) => {
    const row = await repo.ownQualification(tx, inst.unitId, id);
    const item = await lockEditable(tx, id, '删除');
    await repo.deleteQualificationRows(tx, id);
    await audit(tx, ctx, {
      action: 'qualification.delete',
      objectType: repo.QUALIFICATION,
      objectId: id,
      detail: { series: row.series, state: item.state },
    });
    return { ok: true as const, message: '删除成功' };
  });
}

export const PROVINCIAL_PASS = '省级的机构默认通过';

/**
 * 送审: to the authority of the series in the institution's city, else the province's; none →
 * 409 naming it. A 省级 institution's qualification passes without review.
 */
export async function send(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  const inst = institutionOf(actor);
  return s.db.transaction(async (tx) => {
    const row = await repo.ownQualification(tx, inst.unitId, id);
    const item = await lockItem(tx, repo.QUALIFICATION, id);
    const who = workflowActor(actor);
    if (inst.level === 'province') {
      if (item.state !== 'draft' && item.state !== 'returned') {
        throw invalidState('当前状态不能送审');
      }
      await confirmDirectly(tx, who, item, repo.SUBMIT_STEP, PROVINCIAL_PASS);
      await repo.mirrorState(tx, id, 'approved');
      await audit(tx, ctx, {
        action: 'workflow.approve',
        objectType: repo.QUALIFICATION,
        objectId: id,
        detail: { series: row.series, opinion: PROVINCIAL_PASS },
      });
      return detailFor(tx, inst, id);
    }
    const { authority, missing } = await routeOf(tx, inst, row.series);
    if (!authority) throw conflict(`${missing}尚未开通，暂不能送审，请联系该行业主管部门`);
    await submit(tx, ctx, who, item, {
      reviewerUnitId: authority.id,
      submitStep: repo.SUBMIT_STEP,
      reviewStep: repo.REVIEW_STEP,
    });
    await repo.mirrorState(tx, id, 'submitted');
    return detailFor(tx, inst, id);
  });
}

/** 回收: while no reviewer has acted. */
export async function takeBack(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  const inst = institutionOf(actor);
  return s.db.transaction(async (tx) => {
    await repo.ownQualification(tx, inst.unitId, id);
    const item = await lockItem(tx, repo.QUALIFICATION, id);
    await withdraw(tx, ctx, workflowActor(actor), item, repo.SUBMIT_STEP);
    await repo.mirrorState(tx, id, 'draft');
    return detailFor(tx, inst, id);
  });
}
