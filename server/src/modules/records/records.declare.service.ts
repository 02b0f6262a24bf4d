import type { declaredRecordsQuery, employerRecordInput } from '@ce/shared';
import type { z } from 'zod';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Tx } from '../../core/db';
import { invalidState, notFound } from '../../core/errors';
import { refreshTotals } from '../requirements/totals';
import { confirmDirectly, workflowActor } from '../workflow/workflow.engine';
import { listRecords } from './records.list';
import { employerView } from './records.policy';
import { presentDetail, presentListItem } from './records.present';
import * as repo from './records.repository';
import {
  DECLARE_STEP,
  draftEdits,
  insertRecord,
  lockEditable,
  prepareRecord,
  RECORD,
  recordInScope,
  updateRecord,
} from './records.write';

/** 继续教育记录申报 (manual 003 §1.6.1): the employer declares for its staff; 确认 grants the hours. */

type EmployerRecordInput = z.infer<typeof employerRecordInput>;

export async function listDeclared(s: Services, actor: Actor, query: z.infer<typeof declaredRecordsQuery>) {
  const { scope } = employerView(actor);
  const { items, total } = await listRecords(s.db, scope, { ...query, view: 'declared' }, query);
  return { items: items.map((r) => presentListItem(r)), total, page: query.page, pageSize: query.pageSize };
}

/** 查看 from any employer page: a record in the employer's scope. */
export async function employerDetail(s: Services, actor: Actor, id: string) {
  const { scope, viewer } = employerView(actor);
  return presentDetail(s.db, await recordInScope(s.db, scope, id), viewer);
}

async function reload(tx: Tx, actor: Actor, id: string) {
  const { scope, viewer } = employerView(actor);
  return presentDetail(tx, await recordInScope(tx, scope, id), viewer);
}

async function staffOrNotFound(tx: Tx, unitId: string, professionalId: string) {
  const prof = await repo.confirmedStaff(tx, unitId, professionalId);
  if (!prof) throw notFound('本单位专业技术人员');
  return prof;
}

/** A record this employer declared, in scope. */
async function declaredRecord(tx: Tx, actor: Actor, id: string) {
  const { scope, unitId } = employerView(actor);
  const row = await recordInScope(tx, scope, id);
  if (row.r.source !== 'employer' || row.r.employerId !== unitId) {
    throw invalidState('该记录不是本单位申报的记录，不能在此修改');
  }
  return row;
}

export async function createDeclared(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: EmployerRecordInput,
) {
  const { unitId } = employerView(actor);
  return s.db.transaction(async (tx) => {
    const prof = await staffOrNotFound(tx, unitId, input.professionalId);
    const values = await prepareRecord(tx, input, prof);
    const id = await insertRecord(tx, ctx, {
      ...values,
      professionalId: prof.id,
      source: 'employer',
      employerId: unitId,
      createdBy: actor.accountId,
    });
    return reload(tx, actor, id);
  });
}

export async function updateDeclared(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  input: EmployerRecordInput,
) {
  const { unitId } = employerView(actor);
  return s.db.transaction(async (tx) => {
    const row = await declaredRecord(tx, actor, id);
    await lockEditable(tx, row, '修改');
    const prof = await staffOrNotFound(tx, unitId, input.professionalId);
    const values = await prepareRecord(tx, input, prof, id);
    await updateRecord(tx, id, { ...values, professionalId: prof.id });
    await audit(tx, ctx, { action: 'record.update', objectType: RECORD, objectId: id });
    return reload(tx, actor, id);
  });
}

/** 删除 (until 确认) and 附件材料 of a record the employer declared. */
export const declaredEdits = draftEdits(declaredRecord, reload);

/** 确认: the staff member gets the hours at once (a failed assessment gets none). */
export async function confirmDeclared(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  return s.db.transaction(async (tx) => {
    const row = await declaredRecord(tx, actor, id);
    const item = await lockEditable(tx, row, '确认');
    await confirmDirectly(tx, workflowActor(actor), item, DECLARE_STEP);
    const hours = row.r.assessment === 'failed' ? 0 : row.r.declaredHours;
    await updateRecord(tx, id, { reviewedHours: hours, recognisedHours: hours });
    await repo.lockProfessional(tx, row.r.professionalId);
    await refreshTotals(tx, row.r.professionalId, [row.r.year]);
    await audit(tx, ctx, {
      action: 'record.confirm',
      objectType: RECORD,
      objectId: id,
      detail: { recognisedHours: hours, year: row.r.year },
    });
    return reload(tx, actor, id);
  });
}
