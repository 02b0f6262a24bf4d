import type { MyHoursResponse, RecountResponse } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingYear } from '../../core/time';
import { auditEvents, ceTotals, workflowHistory, workflowItems } from '../../db/schema';
import { loggedIn, makePerson } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional, makeRecord } from '../../test/world';
import { recordReason } from './hours.service';
import { recountOf, totalsOf } from './totals';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const sortTotals = <T extends { year: number; subjectType: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.year - b.year || a.subjectType.localeCompare(b.subjectType));

describe('年度学时情况', () => {
  it('answers a person without 人员基本信息 with a hint', async () => {
    const p = await makePerson(t);
    const c = await loggedIn(t, p);
    const r = await c.get<MyHoursResponse>('/api/hours/mine');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ hasProfile: false, verdict: null, records: [], year: beijingYear() });
    expect(r.body.hint).toContain('人员基本信息维护');
  });

  it('applies 72 (18/42/12) to 2020 and 90 (30/42/18) to 2021 and later', async () => {
    const prof = await makeProfessional(t, await makeEmployer(t));
    const y2020 = await prof.client.get<MyHoursResponse>('/api/hours/mine?year=2020');
    expect(y2020.body.verdict?.categories.map((c) => c.required)).toEqual([18, 42, 12]);
    expect(y2020.body.verdict?.totalRequired).toBe(72);
    const y2021 = await prof.client.get<MyHoursResponse>('/api/hours/mine?year=2021');
    expect(y2021.body.verdict?.categories.map((c) => c.required)).toEqual([30, 42, 18]);
    expect(y2021.body.verdict?.totalRequired).toBe(90);
  });

  it('explains the year: required, recognised, missing, and why each record counts or not', async () => {
    const employer = await makeEmployer(t);
    const prof = await makeProfessional(t, employer);
    const endDate = '2025-05-10';
    await makeRecord(t, prof, { subjectType: 'public', hours: 18, endDate, courseName: '公需课一' });
    await makeRecord(t, prof, { subjectType: 'professional', hours: 42, endDate, courseName: '专业课一' });
    await makeRecord(t, prof, {
      subjectType: 'elective',
      hours: 12,
      endDate,
      courseName: '选修不合格',
      assessment: 'failed',
    });
    await makeRecord(t, prof, {
      subjectType: 'elective',
      hours: 6,
      endDate,
      courseName: '草稿课',
      state: 'draft',
    });
    await makeRecord(t, prof, {
      subjectType: 'public',
      hours: 6,
      endDate,
      courseName: '待审课',
      state: 'submitted',
    });
    const returned = await makeRecord(t, prof, {
      hours: 6,
      endDate,
      courseName: '退回课',
      state: 'returned',
    });
    await makeRecord(t, prof, { hours: 6, endDate, courseName: '结案课', state: 'rejected' });
    await makeRecord(t, prof, { hours: 6, endDate: '2024-03-01', courseName: '去年课' });
    const [item] = await t.db.select().from(workflowItems).where(eq(workflowItems.objectId, returned.id));
    await t.db.insert(workflowHistory).values({
      itemId: item.id,
      seq: 1,
      step: '继续教育记录申报单位审批',
      action: 'return',
      actorName: '审核人',
      opinion: '请补充证明材料',
    });

    const r = await prof.client.get<MyHoursResponse>('/api/hours/mine?year=2025');
    expect(r.status).toBe(200);
    const v = r.body.verdict;
    expect(v?.passed).toBe(false);
    expect(v?.explanation).toEqual(['公需课还差 12 学时', '选修课还差 18 学时']);
    expect(v?.categories).toEqual([
      { subjectType: 'public', label: '公需课', required: 30, recognised: 18, courses: 1, missing: 12 },
      { subjectType: 'professional', label: '专业课', required: 42, recognised: 42, courses: 1, missing: 0 },
      { subjectType: 'elective', label: '选修课', required: 18, recognised: 0, courses: 0, missing: 18 },
    ]);
    const byName = Object.fromEntries(r.body.records.map((x) => [x.courseName, x]));
    expect(Object.keys(byName)).not.toContain('去年课');
    expect(byName.公需课一).toMatchObject({
      statusLabel: '已认定',
      countedHours: 18,
      reason: '已计入 18 学时',
    });
    expect(byName.选修不合格).toMatchObject({
      statusLabel: '已认定',
      countedHours: 0,
      reason: '考核结果不合格，不计入学时',
    });
    expect(byName.草稿课).toMatchObject({ statusLabel: '草稿', reason: '草稿，尚未确认送审，不计入学时' });
    expect(byName.待审课).toMatchObject({
      statusLabel: '待单位审核',
      reason: '待单位审核，审核同意后计入学时',
    });
    expect(byName.退回课).toMatchObject({
      statusLabel: '退回',
      reason: '已退回，请修改后重新确认送审（审核意见：请补充证明材料）',
    });
    expect(byName.结案课).toMatchObject({ statusLabel: '不同意并结案', reason: '不同意并结案，不计入学时' });
    const years = r.body.years.map((y) => y.year);
    expect(years).toEqual(expect.arrayContaining([beijingYear(), 2025, 2024]));
    expect(r.body.years.find((y) => y.year === 2024)).toMatchObject({ totalRecognised: 6, passed: false });
  });

  it('explains a zero-hour approved record', () => {
    expect(
      recordReason({ state: 'approved', assessment: 'passed', recognisedHours: 0, opinion: null }),
    ).toEqual({
      counted: 0,
      reason: '认定学时为0，不计入学时',
    });
  });
});

