import {
  REVIEW_DECISION_LABELS,
  type ReviewDecision,
  WORKFLOW_ACTION_LABELS,
  WORKFLOW_STATE_LABELS,
  type WorkflowAction,
  type WorkflowState,
} from '@ce/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import { audit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import type { Queryable, Tx } from '../../core/db';
import { conflict, invalidState } from '../../core/errors';
import { workflowHistory, workflowItems, workflowSettings } from '../../db/schema';

/**
 * The review workflow engine (SPEC §5), used by every reviewable object. Each function runs
 * inside the caller's transaction, locks the item row first, checks the transition, writes
 * the 审批流程 history row and the audit row. Illegal transitions throw 409 INVALID_STATE.
 */

export type WorkflowItem = typeof workflowItems.$inferSelect;

/** Who acts, as the history keeps it (操作人, 操作人所属). */
export interface WorkflowActor {
  accountId: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
}

export function workflowActor(actor: Actor): WorkflowActor {
  return {
    accountId: actor.accountId,
    name: actor.displayName,
    unitId: actor.actingUnit?.id ?? null,
    unitName: actor.actingUnit?.name ?? null,
  };
}

const stateLabel = (s: WorkflowState) => WORKFLOW_STATE_LABELS[s];

/** Creates the item of a new object, in 草稿. */
export async function createItem(q: Queryable, objectType: string, objectId: string): Promise<WorkflowItem> {
  const [item] = await q.insert(workflowItems).values({ objectType, objectId, state: 'draft' }).returning();
  return item;
}

/** Reads the item of an object and locks it for the rest of the transaction. */
export async function lockItem(tx: Tx, objectType: string, objectId: string): Promise<WorkflowItem> {
  const [item] = await tx
    .select()
    .from(workflowItems)
    .where(and(eq(workflowItems.objectType, objectType), eq(workflowItems.objectId, objectId)))
    .for('update');
  if (!item) throw invalidState('该业务没有审核流程');
  return item;
}

async function addHistory(
  q: Queryable,
  item: WorkflowItem,
  who: WorkflowActor,
  action: WorkflowAction,
  step: string,
  opinion: string | null,
) {
  await q.insert(workflowHistory).values({
    itemId: item.id,
    seq: sql`(select coalesce(max(seq), 0) + 1 from ${workflowHistory} where item_id = ${item.id})`,
    step,
    action,
    actorId: who.accountId,
    actorName: who.name,
    actorUnitId: who.unitId,
    actorUnitName: who.unitName,
    opinion,
  });
}

async function move(
  tx: Tx,
  item: WorkflowItem,
  set: Partial<
    Pick<
      WorkflowItem,
      | 'state'
      | 'reviewerUnitId'
      | 'step'
      | 'submitterId'
      | 'submitterUnitId'
      | 'submittedAt'
      | 'firstApproverId'
    >
  >,
): Promise<WorkflowItem> {
  const [updated] = await tx
    .update(workflowItems)
    .set({ ...set, version: item.version + 1, updatedAt: new Date() })
    .where(and(eq(workflowItems.id, item.id), eq(workflowItems.version, item.version)))
    .returning();
  // the row is locked, so this only fails when a caller passed a stale copy
  if (!updated) throw conflict('该业务已被他人处理，请刷新后重试');
  return updated;
}

function checkVersion(item: WorkflowItem, expected: number | undefined) {
  if (expected !== undefined && expected !== item.version) {
    throw conflict('该业务已被他人处理，请刷新后重试');
  }
}

/** 确认送审: draft or returned → submitted, waiting at `reviewerUnitId`'s step `reviewStep`. */
export async function submit(
  tx: Tx,
  ctx: RequestContext,
  who: WorkflowActor,
  item: WorkflowItem,
  route: { reviewerUnitId: string; submitStep: string; reviewStep: string; opinion?: string },
): Promise<WorkflowItem> {
  if (item.state !== 'draft' && item.state !== 'returned') {
    throw invalidState(`当前状态为“${stateLabel(item.state)}”，不能送审`);
  }
  const updated = await move(tx, item, {
    state: 'submitted',
    reviewerUnitId: route.reviewerUnitId,
    step: route.reviewStep,
    submitterId: who.accountId,
    submitterUnitId: who.unitId,
    submittedAt: new Date(),
    firstApproverId: null,
  });
  await addHistory(tx, item, who, 'submit', route.submitStep, route.opinion ?? WORKFLOW_ACTION_LABELS.submit);
  await audit(tx, ctx, { action: 'workflow.submit', objectType: item.objectType, objectId: item.objectId });
  return updated;
}

/** 回收: the submitter takes an item back while no reviewer has acted on it. */
export async function withdraw(
  tx: Tx,
  ctx: RequestContext,
  who: WorkflowActor,
  item: WorkflowItem,
  step: string,
): Promise<WorkflowItem> {
  if (item.state !== 'submitted') throw invalidState(`当前状态为“${stateLabel(item.state)}”，不能回收`);
  if (item.firstApproverId) throw invalidState('审核人已开始审核，不能回收');
  const mine = who.unitId ? item.submitterUnitId === who.unitId : item.submitterId === who.accountId;
  if (!mine) throw invalidState('只有送审人可以回收');
  const updated = await move(tx, item, { state: 'draft', reviewerUnitId: null, step: null });
  await addHistory(tx, item, who, 'withdraw', step, WORKFLOW_ACTION_LABELS.withdraw);
  await audit(tx, ctx, { action: 'workflow.withdraw', objectType: item.objectType, objectId: item.objectId });
  return updated;
}

export interface ReviewOutcome {
  item: WorkflowItem;
  /** true when the decision is final (the two-reviewer rule may need a second 同意) */
  final: boolean;
  decision: ReviewDecision;
}

