import { type RecordInput, recordYear } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Queryable, Tx } from '../../core/db';
import { fieldError, invalidState, notFound } from '../../core/errors';
import { ceRecordFiles, ceRecords, units } from '../../db/schema';
import { createItem, lockItem, type WorkflowItem } from '../workflow/workflow.engine';
import * as repo from './records.repository';
import { checkFacts, checkNoOverlap, resolveInstitution } from './records.rules';

/** Steps of the record pipeline as the 审批流程 names them (manual 003 §1.6.3). */
export const DECLARE_STEP = '继续教育记录申报';
export const REVIEW_STEP = '继续教育记录申报单位审批';
export const CORRECT_STEP = '培训信息维护';

export const RECORD = 'ce_record';

/** The record in scope, or 404 (another person's or another employer's record is not there). */
export async function recordInScope(q: Queryable, scope: repo.RecordScope, id: string) {
  const row = await repo.findRecord(q, scope, id);
  if (!row) throw notFound('继续教育记录');
  return row;
}

/** Locks the record's workflow item; only 草稿 or 退案 records may be changed. */
export async function lockEditable(tx: Tx, row: repo.RecordRow, what: string): Promise<WorkflowItem> {
  const item = await lockItem(tx, RECORD, row.r.id);
  if (item.state !== 'draft' && item.state !== 'returned') {
    throw invalidState(`只有草稿或退回的记录才能${what}`);
  }
  return item;
}

async function regionOfUnit(q: Queryable, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const [u] = await q.select({ regionCode: units.regionCode }).from(units).where(eq(units.accountId, unitId));
  return u?.regionCode ?? null;
}

/** Checks the SPEC §6 rules on a filled-in record and returns the columns to store. */
export async function prepareRecord(
  tx: Tx,
  input: RecordInput,
  prof: { id: string; series: string; employerId: string | null },
  exceptId?: string,
) {
  await checkFacts(tx, input, { series: prof.series, regionCode: await regionOfUnit(tx, prof.employerId) });
  const institution = await resolveInstitution(tx, input);
  await repo.lockProfessional(tx, prof.id);
  await checkNoOverlap(tx, { professionalId: prof.id, ...input, exceptId });
  return {
    courseName: input.courseName,
    subjectType: input.subjectType,
    studyForm: input.studyForm,
    startDate: input.startDate,
    endDate: input.endDate,
    days: input.days,
    declaredHours: input.declaredHours,
    assessment: input.assessment,
    ...institution,
    year: recordYear(input.endDate),
    location: input.location ?? null,
    content: input.content ?? null,
    remark: input.remark ?? null,
  };
}

/**
 * A new record in 草稿 with its workflow item and its audit row (添加, 成果申报, 单位申报);
 * `detail` says where it came from. Returns the new id.
 */
export async function insertRecord(
  tx: Tx,
  ctx: RequestContext,
  values: typeof ceRecords.$inferInsert,
  detail: Record<string, string> = {},
): Promise<string> {
  const [r] = await tx.insert(ceRecords).values(values).returning({ id: ceRecords.id });
  await createItem(tx, RECORD, r.id);
  await audit(tx, ctx, {
    action: 'record.create',
    objectType: RECORD,
    objectId: r.id,
    detail: { source: values.source, ...detail },
  });
  return r.id;
}

export async function updateRecord(tx: Tx, id: string, values: Partial<typeof ceRecords.$inferInsert>) {
  await tx
    .update(ceRecords)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(ceRecords.id, id));
}

/** 附件材料 新增: a file the actor uploaded for a CE record. */
export async function attachFile(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  recordId: string,
  input: { fileId: string; name: string },
) {
  const file = await repo.ownRecordFile(tx, actor.accountId, input.fileId);
  if (!file) throw fieldError('fileId', '请先上传附件材料');
  const [row] = await tx
    .insert(ceRecordFiles)
    .values({
      recordId,
      fileId: file.id,
      name: input.name,
      uploadedBy: actor.accountId,
      uploadedByName: actor.displayName,
    })
    .returning();
  await audit(tx, ctx, {
    action: 'record.attach',
    objectType: RECORD,
    objectId: recordId,
    detail: { attachmentId: row.id, fileId: file.id },
  });
}

export async function detachFile(tx: Tx, ctx: RequestContext, recordId: string, attachmentId: string) {
  const [gone] = await tx
    .delete(ceRecordFiles)
    .where(and(eq(ceRecordFiles.id, attachmentId), eq(ceRecordFiles.recordId, recordId)))
    .returning();
  if (!gone) throw notFound('附件材料');
  await audit(tx, ctx, {
    action: 'record.detach',
    objectType: RECORD,
    objectId: recordId,
    detail: { attachmentId, fileId: gone.fileId },
  });
}

/** 删除: a record can be deleted until it is confirmed or approved (SPEC §6); a closed one too. */
export async function deleteRecord(tx: Tx, ctx: RequestContext, row: repo.RecordRow) {
  const item = await lockItem(tx, RECORD, row.r.id);
  if (item.state === 'submitted') throw invalidState('记录正在审核中，请先回收后再删除');
  if (item.state === 'approved') throw invalidState('记录已确认或审核通过，不能删除');
  await repo.deleteRecordRows(tx, row.r.id);
  await audit(tx, ctx, {
    action: 'record.delete',
    objectType: RECORD,
    objectId: row.r.id,
    detail: { courseName: row.r.courseName, year: row.r.year, state: item.state },
  });
}

type FindRecord = (tx: Tx, actor: Actor, id: string) => Promise<repo.RecordRow>;
type Reload<T> = (tx: Tx, actor: Actor, id: string) => Promise<T>;

/**
 * 删除 and 附件材料 新增 / 删除 of a record its declarer may still change, whoever the declarer
 * is: `find` returns the record in the actor's scope (a person's own, an employer's declared).
 */
export type DraftEdits<T> = ReturnType<typeof draftEdits<T>>;

export function draftEdits<T>(find: FindRecord, reload: Reload<T>) {
  return {
    remove: (s: Services, ctx: RequestContext, actor: Actor, id: string) =>
      s.db.transaction(async (tx) => {
        await deleteRecord(tx, ctx, await find(tx, actor, id));
        return { ok: true as const, message: '删除成功' };
      }),
    attach: (
      s: Services,
      ctx: RequestContext,
      actor: Actor,
      id: string,
      input: { fileId: string; name: string },
    ) =>
      s.db.transaction(async (tx) => {
        await lockEditable(tx, await find(tx, actor, id), '上传附件材料');
        await attachFile(tx, ctx, actor, id, input);
        return reload(tx, actor, id);
      }),
    detach: (s: Services, ctx: RequestContext, actor: Actor, id: string, attachmentId: string) =>
      s.db.transaction(async (tx) => {
        await lockEditable(tx, await find(tx, actor, id), '删除附件材料');
        await detachFile(tx, ctx, id, attachmentId);
        return reload(tx, actor, id);
      }),
  };
}
