import type { RecordDetail } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { professionals, workflowItems } from '../../db/schema';
import type { Client } from '../../test/client';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional, type TestEmployer, type TestProfessional } from '../../test/world';
import { profileFor } from '../people/people.fixtures';
import { totalsOf } from '../requirements/totals';
import { auditCount, submittedRecord } from './records.fixtures';
import { UNBOUND_BY_EMPLOYER, UNBOUND_BY_PERSON } from './records.unbinding';

/**
 * SPEC §4: an employer sees a person's record only while the person is its confirmed staff or
 * when it approved the record. Records waiting at an employer the person leaves go back to them.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type List = { items: { id: string }[]; total: number };
const hoursOf = async (id: string, year = 2025) =>
  (await totalsOf(t.db, id)).filter((r) => r.year === year).reduce((sum, r) => sum + Number(r.hours), 0);

async function approve(employer: TestEmployer, id: string, hours: number) {
  const r = await employer.client.post<RecordDetail>(`/api/review/records/${id}/review`, {
    decision: 'approve',
    recognisedHours: hours,
  });
  expect(r.status).toBe(200);
  return r.body;
}

/** What the old employer can reach of a record: every employer read and action. */
async function expectOutOfSight(
  employer: TestEmployer,
  record: { id: string; courseName: string },
  fileId: string,
) {
  const c = employer.client;
  expect((await c.get(`/api/review/records/${record.id}`)).status).toBe(404);
  expect((await c.get(`/api/employer/records/${record.id}`)).status).toBe(404);
  const review = await c.post(`/api/review/records/${record.id}/review`, {
    decision: 'approve',
    recognisedHours: 6,
  });
  expect(review.status).toBe(404);
  const batch = await c.post<{ succeeded: number }>('/api/review/records/batch', {
    ids: [record.id],
    decision: 'approve',
  });
  expect(batch.body.succeeded).toBe(0);
  expect((await c.download(`/api/files/${fileId}`)).status).toBe(404);
  for (const url of [
    '/api/review/records',
    '/api/review/records?state=submitted',
    '/api/employer/records/query',
  ]) {
    expect(
      (await c.get<List>(url)).body.items.map((i) => i.id),
      url,
    ).not.toContain(record.id);
  }
  const sheet = await c.downloadSheet('/api/review/records/export');
  expect(sheet.rows.flat()).not.toContain(record.courseName);
}

