import type { achievementInput, myRecordsQuery } from '@ce/shared';
import { ACHIEVEMENT_HOURS, type RecordInput } from '@ce/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Tx } from '../../core/db';
import { invalidState, notFound } from '../../core/errors';
import { professionals } from '../../db/schema';
import { confirmedProfessionalOf } from '../people/people.policy';
import { lockItem, submit, withdraw, workflowActor } from '../workflow/workflow.engine';
import { listRecords } from './records.list';
import { personView } from './records.policy';
import { presentDetail, presentListItem } from './records.present';
import * as repo from './records.repository';
import { checkFacts, checkNoOverlap } from './records.rules';
import {
  DECLARE_STEP,
  draftEdits,
  insertRecord,
  lockEditable,
  prepareRecord,
  RECORD,
  REVIEW_STEP,
  recordInScope,
  updateRecord,
} from './records.write';

/** 继续教育记录 of a person (manual 001 §3.3.1; manual 000 step 8). */

const scopeOf = personView;

export async function listMine(s: Services, actor: Actor, query: z.infer<typeof myRecordsQuery>) {
  const { scope } = scopeOf(actor);
  const { items, total } = await listRecords(s.db, scope, query, query);
  return { items: items.map((r) => presentListItem(r)), total, page: query.page, pageSize: query.pageSize };
}

export async function detail(s: Services, actor: Actor, id: string) {
  const { scope, viewer } = scopeOf(actor);
  return presentDetail(s.db, await recordInScope(s.db, scope, id), viewer);
}

async function reload(tx: Tx, actor: Actor, id: string) {
  const { scope, viewer } = scopeOf(actor);
  return presentDetail(tx, await recordInScope(tx, scope, id), viewer);
}

/** 添加 + 保存: a new record in 草稿, reviewed later by the person's confirmed employer. */
export async function create(s: Services, ctx: RequestContext, actor: Actor, input: RecordInput) {
  const { personId } = scopeOf(actor);
  return s.db.transaction(async (tx) => {
    const prof = await confirmedProfessionalOf(tx, personId);
    const values = await prepareRecord(tx, input, prof);
    const id = await insertRecord(tx, ctx, {
      ...values,
      professionalId: prof.id,
      source: 'person',
      employerId: prof.employerId,
      createdBy: personId,
    });
    return reload(tx, actor, id);
  });
}

/** 成果折算 (SPEC §6): 28 学时 of 专业课 for the main author, 14 for the others. */
export async function createAchievement(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: z.infer<typeof achievementInput>,
) {
  const { personId } = scopeOf(actor);
  return s.db.transaction(async (tx) => {
    const prof = await confirmedProfessionalOf(tx, personId);
    const facts = {
      courseName: input.courseName,
      subjectType: 'professional' as const,
      startDate: input.endDate,
      endDate: input.endDate,
      days: 1,
      declaredHours: ACHIEVEMENT_HOURS[input.achievementRole],
      assessment: 'passed' as const,
    };
    await checkFacts(tx, facts, { series: prof.series, regionCode: null }, { achievement: true });
    await repo.lockProfessional(tx, prof.id);
    await checkNoOverlap(tx, { professionalId: prof.id, ...facts });
    const id = await insertRecord(
      tx,
      ctx,
      {
        ...facts,
        professionalId: prof.id,
        source: 'achievement',
        employerId: prof.employerId,
        studyForm: '其他',
        year: Number(input.endDate.slice(0, 4)),
        remark: input.remark ?? null,
        achievementKind: input.achievementKind,
        achievementRole: input.achievementRole,
        createdBy: personId,
      },
      { kind: input.achievementKind, role: input.achievementRole },
    );
    return reload(tx, actor, id);
  });
}

/** The person's own (declared by them) record in scope, for a change. */
async function ownRecord(tx: Tx, actor: Actor, id: string) {
  const { scope } = scopeOf(actor);
  const row = await recordInScope(tx, scope, id);
  if (row.r.source !== 'person' && row.r.source !== 'achievement') {
    throw invalidState('该记录不是本人申报的记录，不能修改');
  }
  return row;
}

/** 修改 while 草稿 or 退回. */
export async function update(s: Services, ctx: RequestContext, actor: Actor, id: string, input: RecordInput) {
  return s.db.transaction(async (tx) => {
    const row = await ownRecord(tx, actor, id);
    await lockEditable(tx, row, '修改');
    if (row.r.source === 'achievement') throw invalidState('成果折算记录不能修改，请删除后重新添加');
    const [prof] = await tx.select().from(professionals).where(eq(professionals.id, row.r.professionalId));
    const values = await prepareRecord(tx, input, prof, id);
    await updateRecord(tx, id, values);
    await audit(tx, ctx, { action: 'record.update', objectType: RECORD, objectId: id });
    return reload(tx, actor, id);
  });
}

/** 删除 (until 确认送审, or after 退案 / 结案) and 附件材料 of the person's own record. */
export const ownEdits = draftEdits(ownRecord, reload);

/** 确认送审: to the person's confirmed employer, with the proof attached. */
export async function submitRecord(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  const { personId } = scopeOf(actor);
  return s.db.transaction(async (tx) => {
    const row = await ownRecord(tx, actor, id);
    const item = await lockItem(tx, RECORD, id);
    if (item.state === 'draft' || item.state === 'returned') {
      if ((await repo.countAttachments(tx, id)) === 0) throw invalidState('请先上传附件材料（学时证明）');
    }
    const prof = await confirmedProfessionalOf(tx, personId);
    if (prof.id !== row.r.professionalId) throw notFound('继续教育记录');
    await submit(tx, ctx, workflowActor(actor), item, {
      reviewerUnitId: prof.employerId,
      submitStep: DECLARE_STEP,
      reviewStep: REVIEW_STEP,
    });
    if (row.r.employerId !== prof.employerId) await updateRecord(tx, id, { employerId: prof.employerId });
    return reload(tx, actor, id);
  });
}

/** 回收: while the employer has not acted. */
export async function withdrawRecord(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  return s.db.transaction(async (tx) => {
    await ownRecord(tx, actor, id);
    const item = await lockItem(tx, RECORD, id);
    await withdraw(tx, ctx, workflowActor(actor), item, DECLARE_STEP);
    return reload(tx, actor, id);
  });
}

export async function institutions(s: Services, name: string | undefined) {
  return { items: await repo.searchInstitutions(s.db, name) };
}
