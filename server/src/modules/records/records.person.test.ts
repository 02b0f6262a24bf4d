import type { RecordDetail } from '@ce/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingToday } from '../../core/time';
import { makeUnit } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional, type TestEmployer, type TestProfessional } from '../../test/world';
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

type List = { items: { id: string; state: string; idNumber: string; courseName: string }[]; total: number };

describe('继续教育记录: a person declares (manual 001 §3.3.1)', () => {
  it('saves a draft that explains itself, lists it, and writes an audit row', async () => {
    const r = await prof.client.post<RecordDetail>(
      '/api/records',
      recordBody({ endDate: '2024-12-31', startDate: '2024-12-30' }),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      state: 'draft',
      year: 2024,
      source: 'person',
      institutionName: '广东省水利厅',
      idNumber: prof.person.idNumber,
      employerName: employer.unit.name,
      countsNote: '草稿，确认送审并审核通过后计入',
      can: { edit: true, delete: true, attach: true, submit: true, withdraw: false, review: false },
    });
    expect(r.body.regionName).toBe('广东省广州市');
    const list = await prof.client.get<List>('/api/records/mine?state=draft&year=2024');
    expect(list.body.items.map((i) => i.id)).toContain(r.body.id);
    expect(list.body.items[0].idNumber).toMatch(/^\d{4}\*{10}/);
    expect(await auditCount(t, 'record.create', r.body.id)).toBe(1);
  });

  it('refuses a person whose employer has not confirmed them, with the policy message', async () => {
    const pending = await makeProfessional(t, employer, { status: 'pending' });
    const r = await pending.client.post('/api/records', recordBody());
    expect(r.status).toBe(409);
    expect(r.error.message).toContain('尚未确认');
    const none = await makeProfessional(t, null);
    const n = await none.client.post('/api/records', recordBody());
    expect(n.status).toBe(409);
    expect(n.error.message).toContain('人员基本信息维护');
  });

  it('checks the SPEC §6 rules and names the field', async () => {
    const cases: [Partial<Parameters<typeof recordBody>[0]>, string][] = [
      [{ startDate: '2025-03-05', endDate: '2025-03-02' }, '学习结束时间'],
      [{ days: 2, declaredHours: 13 }, '拟申报学时'],
      [{ days: 3, startDate: '2025-03-01', endDate: '2025-03-02' }, '参训天数'],
      [{ days: 0.3 }, '参训天数'],
      [{ startDate: '2999-01-01', endDate: '2999-01-02' }, '学习结束时间'],
      [{ startDate: '2025-02-30' }, '学习开始时间'],
      [{ institutionName: null, institutionId: null }, '施教机构名称'],
      [{ institutionName: null, institutionId: '00000000-0000-4000-8000-000000000000' }, '施教机构名称'],
      [{ courseName: '' }, '课程名称'],
      [{ subjectType: 'x' as 'public' }, '科目类型'],
    ];
    for (const [over, label] of cases) {
      const r = await prof.client.post('/api/records', recordBody(over));
      expect(r.status, JSON.stringify(over)).toBe(400);
      expect(r.error.message, JSON.stringify(over)).toContain(label);
    }
    expect(beijingToday(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });

  it('stores the name of a registered institution picked from the list', async () => {
    const inst = await makeUnit(t, { roles: [{ role: 'institution', level: 'city', regionCode: '4401' }] });
    const found = await prof.client.get<{ items: { id: string; name: string }[] }>(
      `/api/institutions?name=${encodeURIComponent(inst.name)}`,
    );
    expect(found.body.items).toEqual([{ id: inst.id, name: inst.name }]);
    const r = await prof.client.post<RecordDetail>(
      '/api/records',
      recordBody({ institutionId: inst.id, institutionName: '别的名字' }),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ institutionId: inst.id, institutionName: inst.name });
  });

  it('refuses the same course on overlapping dates, whatever the case and spaces', async () => {
    const first = await prof.client.post<RecordDetail>(
      '/api/records',
      recordBody({ courseName: 'Excel 高级应用' }),
    );
    expect(first.status).toBe(200);
    const dup = await prof.client.post(
      '/api/records',
      recordBody({
        courseName: 'excel高级  应用',
        startDate: '2025-03-02',
        endDate: '2025-03-02',
        days: 1,
        declaredHours: 6,
      }),
    );
    expect(dup.status).toBe(409);
    expect(dup.error.message).toBe('已存在同一课程且学习时间重叠的记录');
    const later = await prof.client.post(
      '/api/records',
      recordBody({
        courseName: 'Excel 高级应用',
        startDate: '2025-04-01',
        endDate: '2025-04-01',
        days: 1,
        declaredHours: 6,
      }),
    );
    expect(later.status).toBe(200);
  });

  it('needs an attachment before 确认送审, then waits at the employer', async () => {
    const r = await prof.client.post<RecordDetail>('/api/records', recordBody());
    const early = await prof.client.post(`/api/records/${r.body.id}/submit`);
    expect(early.status).toBe(409);
    expect(early.error.message).toBe('请先上传附件材料（学时证明）');
    const { record } = await attachProof(prof.client, r.body.id);
    expect(record.attachments).toMatchObject([{ name: '学时证明', type: 'PNG' }]);
    const sent = await prof.client.post<RecordDetail>(`/api/records/${r.body.id}/submit`);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      state: 'submitted',
      reviewerUnitName: employer.unit.name,
      step: '继续教育记录申报单位审批',
      countsNote: '待单位审核，审核通过后计入',
      can: { edit: false, delete: false, submit: false, withdraw: true },
    });
    expect(sent.body.history.map((h) => [h.step, h.result])).toEqual([
      ['继续教育记录申报', '提交送审'],
      ['继续教育记录申报单位审批', '待办'],
    ]);
    // while 待办: no edit, no delete, no second submit, no new attachment
    expect((await prof.client.put(`/api/records/${r.body.id}`, recordBody())).status).toBe(409);
    expect((await prof.client.delete(`/api/records/${r.body.id}`)).status).toBe(409);
    expect((await prof.client.post(`/api/records/${r.body.id}/submit`)).status).toBe(409);
    // 回收 brings it back to 草稿, editable again
    const back = await prof.client.post<RecordDetail>(`/api/records/${r.body.id}/withdraw`);
    expect(back.body).toMatchObject({ state: 'draft', can: { edit: true } });
    const edited = await prof.client.put<RecordDetail>(
      `/api/records/${r.body.id}`,
      recordBody({ courseName: '改过的课程', declaredHours: 6 }),
    );
    expect(edited.body).toMatchObject({ courseName: '改过的课程', declaredHours: 6 });
    expect(await auditCount(t, 'record.update', r.body.id)).toBe(1);
  });

  it('deletes a draft and its attachments', async () => {
    const r = await prof.client.post<RecordDetail>('/api/records', recordBody());
    const { record } = await attachProof(prof.client, r.body.id);
    const detached = await prof.client.delete<RecordDetail>(
      `/api/records/${r.body.id}/attachments/${record.attachments[0].id}`,
    );
    expect(detached.body.attachments).toEqual([]);
    await attachProof(prof.client, r.body.id);
    expect((await prof.client.delete(`/api/records/${r.body.id}`)).status).toBe(200);
    expect((await prof.client.get(`/api/records/${r.body.id}`)).status).toBe(404);
    expect(await auditCount(t, 'record.delete', r.body.id)).toBe(1);
  });

  it('converts an achievement into 专业课 hours: 28 for the main author, 14 for the others', async () => {
    const main = await prof.client.post<RecordDetail>('/api/records/achievements', {
      achievementKind: 'patent',
      achievementRole: 'main',
      courseName: '一种混凝土养护装置',
      endDate: '2025-05-20',
    });
    expect(main.status).toBe(200);
    expect(main.body).toMatchObject({
      source: 'achievement',
      subjectType: 'professional',
      declaredHours: 28,
      days: 1,
      year: 2025,
      achievementKind: 'patent',
      can: { edit: false, submit: true, delete: true },
    });
    const other = await prof.client.post<RecordDetail>('/api/records/achievements', {
      achievementKind: 'paper',
      achievementRole: 'other',
      courseName: '论桥梁检测',
      endDate: '2025-06-01',
    });
    expect(other.body.declaredHours).toBe(14);
    const future = await prof.client.post('/api/records/achievements', {
      achievementKind: 'paper',
      achievementRole: 'other',
      courseName: '未来论文',
      endDate: '2999-01-01',
    });
    expect(future.status).toBe(400);
    expect(future.error.message).toContain('学习结束时间');
    expect((await prof.client.post(`/api/records/${main.body.id}/submit`)).status).toBe(409);
    await attachProof(prof.client, main.body.id);
    expect((await prof.client.post(`/api/records/${main.body.id}/submit`)).status).toBe(200);
  });

  it("hides another person's record: 404 on every path, files included", async () => {
    const { record, fileId } = await submittedRecord(prof.client);
    const other = await makeProfessional(t, employer);
    for (const res of [
      await other.client.get(`/api/records/${record.id}`),
      await other.client.put(`/api/records/${record.id}`, recordBody()),
      await other.client.delete(`/api/records/${record.id}`),
      await other.client.post(`/api/records/${record.id}/withdraw`),
      await other.client.post(`/api/records/${record.id}/submit`),
      await other.client.get(`/api/files/${fileId}`),
    ]) {
      expect(res.status).toBe(404);
    }
    expect((await other.client.get<List>('/api/records/mine')).body.total).toBe(0);
    const own = await prof.client.download(`/api/files/${fileId}`);
    expect(own.status).toBe(200);
    // 下载 saves the attachment under its name instead of opening it in the tab
    expect(own.disposition).toMatch(/^attachment; filename\*=UTF-8''/);
    // the reviewing employer may read it; another employer may not
    expect((await employer.client.get(`/api/files/${fileId}`)).status).toBe(200);
    const stranger = await makeEmployer(t);
    expect((await stranger.client.get(`/api/files/${fileId}`)).status).toBe(404);
  });

  it('refuses an employer agent on the person routes (403)', async () => {
    expect((await employer.client.get('/api/records/mine')).status).toBe(403);
  });
});