async function historyOf(c: Client, id: string) {
  const r = await c.get<RecordDetail>(`/api/records/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

async function moveTo(p: TestProfessional, next: TestEmployer) {
  const sent = await p.client.post<{ message: string }>('/api/people/me/submit', {
    ...profileFor(p.person.idNumber, p.person.realName),
    employerId: next.unit.id,
  });
  expect(sent.status).toBe(200);
  return sent.body.message;
}

async function confirm(next: TestEmployer, p: TestProfessional) {
  expect((await next.client.post(`/api/employer/staff-confirmations/${p.id}/confirm`)).status).toBe(200);
}

describe('解除绑定 by the employer', () => {
  it('returns the 待办 records to the person; the old employer keeps only what it approved', async () => {
    const [oldEmployer, newEmployer] = [await makeEmployer(t), await makeEmployer(t)];
    const p = await makeProfessional(t, oldEmployer);
    const done = await submittedRecord(p.client, { declaredHours: 12 });
    await approve(oldEmployer, done.record.id, 12);
    const { record, fileId } = await submittedRecord(p.client, {
      startDate: '2025-05-01',
      endDate: '2025-05-01',
      days: 1,
      declaredHours: 6,
    });
    expect(await hoursOf(p.id)).toBe(12);

    const unbound = await oldEmployer.client.post<{ message: string }>(`/api/employer/staff/${p.id}/unbind`);
    expect(unbound.status).toBe(200);
    expect(unbound.body.message).toContain('1条待审核的继续教育记录已退回本人');

    await expectOutOfSight(oldEmployer, record, fileId);
    // what it approved stays, read-only
    const kept = await oldEmployer.client.get<RecordDetail>(`/api/employer/records/${done.record.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.can.correct).toBe(false);
    const query = await oldEmployer.client.get<List>('/api/employer/records/query');
    expect(query.body.items.map((i) => i.id)).toContain(done.record.id);

    // the person sees 退回 with the reason, in the 审批流程
    const mine = await historyOf(p.client, record.id);
    expect(mine).toMatchObject({ state: 'returned', can: { edit: true } });
    expect(mine.history.at(-1)).toMatchObject({ result: '不同意并退案', opinion: UNBOUND_BY_EMPLOYER });
    expect(await auditCount(t, 'workflow.return', record.id)).toBe(1);
    expect(await hoursOf(p.id)).toBe(12);

    // no employer to send it to until a new one confirms
    expect((await p.client.post(`/api/records/${record.id}/submit`)).status).not.toBe(200);
    await moveTo(p, newEmployer);
    await confirm(newEmployer, p);
    const again = await p.client.post<RecordDetail>(`/api/records/${record.id}/submit`);
    expect(again.status).toBe(200);
    expect(again.body.state).toBe('submitted');

    const desk = await newEmployer.client.get<List>('/api/review/records?state=submitted');
    expect(desk.body.items.map((i) => i.id)).toEqual([record.id]);
    await approve(newEmployer, record.id, 6);
    expect(await hoursOf(p.id)).toBe(18);
    // the old employer sees neither the re-sent record nor the new employer's approval
    await expectOutOfSight(oldEmployer, record, fileId);
    // nor does the new one see what the old one approved
    expect((await newEmployer.client.get(`/api/employer/records/${done.record.id}`)).status).toBe(404);
  });
});

describe('the person picks another employer (人员基本信息维护 → 提交)', () => {
  it('ends the confirmed binding and returns the 待办 records with the reason', async () => {
    const [oldEmployer, newEmployer] = [await makeEmployer(t), await makeEmployer(t)];
    const p = await makeProfessional(t, oldEmployer);
    const { record, fileId } = await submittedRecord(p.client);

    expect(await moveTo(p, newEmployer)).toContain('1条待原单位审核的继续教育记录已退回');
    await expectOutOfSight(oldEmployer, record, fileId);
    const mine = await historyOf(p.client, record.id);
    expect(mine.state).toBe('returned');
    expect(mine.history.at(-1)).toMatchObject({ result: '不同意并退案', opinion: UNBOUND_BY_PERSON });
    // the new employer has not confirmed yet: nothing of the person is in its sight
    expect((await newEmployer.client.get(`/api/review/records/${record.id}`)).status).toBe(404);

    await confirm(newEmployer, p);
    expect((await p.client.post(`/api/records/${record.id}/submit`)).status).toBe(200);
    expect((await newEmployer.client.get(`/api/review/records/${record.id}`)).status).toBe(200);
    await approve(newEmployer, record.id, 12);
    expect(await hoursOf(p.id)).toBe(12);
  });
});

describe('the scope itself', () => {
  it('hides an item left at the desk of an employer the person no longer belongs to', async () => {
    const employer = await makeEmployer(t);
    const p = await makeProfessional(t, employer);
    const { record, fileId } = await submittedRecord(p.client);
    // a binding ended behind the use cases' back: the item still names this employer as reviewer
    await t.db
      .update(professionals)
      .set({ employerId: null, bindingStatus: 'none' })
      .where(eq(professionals.id, p.id));
    const [item] = await t.db
      .select()
      .from(workflowItems)
      .where(and(eq(workflowItems.objectType, 'ce_record'), eq(workflowItems.objectId, record.id)));
    expect(item.reviewerUnitId).toBe(employer.unit.id);
    await expectOutOfSight(employer, record, fileId);
  });
});
