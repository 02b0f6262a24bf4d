import {
  type RecordDetail,
  type RecordListItem,
  SUBJECT_TYPE_LABELS,
  WORKFLOW_STATE_LABELS,
} from '@ce/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import {
  makeEmployer,
  makeProfessional,
  makeRecord,
  type TestEmployer,
  type TestProfessional,
} from '../../test/world';
import { recountOf, totalsOf } from '../requirements/totals';
import { auditCount, recordBody, secondAgent, submittedRecord } from './records.fixtures';

let t: TestApp;
let employer: TestEmployer;
let prof: TestProfessional;

beforeAll(async () => {
  t = await startTestApp();
  employer = await makeEmployer(t);
  prof = await makeProfessional(t, employer);
});
afterAll(() => t.close());

type List = { items: { id: string; state: string; idNumber: string }[]; total: number };

const approve = (hours: number, version?: number) => ({
  decision: 'approve',
  recognisedHours: hours,
  version,
});

describe('继续教育记录认定 (manual 003 §1.6.3)', () => {
  it('lists 待办 by default with masked IDs, and the approval counts at once', async () => {
    const { record } = await submittedRecord(prof.client, { declaredHours: 12, subjectType: 'public' });
    const list = await employer.client.get<List>('/api/review/records');
    const row = list.body.items.find((i) => i.id === record.id);
    expect(row).toMatchObject({ state: 'submitted' });
    expect(row?.idNumber).toMatch(/^\d{4}\*{10}.{4}$/);
    const detail = await employer.client.get<RecordDetail>(`/api/review/records/${record.id}`);
    expect(detail.body).toMatchObject({
      idNumber: prof.person.idNumber,
      can: { review: true, correct: false },
    });

    const before = (await totalsOf(t.db, prof.id)).find((r) => r.year === 2025 && r.subjectType === 'public');
    const done = await employer.client.post<RecordDetail>(
      `/api/review/records/${record.id}/review`,
      approve(10),
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      state: 'approved',
      reviewedHours: 10,
      recognisedHours: 10,
      countsNote: '已认定，计入2025年公需课学时',
    });
    expect(done.body.history.map((h) => h.result)).toEqual(['提交送审', '同意']);
    const after = (await totalsOf(t.db, prof.id)).find((r) => r.year === 2025 && r.subjectType === 'public');
    expect((after?.hours ?? 0) - (before?.hours ?? 0)).toBe(10);
    expect(await totalsOf(t.db, prof.id)).toEqual(expect.arrayContaining(await recountOf(t.db, prof.id)));
    expect(await auditCount(t, 'workflow.approve', record.id)).toBe(1);
    // the person sees it approved
    const mine = await prof.client.get<RecordDetail>(`/api/records/${record.id}`);
    expect(mine.body).toMatchObject({
      state: 'approved',
      recognisedHours: 10,
      can: { delete: false, withdraw: false },
    });
    // illegal transitions now: approve again, submit, withdraw, delete, edit
    expect((await employer.client.post(`/api/review/records/${record.id}/review`, approve(10))).status).toBe(
      409,
    );
    expect((await prof.client.post(`/api/records/${record.id}/submit`)).status).toBe(409);
    expect((await prof.client.post(`/api/records/${record.id}/withdraw`)).status).toBe(409);
    const del = await prof.client.delete(`/api/records/${record.id}`);
    expect(del.status).toBe(409);
    expect(del.error.message).toBe('记录已确认或审核通过，不能删除');
    expect((await prof.client.put(`/api/records/${record.id}`, recordBody())).status).toBe(409);
  });

  it('refuses 认定学时 above 拟申报学时 (400 naming the field) and grants nothing to a failed assessment', async () => {
    const { record } = await submittedRecord(prof.client, { declaredHours: 12 });
    const over = await employer.client.post(`/api/review/records/${record.id}/review`, approve(13));
    expect(over.status).toBe(400);
    expect(over.error.message).toContain('认定学时');
    const missing = await employer.client.post(`/api/review/records/${record.id}/review`, {
      decision: 'approve',
    });
    expect(missing.status).toBe(400);
    expect(missing.error.message).toContain('认定学时');
    const noOpinion = await employer.client.post(`/api/review/records/${record.id}/review`, {
      decision: 'reject',
    });
    expect(noOpinion.status).toBe(400);
    expect(noOpinion.error.message).toContain('审核意见');

    const failed = await submittedRecord(prof.client, { assessment: 'failed' });
    const done = await employer.client.post<RecordDetail>(
      `/api/review/records/${failed.record.id}/review`,
      approve(12),
    );
    expect(done.body).toMatchObject({
      state: 'approved',
      recognisedHours: 0,
      countsNote: '考核结果不合格，不计学时',
    });
  });

  it('退案 sends it back for changes; 结案 closes it, and then the course may be declared again', async () => {
    const { record } = await submittedRecord(prof.client, { courseName: '水利工程管理' });
    const back = await employer.client.post<RecordDetail>(`/api/review/records/${record.id}/review`, {
      decision: 'return',
      opinion: '学时证明不清晰',
    });
    expect(back.body.state).toBe('returned');
    const mine = await prof.client.get<RecordDetail>(`/api/records/${record.id}`);
    expect(mine.body).toMatchObject({
      countsNote: '已退回，请修改后重新送审',
      can: { edit: true, submit: true },
    });
    expect(mine.body.history.at(-1)).toMatchObject({ result: '不同意并退案', opinion: '学时证明不清晰' });
    expect(
      (await prof.client.put(`/api/records/${record.id}`, recordBody({ courseName: '水利工程管理' }))).status,
    ).toBe(200);
    expect((await prof.client.post(`/api/records/${record.id}/submit`)).status).toBe(200);
    const closed = await employer.client.post<RecordDetail>(`/api/review/records/${record.id}/review`, {
      decision: 'reject',
      opinion: '非本人参训',
    });
    expect(closed.body).toMatchObject({ state: 'rejected', countsNote: '不同意并结案，不计学时' });
    // a closed record no longer blocks the course, and it may be deleted
    expect((await prof.client.post('/api/records', recordBody({ courseName: '水利工程管理' }))).status).toBe(
      200,
    );
    expect((await prof.client.delete(`/api/records/${record.id}`)).status).toBe(200);
  });

  it('refuses to approve a draft (409)', async () => {
    const draft = await makeRecord(t, prof, { state: 'draft', source: 'employer' });
    const r = await employer.client.post(`/api/review/records/${draft.id}/review`, approve(6));
    expect(r.status).toBe(409);
    expect(r.error.message).toContain('草稿');
  });

  it('keeps another employer out: 404 on list, detail, review and the attachment', async () => {
    const { record, fileId } = await submittedRecord(prof.client);
    const stranger = await makeEmployer(t);
    const list = await stranger.client.get<List>('/api/review/records');
    expect(list.body.total).toBe(0);
    expect((await stranger.client.get(`/api/review/records/${record.id}`)).status).toBe(404);
    expect((await stranger.client.get(`/api/employer/records/${record.id}`)).status).toBe(404);
    expect((await stranger.client.post(`/api/review/records/${record.id}/review`, approve(6))).status).toBe(
      404,
    );
    expect((await stranger.client.get(`/api/files/${fileId}`)).status).toBe(404);
    expect((await prof.client.post(`/api/review/records/${record.id}/review`, approve(6))).status).toBe(403);
  });

  it('lets exactly one of two reviewers approving at once win; the other gets 409', async () => {
    const other = await secondAgent(t, employer);
    const { record } = await submittedRecord(prof.client);
    const results = await Promise.all([
      employer.client.post(`/api/review/records/${record.id}/review`, approve(12)),
      other.post(`/api/review/records/${record.id}/review`, approve(12)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const detail = await employer.client.get<RecordDetail>(`/api/review/records/${record.id}`);
    expect(detail.body.history.filter((h) => h.result === '同意')).toHaveLength(1);
    expect(await totalsOf(t.db, prof.id)).toEqual(expect.arrayContaining(await recountOf(t.db, prof.id)));
  });

  it('approves two records of one person at once without losing either in the totals', async () => {
    const p = await makeProfessional(t, employer);
    const other = await secondAgent(t, employer);
    const a = await submittedRecord(p.client, { declaredHours: 6, days: 1, startDate: '2025-03-02' });
    const b = await submittedRecord(p.client, { declaredHours: 12 });
    const results = await Promise.all([
      employer.client.post(`/api/review/records/${a.record.id}/review`, approve(6)),
      other.post(`/api/review/records/${b.record.id}/review`, approve(12)),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect((await totalsOf(t.db, p.id)).find((r) => r.subjectType === 'professional')?.hours).toBe(18);
    expect(await totalsOf(t.db, p.id)).toEqual(await recountOf(t.db, p.id));
  });

  it('with the two-reviewer rule: 同意（初审）, same agent again 409, a second agent approves', async () => {
    const emp = await makeEmployer(t);
    const p = await makeProfessional(t, emp);
    const second = await secondAgent(t, emp);
    expect((await emp.client.put('/api/workflow/settings', { twoReviewers: true })).status).toBe(200);
    const { record } = await submittedRecord(p.client);
    const first = await emp.client.post<RecordDetail>(`/api/review/records/${record.id}/review`, approve(10));
    expect(first.body).toMatchObject({
      state: 'submitted',
      reviewedHours: 10,
      recognisedHours: null,
      workflow: { firstApproved: true },
      can: { review: false },
    });
    expect(first.body.history.map((h) => h.result)).toEqual(['提交送审', '同意（初审）', '待办']);
    const noWithdraw = await p.client.post(`/api/records/${record.id}/withdraw`);
    expect(noWithdraw.status).toBe(409);
    const again = await emp.client.post(`/api/review/records/${record.id}/review`, approve(10));
    expect(again.status).toBe(409);
    expect(again.error.message).toContain('另一位审核人');
    const done = await second.post<RecordDetail>(`/api/review/records/${record.id}/review`, approve(11));
    expect(done.body).toMatchObject({ state: 'approved', recognisedHours: 11 });
    expect((await totalsOf(t.db, p.id)).find((r) => r.subjectType === 'professional')?.hours).toBe(11);
  });

  it('批量审核: each record on its own, failures named one by one', async () => {
    const a = await submittedRecord(prof.client, { declaredHours: 6, days: 1, startDate: '2025-03-02' });
    const b = await submittedRecord(prof.client, { declaredHours: 12 });
    const approved = await makeRecord(t, prof, { state: 'approved' });
    const stranger = await makeEmployer(t);
    const strangerProf = await makeProfessional(t, stranger);
    const foreign = await submittedRecord(strangerProf.client);
    const r = await employer.client.post<{ succeeded: number; failed: { id: string; message: string }[] }>(
      '/api/review/records/batch',
      { ids: [a.record.id, b.record.id, approved.id, foreign.record.id], decision: 'approve' },
    );
    expect(r.status).toBe(200);
    expect(r.body.succeeded).toBe(2);
    expect(r.body.failed).toEqual([
      { id: approved.id, message: '当前状态为“同意”，不能审核' },
      { id: foreign.record.id, message: '继续教育记录不存在或无权查看' },
    ]);
    const got = await employer.client.get<RecordDetail>(`/api/review/records/${b.record.id}`);
    expect(got.body).toMatchObject({ state: 'approved', recognisedHours: 12 });
    const returned = await employer.client.post('/api/review/records/batch', {
      ids: [a.record.id],
      decision: 'return',
    });
    expect(returned.status).toBe(400);
    expect(returned.error.message).toContain('审核意见');
  });

  it("导出Excel: the list of the tab and filters as shown, IDs masked, never another employer's", async () => {
    const emp = await makeEmployer(t);
    const p1 = await makeProfessional(t, emp);
    const p2 = await makeProfessional(t, emp);
    await submittedRecord(p1.client, {
      subjectType: 'public',
      declaredHours: 6,
      days: 1,
      startDate: '2025-03-02',
    });
    await submittedRecord(p1.client);
    await submittedRecord(p2.client);
    await makeRecord(t, p1, { state: 'approved', courseName: '已认定的导出课程' });
    const rival = await makeEmployer(t);
    const theirs = await makeProfessional(t, rival);
    await submittedRecord(theirs.client);
    type Page = { items: RecordListItem[]; total: number };
    const asRows = (items: RecordListItem[]) =>
      items.map((r, i) => [
        i + 1,
        r.name,
        r.idNumber,
        SUBJECT_TYPE_LABELS[r.subjectType],
        r.courseName,
        r.declaredHours,
        r.reviewedHours,
        r.recognisedHours,
        r.reviewerUnitName,
        r.step,
        WORKFLOW_STATE_LABELS[r.state],
      ]);

    // no state: 待办, as the list
    const todo = await emp.client.get<Page>('/api/review/records?pageSize=200');
    expect(todo.body.total).toBe(3);
    const x = await emp.client.downloadSheet('/api/review/records/export');
    expect(x.disposition).toContain(encodeURIComponent('继续教育记录认定.xlsx'));
    expect(x.header).toEqual([
      '序号',
      '姓名',
      '公民身份号码',
      '课程类型',
      '课程名称',
      '拟申报学时',
      '审核学时',
      '认定学时',
      '审核部门',
      '审核环节',
      '审核状态',
    ]);
    expect(x.rows).toEqual(asRows(todo.body.items));
    const mask = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;
    expect(new Set(x.rows.map((r) => r[2]))).toEqual(
      new Set([mask(p1.person.idNumber), mask(p2.person.idNumber)]),
    );
    expect(x.rows.map((r) => r[1])).not.toContain(theirs.person.realName);

    // the state tab and the search filters; the page does not limit the export
    const approved = await emp.client.get<Page>('/api/review/records?state=approved');
    const xa = await emp.client.downloadSheet('/api/review/records/export?state=approved&page=2&pageSize=1');
    expect(xa.rows).toEqual(asRows(approved.body.items));
    expect(xa.rows.map((r) => [r[4], r[10]])).toEqual([['已认定的导出课程', WORKFLOW_STATE_LABELS.approved]]);
    const filter = `name=${encodeURIComponent(p1.person.realName)}&subjectType=public`;
    const narrowed = await emp.client.get<Page>(`/api/review/records?${filter}`);
    const xn = await emp.client.downloadSheet(`/api/review/records/export?${filter}`);
    expect(xn.rows).toEqual(asRows(narrowed.body.items));
    expect(xn.rows.map((r) => [r[1], r[3], r[5]])).toEqual([[p1.person.realName, '公需课', 6]]);

    // the rival sees only its own, even when it searches for ours
    const xr = await rival.client.downloadSheet('/api/review/records/export');
    expect(xr.rows.map((r) => r[1])).toEqual([theirs.person.realName]);
    const probe = await rival.client.downloadSheet(
      `/api/review/records/export?idNumber=${p1.person.idNumber}&state=approved`,
    );
    expect(probe.rows).toEqual([]);
    expect((await p1.client.get('/api/review/records/export')).status).toBe(403);
    expect((await emp.client.get('/api/review/records/export?state=bogus')).status).toBe(400);
  });

  it('shows reviewed records of the staff under other states', async () => {
    const list = await employer.client.get<List>('/api/review/records?state=approved&pageSize=100');
    expect(list.body.total).toBeGreaterThan(0);
    expect(list.body.items.every((i) => i.state === 'approved')).toBe(true);
  });
});
