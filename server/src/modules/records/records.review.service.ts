import type { ReviewDecision, reviewRecordsQuery } from '@ce/shared';
import type { z } from 'zod';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Tx } from '../../core/db';
import { AppError, fieldError } from '../../core/errors';
import { refreshTotals } from '../requirements/totals';
import { lockItem, review, workflowActor } from '../workflow/workflow.engine';
import { listRecords } from './records.list';
import { employerView } from './records.policy';
import { presentDetail, presentListItem } from './records.present';
import { RECORD, recordInScope, updateRecord } from './records.write';

/** 继续教育记录认定 (manual 003 §1.6.3): the employer reviews what its staff submitted. */

/** The list of one 审核状态 (default 待办); `page` overrides the query's paging (导出Excel). */
export async function listForReview(
  s: Services,
  actor: Actor,
  query: z.infer<typeof reviewRecordsQuery>,
  page = { page: query.page, pageSize: query.pageSize },
) {
  const { scope } = employerView(actor);
  const state = query.state ?? 'submitted';
  const { items, total } = await listRecords(s.db, scope, { ...query, state, view: 'review' }, page);
  return { items: items.map((r) => presentListItem(r)), total, page: page.page, pageSize: page.pageSize };
}

interface Decision {
  decision: ReviewDecision;
  opinion?: string;
  /** 认定学时 of an approval; undefined: the declared hours (批量审核) */
  recognisedHours?: number;
  version?: number;
}

/**
 * One review in the caller's transaction. The engine locks the item row, so of two reviewers
 * acting at once exactly one wins; the other finds the record no longer 待办 (409).
 */
async function reviewOne(tx: Tx, ctx: RequestContext, actor: Actor, id: string, d: Decision) {
  const { scope } = employerView(actor);
  const row = await recordInScope(tx, scope, id);
  const item = await lockItem(tx, RECORD, id);
  let hours = 0;
  if (d.decision === 'approve') {
    hours = d.recognisedHours ?? row.r.declaredHours;
    if (hours > row.r.declaredHours) {
      throw fieldError('recognisedHours', `认定学时不能超过拟申报学时（${row.r.declaredHours}学时）`);
    }
    if (Math.round(hours * 10) !== hours * 10) throw fieldError('recognisedHours', '认定学时最多一位小数');
    // SPEC §6: a record that failed its assessment gets no hours
    if (row.r.assessment === 'failed') hours = 0;
  }
  const outcome = await review(tx, ctx, workflowActor(actor), item, {
    decision: d.decision,
    opinion: d.opinion ?? null,
    version: d.version,
  });
  if (d.decision !== 'approve') {
    // a first reviewer's 审核学时 does not outlive a 退案 or 结案
    if (row.r.reviewedHours !== null)
      await updateRecord(tx, id, { reviewedHours: null, recognisedHours: null });
    return;
  }
  if (!outcome.final) {
    // the first of two reviewers: 审核学时 is kept, 认定学时 waits for the second
    await updateRecord(tx, id, { reviewedHours: hours });
    return;
  }
  await updateRecord(tx, id, { reviewedHours: hours, recognisedHours: hours });
  // refreshTotals locks the person: one person's totals are refreshed by one transaction at a time
  await refreshTotals(tx, row.r.professionalId, [row.r.year]);
}

export async function reviewRecord(s: Services, ctx: RequestContext, actor: Actor, id: string, d: Decision) {
  const { scope, viewer } = employerView(actor);
  return s.db.transaction(async (tx) => {
    await reviewOne(tx, ctx, actor, id, d);
    // only confirmed staff's records are reviewed here, so the decided record is still in scope
    return presentDetail(tx, await recordInScope(tx, scope, id), viewer);
  });
}

/** 批量审核: one decision and opinion for all; each record in its own transaction. */
export async function batchReview(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: { ids: string[]; decision: ReviewDecision; opinion?: string },
) {
  employerView(actor);
  let succeeded = 0;
  const failed: { id: string; message: string }[] = [];
  // a UUID in capitals is the same record: review it once
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

export async function reviewDetail(s: Services, actor: Actor, id: string) {
  const { scope, viewer } = employerView(actor);
  return presentDetail(s.db, await recordInScope(s.db, scope, id), viewer);
}
