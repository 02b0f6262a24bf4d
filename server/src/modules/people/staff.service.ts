import type { ProfessionalFields, StaffCreateRequest, StaffListQuery } from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Queryable } from '../../core/db';
import { AppError, conflict, notFound } from '../../core/errors';
import { returnPendingRecords, UNBOUND_BY_EMPLOYER } from '../records/records.unbinding';
import { workflowActor } from '../workflow/workflow.engine';
import { assertProfileDates, employerUnitId } from './people.policy';
import { presentDetail, presentListItem, presentPendingItem, profileColumns } from './people.present';
import * as repo from './people.repository';

// ---------- 专业技术人员信息确认 (manual 003 §1.5.1) ----------

/** Persons who picked this employer and wait for 是 / 否. */
export async function listPending(s: Services, actor: Actor, query: StaffListQuery) {
  const employerId = employerUnitId(actor);
  const { items, total } = await repo.listOfEmployer(s.db, { employerId, status: 'pending' }, query);
  return { items: items.map(presentPendingItem), total, page: query.page, pageSize: query.pageSize };
}

async function decide(q: Queryable, ctx: RequestContext, employerId: string, id: string, confirm: boolean) {
  const found = await repo.findOfEmployer(q, { employerId, statuses: ['pending'] }, id, true);
  if (!found) throw notFound('待确认的人员信息');
  await repo.updateProfessional(q, id, {
    bindingStatus: confirm ? 'confirmed' : 'rejected',
    bindingAt: new Date(),
  });
  await audit(q, ctx, {
    action: confirm ? 'staff.confirm' : 'staff.reject',
    objectType: 'professional',
    objectId: id,
    detail: { name: found.row.name },
  });
}

/** 是: the person belongs to this employer and may now declare records. */
export async function confirmOne(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  const employerId = employerUnitId(actor);
  await s.db.transaction((tx) => decide(tx, ctx, employerId, id, true));
  return { ok: true as const, message: '已确认该人员属于本单位' };
}

/** 否: the person does not belong to this employer; they may pick another and submit again. */
export async function rejectOne(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  const employerId = employerUnitId(actor);
  await s.db.transaction((tx) => decide(tx, ctx, employerId, id, false));
  return { ok: true as const, message: '已确认该人员不属于本单位' };
}

/** 人员确认 (batch): each person in its own transaction, failures reported one by one. */
export async function confirmBatch(s: Services, ctx: RequestContext, actor: Actor, ids: string[]) {
  const employerId = employerUnitId(actor);
  let succeeded = 0;
  const failed: { id: string; message: string }[] = [];
  for (const id of new Set(ids)) {
    try {
      await s.db.transaction((tx) => decide(tx, ctx, employerId, id, true));
      succeeded += 1;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failed.push({ id, message: err.message });
    }
  }
  return { succeeded, failed };
}

// ---------- 专业技术人员信息维护 (manual 003 §1.5.2) ----------

/**
 * 单位人员基本信息: the employer's confirmed staff (also the records pages' staff picker).
 * `page` overrides the query's paging (导出Excel asks for the first EXPORT_MAX_ROWS).
 */
export async function listStaff(
  s: Services,
  actor: Actor,
  query: StaffListQuery,
  page = { page: query.page, pageSize: query.pageSize },
) {
  const employerId = employerUnitId(actor);
  const { items, total } = await repo.listOfEmployer(
    s.db,
    { employerId, status: 'confirmed' },
    { ...query, ...page },
  );
  return { items: items.map(presentListItem), total, page: page.page, pageSize: page.pageSize };
}

/** A full profile of a person of this employer (confirmed, or waiting for its 是 / 否). */
export async function staffDetail(s: Services, actor: Actor, id: string) {
  const employerId = employerUnitId(actor);
  const found = await repo.findOfEmployer(s.db, { employerId, statuses: ['confirmed', 'pending'] }, id);
  if (!found) throw notFound('人员信息');
  return presentDetail(found);
}

