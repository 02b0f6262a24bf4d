import type { RecordDetail } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, professionals } from '../../db/schema';
import { startTestApp, type TestApp } from '../../test/harness';
import {
  makeEmployer,
  makeProfessional,
  makeRecord,
  type TestEmployer,
  type TestProfessional,
} from '../../test/world';
import { totalsOf } from '../requirements/totals';
import { attachProof, auditCount, recordBody, submittedRecord } from './records.fixtures';

let t: TestApp;
let employer: TestEmployer;
let prof: TestProfessional;

beforeAll(async () => {
  t = await startTestApp();
  employer = await makeEmployer(t);
  prof = await makeProfessional(t, employer);
});
afterAll(() => t.close());

type List = { items: { id: string; state: string; name: string; idNumber: string }[]; total: number };
const hoursOf = async (id: string, year: number, subject = 'professional') =>
  (await totalsOf(t.db, id)).find((r) => r.year === year && r.subjectType === subject)?.hours ?? 0;

describe('继续教育记录申报 by the employer (manual 003 §1.6.1)', () => {
  it('declares for confirmed staff only; 确认 grants the hours at once', async () => {
    const pending = await makeProfessional(t, employer, { status: 'pending' });
    const notStaff = await employer.client.post('/api/employer/records', {
      ...recordBody(),
      professionalId: pending.id,
    });
    expect(notStaff.status).toBe(404);

    const r = await employer.client.post<RecordDetail>('/api/employer/records', {
      ...recordBody({ endDate: '2024-06-02', startDate: '2024-06-01', declaredHours: 12 }),
      professionalId: prof.id,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      source: 'employer',
      state: 'draft',
      countsNote: '草稿，单位确认后计入',
      can: { edit: true, delete: true, confirm: true, review: false },
    });
    // the person does not see the employer's draft
    expect((await prof.client.get(`/api/records/${r.body.id}`)).status).toBe(404);
    const list = await employer.client.get<List>('/api/employer/records?state=draft');
    expect(list.body.items.map((i) => i.id)).toContain(r.body.id);

    const edited = await employer.client.put<RecordDetail>(`/api/employer/records/${r.body.id}`, {
      ...recordBody({
        endDate: '2024-06-02',
        startDate: '2024-06-01',
        declaredHours: 9,
        courseName: '安全生产',
      }),
      professionalId: prof.id,
    });
    expect(edited.body).toMatchObject({ declaredHours: 9, courseName: '安全生产' });
    await attachProof(employer.client, r.body.id, '/api/employer/records');

    const before = await hoursOf(prof.id, 2024);
    const ok = await employer.client.post<RecordDetail>(`/api/employer/records/${r.body.id}/confirm`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'approved', reviewedHours: 9, recognisedHours: 9 });
    expect(ok.body.history.map((h) => h.result)).toEqual(['确认']);
    expect((await hoursOf(prof.id, 2024)) - before).toBe(9);
    expect(await auditCount(t, 'record.confirm', r.body.id)).toBe(1);
    expect((await prof.client.get<RecordDetail>(`/api/records/${r.body.id}`)).body.state).toBe('approved');

    // once confirmed: no second 确认, no edit, no delete
    expect((await employer.client.post(`/api/employer/records/${r.body.id}/confirm`)).status).toBe(409);
    expect(
      (
        await employer.client.put(`/api/employer/records/${r.body.id}`, {
          ...recordBody(),
          professionalId: prof.id,
        })
      ).status,
    ).toBe(409);
    expect((await employer.client.delete(`/api/employer/records/${r.body.id}`)).status).toBe(409);
  });

  it('confirms a failed assessment with no hours, and deletes a draft', async () => {
    const failed = await employer.client.post<RecordDetail>('/api/employer/records', {
      ...recordBody({ assessment: 'failed' }),
      professionalId: prof.id,
    });
    const ok = await employer.client.post<RecordDetail>(`/api/employer/records/${failed.body.id}/confirm`);
    expect(ok.body).toMatchObject({ recognisedHours: 0, countsNote: '考核结果不合格，不计学时' });
    const draft = await employer.client.post<RecordDetail>('/api/employer/records', {
      ...recordBody(),
      professionalId: prof.id,
    });
    expect((await employer.client.delete(`/api/employer/records/${draft.body.id}`)).status).toBe(200);
    expect((await employer.client.get(`/api/employer/records/${draft.body.id}`)).status).toBe(404);
  });

  it("refuses to change a person's own record from the employer pages", async () => {
    const { record } = await submittedRecord(prof.client);
    const r = await employer.client.put(`/api/employer/records/${record.id}`, {
      ...recordBody(),
      professionalId: prof.id,
    });
    expect(r.status).toBe(409);
  });
});

