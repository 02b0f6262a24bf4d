import {
  type AuthorityReviewDetail,
  type AuthorityReviewItem,
  type authorityReviewQuery,
  maskPhone,
  type ReviewDecision,
} from '@ce/shared';
import type { z } from 'zod';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Queryable, Tx } from '../../core/db';
import { AppError, forbidden, notFound } from '../../core/errors';
import { authorityScope, hrssScope } from '../../core/scope';
import * as orgs from '../orgs/orgs.repository';
import { lockItem, review, workflowActor } from '../workflow/workflow.engine';
import { presentAuthority, presentWorkflow } from './authorities.present';
import * as repo from './authorities.repository';

/**
 * 行业主管角色审核 (HRSS, provincial applications) and 下级行业主管部门（行业组织）信息审核
 * (002 §1.5.1, an authority reviews the level below of its series): one desk, the org's own.
 * An org sees the applications waiting at it and those it decided; any other is 404.
 */
export type Desk = 'hrss' | 'parent';

/** The reviewing org of the acting agent (its role is checked: an HRSS org or an authority). */
function deskOrg(actor: Actor, desk: Desk): string {
  if (desk === 'hrss') hrssScope(actor);
  else authorityScope(actor);
  if (!actor.actingUnit) throw forbidden('请先使用选中的单位账号登录');
  return actor.actingUnit.id;
}

const WHAT = '行业主管角色申请';

export async function listReviews(
  s: Services,
  actor: Actor,
  desk: Desk,
  query: z.infer<typeof authorityReviewQuery>,
  page = { page: query.page, pageSize: query.pageSize },
) {
  const org = deskOrg(actor, desk);
  const state = query.state ?? 'submitted';
  const { rows, total } = await repo.listReviews(s.db, org, { ...query, state }, page);
  const items: AuthorityReviewItem[] = rows.map((r) => ({
    id: r.id,
    unitName: r.unit_name,
    certNumber: r.cert_number,
    contactName: r.contact_name,
    phone: maskPhone(r.mobile_phone),
    series: r.series,
    level: r.level,
    reviewerUnitName: r.state === 'submitted' ? r.reviewer_unit_name : r.last_unit_name,
    step: r.state === 'submitted' ? r.step : r.last_step,
    state: r.state,
    submittedAt: r.submitted_epoch === null ? null : new Date(r.submitted_epoch * 1000).toISOString(),
  }));
  return { items, total, page: page.page, pageSize: page.pageSize };
}

async function detailOf(q: Queryable, org: string, id: string): Promise<AuthorityReviewDetail> {
  const profile = await repo.profileById(q, id);
  if (!profile || !(await repo.isVisibleTo(q, id, org))) throw notFound(WHAT);
  const item = await repo.itemOf(q, id);
  if (!item) throw notFound(WHAT);
  const info = await presentAuthority(q, profile.unitId, profile);
  const flow = await presentWorkflow(q, item);
  return {
    ...info,
    ...flow,
    canReview: item.state === 'submitted' && item.reviewerUnitId === org,
  };
}

export async function reviewDetail(s: Services, actor: Actor, desk: Desk, id: string) {
  return detailOf(s.db, deskOrg(actor, desk), id);
}

interface Decision {
  decision: ReviewDecision;
  opinion?: string;
  version?: number;
}

const STATUS = { approve: 'approved', reject: 'rejected', return: 'returned' } as const;

/**
 * One decision in the caller's transaction. The application row is locked first (the order
 * 送审 takes too), then the engine locks the item: of two reviewers acting at once one wins,
 * the other finds it no longer 待办 (409). 同意 grants the role at once.
 */
async function reviewOne(tx: Tx, ctx: RequestContext, actor: Actor, org: string, id: string, d: Decision) {
  const profile = await repo.profileById(tx, id, true);
  if (!profile || !(await repo.isVisibleTo(tx, id, org))) throw notFound(WHAT);
  const item = await lockItem(tx, repo.APPLICATION, id);
  const outcome = await review(tx, ctx, workflowActor(actor), item, {
    decision: d.decision,
    opinion: d.opinion ?? null,
    version: d.version,
  });
  if (!outcome.final) return;
  const byAuthority = actor.actingUnit?.roles.some((r) => r.role === 'authority') ?? false;
  await orgs.updateProfile(tx, profile.unitId, 'authority', {
    status: STATUS[d.decision],
    ...(d.decision === 'approve' ? { parentUnitId: byAuthority ? org : null } : {}),
  });
  if (d.decision !== 'approve') return;
  await orgs.grantRole(tx, {
    unitId: profile.unitId,
    role: 'authority',
    level: profile.level,
    regionCode: profile.regionCode,
    series: profile.series,
  });
  await audit(tx, ctx, {
    action: 'authority.grant',
    objectType: 'org_profile',
    objectId: profile.unitId,
    detail: {
      role: 'authority',
      level: profile.level,
      regionCode: profile.regionCode,
      series: profile.series,
    },
  });
}

export async function reviewApplication(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  desk: Desk,
  id: string,
  d: Decision,
) {
  const org = deskOrg(actor, desk);
  return s.db.transaction(async (tx) => {
    await reviewOne(tx, ctx, actor, org, id, d);
    return detailOf(tx, org, id);
  });
}

/** 批量审核: one decision and opinion for all; each application in its own transaction. */
export async function batchReview(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  desk: Desk,
  input: { ids: string[]; decision: ReviewDecision; opinion?: string },
) {
  const org = deskOrg(actor, desk);
  let succeeded = 0;
  const failed: { id: string; message: string }[] = [];
  for (const id of [...new Set(input.ids.map((i) => i.toLowerCase()))]) {
    try {
      await s.db.transaction((tx) =>
        reviewOne(tx, ctx, actor, org, id, { decision: input.decision, opinion: input.opinion }),
      );
      succeeded += 1;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      failed.push({ id, message: e.message });
    }
  }
  return { succeeded, failed };
}