/**
 * 新增: the employer fills in a person's profile; the person is confirmed at once. An ID number
 * already held by another employer (submitted or confirmed) is refused; an unbound profile is
 * taken over. A registered person is linked now, anyone else when their ID number registers.
 */
export async function addStaff(s: Services, ctx: RequestContext, actor: Actor, input: StaffCreateRequest) {
  const employerId = employerUnitId(actor);
  assertProfileDates(input.idNumber, input);
  return s.db.transaction(async (tx) => {
    const existing = await repo.findByIdNumber(tx, input.idNumber, true);
    const binding = { employerId, bindingStatus: 'confirmed' as const, bindingAt: new Date() };
    const columns = profileColumns(input);
    let id: string;
    if (existing) {
      const { row } = existing;
      const bound = row.bindingStatus === 'confirmed' || row.bindingStatus === 'pending';
      if (bound && row.employerId === employerId && row.bindingStatus === 'confirmed') {
        throw conflict('该人员已是本单位人员，请在列表中修改其信息');
      }
      if (bound && row.employerId !== employerId) {
        throw conflict(
          row.bindingStatus === 'confirmed'
            ? `该公民身份号码的人员已是“${existing.employerName ?? '其他单位'}”的人员，需先由该单位解除绑定`
            : `该公民身份号码的人员已提交至“${existing.employerName ?? '其他单位'}”待确认，不能新增`,
        );
      }
      id = row.id;
      await repo.updateProfessional(tx, id, { ...columns, ...binding });
    } else {
      const person = await repo.personByIdNumber(tx, input.idNumber);
      const row = await repo.insertProfessional(tx, {
        ...columns,
        ...binding,
        idNumber: input.idNumber,
        personId: person?.accountId ?? null,
        createdBy: actor.accountId,
      });
      id = row.id;
    }
    await audit(tx, ctx, {
      action: 'staff.add',
      objectType: 'professional',
      objectId: id,
      detail: { name: input.name, tookOver: existing !== null },
    });
    const saved = await repo.findOfEmployer(tx, { employerId, statuses: ['confirmed'] }, id);
    if (!saved) throw notFound('人员信息');
    return presentDetail(saved);
  });
}

/** 修改: the same fields and checks as 新增; the ID number does not change. */
export async function updateStaff(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  input: ProfessionalFields,
) {
  const employerId = employerUnitId(actor);
  return s.db.transaction(async (tx) => {
    const found = await repo.findOfEmployer(tx, { employerId, statuses: ['confirmed'] }, id, true);
    if (!found) throw notFound('人员信息');
    assertProfileDates(found.row.idNumber, input);
    await repo.updateProfessional(tx, id, profileColumns(input));
    await audit(tx, ctx, { action: 'staff.update', objectType: 'professional', objectId: id });
    const saved = await repo.findOfEmployer(tx, { employerId, statuses: ['confirmed'] }, id);
    if (!saved) throw notFound('人员信息');
    return presentDetail(saved);
  });
}

/** 解除绑定: the person leaves this employer; their records stay with them (SPEC §4). */
export async function unbindStaff(s: Services, ctx: RequestContext, actor: Actor, id: string) {
  const employerId = employerUnitId(actor);
  return s.db.transaction(async (tx) => {
    const found = await repo.findOfEmployer(tx, { employerId, statuses: ['confirmed'] }, id, true);
    if (!found) throw notFound('人员信息');
    await repo.updateProfessional(tx, id, { employerId: null, bindingStatus: 'none', bindingAt: new Date() });
    const returned = await returnPendingRecords(
      tx,
      ctx,
      workflowActor(actor),
      { professionalId: id, employerId },
      UNBOUND_BY_EMPLOYER,
    );
    await audit(tx, ctx, {
      action: 'staff.unbind',
      objectType: 'professional',
      objectId: id,
      detail: { name: found.row.name, employerId, returnedRecords: returned },
    });
    const note = returned > 0 ? `，${returned}条待审核的继续教育记录已退回本人` : '';
    return { ok: true as const, message: `已解除该人员和本单位的绑定关系${note}` };
  });
}