describe('培训信息维护 (correct an approved record)', () => {
  it('moves hours between years and categories at once, keeping the reason and the before/after facts', async () => {
    const p = await makeProfessional(t, employer);
    const rec = await makeRecord(t, p, {
      state: 'approved',
      hours: 12,
      endDate: '2024-05-10',
      subjectType: 'public',
    });
    expect(await hoursOf(p.id, 2024, 'public')).toBe(12);
    const r = await employer.client.post<RecordDetail>(`/api/employer/records/${rec.id}/correct`, {
      startDate: '2025-05-10',
      endDate: '2025-05-11',
      days: 2,
      subjectType: 'elective',
      recognisedHours: 8,
      correctionReason: '学习时间录入错误',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      year: 2025,
      subjectType: 'elective',
      recognisedHours: 8,
      state: 'approved',
    });
    expect(r.body.history.at(-1)).toMatchObject({
      step: '培训信息维护',
      result: '培训信息维护',
      opinion: '学习时间录入错误',
    });
    expect(await hoursOf(p.id, 2024, 'public')).toBe(0);
    expect(await hoursOf(p.id, 2025, 'elective')).toBe(8);
    const [row] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'record.correct'), eq(auditEvents.objectId, rec.id)));
    expect(row.detail).toMatchObject({ reason: '学习时间录入错误' });
    expect(JSON.parse(String(row.detail?.before))).toMatchObject({
      year: 2024,
      subjectType: 'public',
      recognisedHours: 12,
    });
    expect(JSON.parse(String(row.detail?.after))).toMatchObject({
      year: 2025,
      subjectType: 'elective',
      recognisedHours: 8,
    });
  });

  it('checks the rules on the merged values, and only approved records of the staff', async () => {
    const p = await makeProfessional(t, employer);
    const rec = await makeRecord(t, p, { state: 'approved', hours: 6 });
    const tooMany = await employer.client.post(`/api/employer/records/${rec.id}/correct`, {
      recognisedHours: 7,
      correctionReason: '改学时',
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.error.message).toContain('认定学时');
    const badDates = await employer.client.post(`/api/employer/records/${rec.id}/correct`, {
      startDate: '2025-07-01',
      correctionReason: '改日期',
    });
    expect(badDates.status).toBe(400);
    expect(badDates.error.message).toContain('学习结束时间');
    const noReason = await employer.client.post(`/api/employer/records/${rec.id}/correct`, {
      recognisedHours: 1,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.error.message).toContain('修改原因');
    const failed = await employer.client.post<RecordDetail>(`/api/employer/records/${rec.id}/correct`, {
      assessment: 'failed',
      correctionReason: '考核未通过',
    });
    expect(failed.body).toMatchObject({ recognisedHours: 0 });
    expect(await hoursOf(p.id, 2025)).toBe(0);

    const submitted = await makeRecord(t, p, { state: 'submitted' });
    const notYet = await employer.client.post(`/api/employer/records/${submitted.id}/correct`, {
      correctionReason: 'x',
    });
    expect(notYet.status).toBe(409);
    const stranger = await makeEmployer(t);
    const foreign = await stranger.client.post(`/api/employer/records/${rec.id}/correct`, {
      correctionReason: 'x',
    });
    expect(foreign.status).toBe(404);
  });

  it('after 解除绑定 the old employer keeps only the records it approved', async () => {
    const p = await makeProfessional(t, employer);
    const approved = await makeRecord(t, p, { state: 'approved' });
    const returned = await makeRecord(t, p, { state: 'returned' });
    await t.db
      .update(professionals)
      .set({ employerId: null, bindingStatus: 'none' })
      .where(eq(professionals.id, p.id));
    expect((await employer.client.get(`/api/employer/records/${approved.id}`)).status).toBe(200);
    expect((await employer.client.get(`/api/employer/records/${returned.id}`)).status).toBe(404);
    const c = await employer.client.get<RecordDetail>(`/api/employer/records/${approved.id}`);
    expect(c.body.can.correct).toBe(false);
  });
});

describe('继续教育培训记录查询 (manual 003 §1.9.2)', () => {
  it('lists the approved records of the staff and exports them with masked IDs', async () => {
    const emp = await makeEmployer(t);
    const p = await makeProfessional(t, emp);
    await makeRecord(t, p, { state: 'approved', courseName: '导出课程甲', hours: 6 });
    await makeRecord(t, p, { state: 'submitted', courseName: '导出课程乙' });
    const list = await emp.client.get<List>(
      `/api/employer/records/query?name=${encodeURIComponent(p.person.realName)}`,
    );
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ state: 'approved', name: p.person.realName });

    const x = await emp.client.get<string>('/api/employer/records/query/export?year=2025');
    expect(x.status).toBe(200);
    expect(String(x.headers['content-type'])).toContain('spreadsheetml');
    const sheet = await emp.client.downloadSheet('/api/employer/records/query/export?year=2025');
    expect(sheet.header).toEqual([
      '序号',
      '姓名',
      '公民身份号码',
      '施教机构名称',
      '课程类型',
      '课程名称',
      '拟申报学时',
      '认定学时',
    ]);
    expect(sheet.rows).toHaveLength(1);
    const row = sheet.rows[0];
    expect(row[1]).toBe(p.person.realName);
    expect(row[2]).toBe(`${p.person.idNumber.slice(0, 4)}**********${p.person.idNumber.slice(-4)}`);
    expect(row[5]).toBe('导出课程甲');

    const stranger = await makeEmployer(t);
    expect((await stranger.client.get<List>('/api/employer/records/query')).body.total).toBe(0);
  });
});