/**
 * 同意 / 不同意并结案 / 不同意并退案 by an agent of the reviewer org. With the org's
 * two-reviewer rule, the first 同意 is recorded and the item waits for a second, distinct reviewer.
 */
export async function review(
  tx: Tx,
  ctx: RequestContext,
  who: WorkflowActor,
  item: WorkflowItem,
  input: { decision: ReviewDecision; opinion: string | null; version?: number },
): Promise<ReviewOutcome> {
  checkVersion(item, input.version);
  if (item.state !== 'submitted') {
    throw invalidState(`当前状态为“${stateLabel(item.state)}”，不能审核`);
  }
  if (!who.unitId || item.reviewerUnitId !== who.unitId) throw invalidState('该业务不在本单位的待办中');
  const step = item.step ?? '审核';
  const opinion = input.opinion?.trim() || REVIEW_DECISION_LABELS[input.decision];
  if (input.decision === 'approve') {
    const [settings] = await tx
      .select()
      .from(workflowSettings)
      .where(eq(workflowSettings.unitId, who.unitId));
    if (settings?.twoReviewers && !item.firstApproverId) {
      const updated = await move(tx, item, { firstApproverId: who.accountId });
      await addHistory(tx, item, who, 'first_approve', step, opinion);
      await audit(tx, ctx, {
        action: 'workflow.first_approve',
        objectType: item.objectType,
        objectId: item.objectId,
      });
      return { item: updated, final: false, decision: 'approve' };
    }
    if (settings?.twoReviewers && item.firstApproverId === who.accountId) {
      throw invalidState('本单位至少有2人审核后此记录才能作最终记录，请由另一位审核人审核');
    }
  }
  const state: WorkflowState =
    input.decision === 'approve' ? 'approved' : input.decision === 'reject' ? 'rejected' : 'returned';
  const updated = await move(tx, item, { state, reviewerUnitId: null, firstApproverId: null });
  await addHistory(tx, item, who, input.decision, step, opinion);
  await audit(tx, ctx, {
    action: `workflow.${input.decision}`,
    objectType: item.objectType,
    objectId: item.objectId,
    detail: { opinion },
  });
  return { item: updated, final: true, decision: input.decision };
}

/**
 * 不同意并退案 without a reviewer's decision: the item waiting at `reviewerUnitId` goes back to
 * its submitter because the reviewer may no longer decide on it (the person left that employer,
 * SPEC §4). `who` is whoever ended the binding; the opinion says why.
 */
export async function returnToSubmitter(
  tx: Tx,
  ctx: RequestContext,
  who: WorkflowActor,
  item: WorkflowItem,
  opinion: string,
): Promise<WorkflowItem> {
  if (item.state !== 'submitted') throw invalidState(`当前状态为“${stateLabel(item.state)}”，不能退案`);
  const updated = await move(tx, item, { state: 'returned', reviewerUnitId: null, firstApproverId: null });
  await addHistory(tx, item, who, 'return', item.step ?? '审核', opinion);
  await audit(tx, ctx, {
    action: 'workflow.return',
    objectType: item.objectType,
    objectId: item.objectId,
    detail: { opinion, reviewerUnitId: item.reviewerUnitId },
  });
  return updated;
}

/** 确认 without review (an employer's own declaration grants the hours at once). */
export async function confirmDirectly(
  tx: Tx,
  who: WorkflowActor,
  item: WorkflowItem,
  step: string,
  /** the history's 审核意见 (default 确认) */
  opinion: string = WORKFLOW_ACTION_LABELS.confirm,
): Promise<WorkflowItem> {
  if (item.state !== 'draft' && item.state !== 'returned') {
    throw invalidState(`当前状态为“${stateLabel(item.state)}”，不能确认`);
  }
  const updated = await move(tx, item, { state: 'approved', reviewerUnitId: null, step: null });
  await addHistory(tx, item, who, 'confirm', step, opinion);
  return updated;
}

/** Records a correction of an approved object (培训信息维护), with its reason, in the history. */
export async function noteCorrection(
  tx: Tx,
  who: WorkflowActor,
  item: WorkflowItem,
  step: string,
  reason: string,
): Promise<WorkflowItem> {
  if (item.state !== 'approved') throw invalidState('只有审核通过的记录才能进行培训信息维护');
  const updated = await move(tx, item, {});
  await addHistory(tx, item, who, 'correct', step, reason);
  return updated;
}

export interface HistoryEntry {
  seq: number;
  step: string;
  actorUnitName: string | null;
  actorName: string | null;
  at: string | null;
  result: string;
  opinion: string | null;
}

/** 审批流程: the history rows, then a 待办 row for the step waiting now (as the manual shows it). */
export async function historyOf(
  q: Queryable,
  item: WorkflowItem,
  reviewerUnitName: string | null,
): Promise<HistoryEntry[]> {
  const rows = await q
    .select()
    .from(workflowHistory)
    .where(eq(workflowHistory.itemId, item.id))
    .orderBy(asc(workflowHistory.seq));
  const entries: HistoryEntry[] = rows.map((r) => ({
    seq: r.seq,
    step: r.step,
    actorUnitName: r.actorUnitName,
    actorName: r.actorName,
    at: r.at.toISOString(),
    result: WORKFLOW_ACTION_LABELS[r.action as WorkflowAction] ?? r.action,
    opinion: r.opinion,
  }));
  if (item.state === 'submitted') {
    entries.push({
      seq: entries.length + 1,
      step: item.step ?? '审核',
      actorUnitName: reviewerUnitName,
      actorName: null,
      at: null,
      result: WORKFLOW_STATE_LABELS.submitted,
      opinion: null,
    });
  }
  return entries;
}