describe('重新统计学时', () => {
  it('restores corrupted totals for the person and says how many rows changed', async () => {
    const prof = await makeProfessional(t, await makeEmployer(t));
    await makeRecord(t, prof, { subjectType: 'public', hours: 12, endDate: '2025-02-01' });
    await makeRecord(t, prof, { subjectType: 'professional', hours: 24, endDate: '2025-02-01' });
    const unchanged = await prof.client.post<RecountResponse>('/api/hours/recount');
    expect(unchanged.body).toMatchObject({ persons: 1, changed: 0, message: '重新统计完成，学时无变化' });

    await t.db
      .update(ceTotals)
      .set({ hours: 99 })
      .where(and(eq(ceTotals.professionalId, prof.id), eq(ceTotals.subjectType, 'public')));
    await t.db
      .insert(ceTotals)
      .values({ professionalId: prof.id, year: 2019, subjectType: 'elective', hours: 5, courses: 1 });
    const r = await prof.client.post<RecountResponse>('/api/hours/recount');
    expect(r.status).toBe(200);
    expect(r.body.changed).toBe(2);
    expect(sortTotals(await totalsOf(t.db, prof.id))).toEqual(sortTotals(await recountOf(t.db, prof.id)));
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'totals.recount'), eq(auditEvents.objectId, prof.id)));
    expect(audit).toBeDefined();
  });

  it('recounts every confirmed staff member of the employer', async () => {
    const employer = await makeEmployer(t);
    const a = await makeProfessional(t, employer);
    const b = await makeProfessional(t, employer);
    const pending = await makeProfessional(t, employer, { status: 'pending' });
    for (const p of [a, b, pending]) await makeRecord(t, p, { hours: 10, endDate: '2025-04-01' });
    await t.db.delete(ceTotals).where(eq(ceTotals.professionalId, a.id));
    await t.db.update(ceTotals).set({ courses: 7 }).where(eq(ceTotals.professionalId, b.id));
    await t.db.update(ceTotals).set({ courses: 7 }).where(eq(ceTotals.professionalId, pending.id));
    const r = await employer.client.post<RecountResponse>('/api/employer/hours/recount');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ persons: 2, changed: 2 });
    for (const p of [a, b]) {
      expect(sortTotals(await totalsOf(t.db, p.id))).toEqual(sortTotals(await recountOf(t.db, p.id)));
    }
    // not confirmed: not the employer's to recount
    expect((await totalsOf(t.db, pending.id))[0].courses).toBe(7);
    const person = await a.client.post('/api/employer/hours/recount');
    expect(person.status).toBe(403);
  });
});
