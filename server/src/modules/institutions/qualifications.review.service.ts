import type { QualificationReviewQuery, ReviewDecision } from '@ce/shared';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Tx } from '../../core/db';
import { AppError } from '../../core/errors';
import { authorityScope } from '../../core/scope';
import { lockItem, review, workflowActor } from '../workflow/workflow.engine';
import { presentDetail, presentItem } from './qualifications.present';
import * as repo from './qualifications.repository';

/**
 * 施教机构专业培训资格审核 (002 §1.5.2): an authority reviews the qualifications of its 专业序列
 * routed to it. Anything else is 404.
 */

function reviewerOf(actor: Actor) {
  const scope = authorityScope(actor);
  return { unitId: scope.unitId, series: scope.series };
}

/** The list of one 审核状态 (default 待办); `page` overrides the paging (导出Excel). */
export async function list(
  s: Services,
  actor: Actor,
  query: QualificationReviewQuery,
  page = { page: query.page, pageSize: query.pageSize },
) {
  const reviewer = reviewerOf(actor);
  const { rows, total } = await repo.listForReviewer(
    s.db,
    reviewer,
    { unitName: query.unitName, series: query.series, year: query.year, state: query.state ?? 'submitted' },
    page,
  );
  return { items: rows.map((r) => presentItem(r)), total, page: page.page, pageSize: page.pageSize };
}

export async function detail(s: Services, actor: Actor, id: string) {
  const reviewer = reviewerOf(actor);
  await repo.routedQualification(s.db, reviewer, id);
  return presentDetail(s.db, id, { unitId: reviewer.unitId });
}

interface Decision {
  decision: ReviewDecision;
  opinion?: string;
  version?: number;
}

/**
 * One review in the caller's transaction. The engine locks the item row: of two reviewers acting
 * at once exactly one wins, the other finds it no longer 待办 (409).
 */
async function reviewOne(tx: Tx, ctx: RequestContext, actor: Actor, id: string, d: Decision) {
  const reviewer = reviewerOf(actor);
  await repo.routedQualification(tx, reviewer, id);
  const item = await lockItem(tx, repo.QUALIFICATION, id);
  const outcome = await review(tx, ctx, workflowActor(actor), item, {
    decision: d.decision,
    opinion: d.opinion ?? null,
    version: d.version,
  });
  await repo.mirrorState(tx, id, outcome.item.state);
}

export async function reviewQualification(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  d: Decision,
) {
  const reviewer = reviewerOf(actor);
  return s.db.transaction(async (tx) => {
    await reviewOne(tx, ctx, actor, id, d);
    return presentDetail(tx, id, { unitId: reviewer.unitId });
  });
}

/** 批量审核: one decision and opinion for all; each item in its own transaction. */
export async function batchReview(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: { ids: string[]; decision: ReviewDecision; opinion?: string },
) {
  reviewerOf(actor);
  let succeeded = 0;
  const failed: { id: string; message: string }[] = [];
  for (const id of [...new Set(input.ids.map((i) => i.toLowerCase()))]) {
    try {
      await s.db.transaction((tx) =>
        reviewOne(tx, ctx, actor, id, { decision: input.decision, opinion: input.opinion }),
      );
      succeeded += 1;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      failed.push({ id, message: e.message });
    }
  }
  return { succeeded, failed };
}
