import type { RecordDetail } from '@ce/shared';
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
import { recordBody, submittedRecord } from './records.fixtures';

/** Edge cases of records and their review: values a record cannot hold, scope changes while waiting. */

let t: TestApp;
let employer: TestEmployer;
let prof: TestProfessional;

beforeAll(async () => {
  t = await startTestApp();
  employer = await makeEmployer(t);
  prof = await makeProfessional(t, employer);
});
afterAll(() => t.close());

type List = { items: { id: string }[]; total: number };

describe('bad input is a 400 naming the field, never a 500', () => {
  it('refuses 参训天数 beyond what a record can hold, on 添加 and on 培训信息维护', async () => {
    // 35 years of study: 10000 days pass the span rule but not the store
    const long = { startDate: '1990-01-01', endDate: '2025-03-02', days: 10000, declaredHours: 12 };
    const created = await prof.client.post('/api/records', recordBody(long));
    expect(created.status).toBe(400);
    expect(created.error.message).toContain('参训天数');

    const rec = await makeRecord(t, prof, { state: 'approved', hours: 6 });
    const before = await totalsOf(t.db, prof.id);
    const corrected = await employer.client.post(`/api/employer/records/${rec.id}/correct`, {
      startDate: '1990-01-01',
      days: 10000,
      correctionReason: '学习时间录入错误',
    });
    expect(corrected.status).toBe(400);
    expect(corrected.error.message).toContain('参训天数');
    expect(await totalsOf(t.db, prof.id)).toEqual(before);
  });

  it('refuses a date in year 0000 (no such date in the database)', async () => {
    const created = await prof.client.post(
      '/api/records',
      recordBody({ startDate: '0000-01-01', endDate: '2025-03-02', days: 1, declaredHours: 6 }),
    );
    expect(created.status).toBe(400);
    expect(created.error.message).toContain('学习开始时间');
    const achievement = await prof.client.post('/api/records/achievements', {
      achievementKind: 'patent',
      achievementRole: 'main',
      courseName: '一种水闸启闭装置',
      endDate: '0000-02-01',
    });
    expect(achievement.status).toBe(400);
    expect(achievement.error.message).toContain('学习结束时间');
  });

  it('refuses a 学习形式 outside the dictionary, as the Excel import does', async () => {
    const created = await prof.client.post('/api/records', { ...recordBody(), studyForm: '随便学学' });
    expect(created.status).toBe(400);
    expect(created.error.message).toContain('学习形式');
    const declared = await employer.client.post('/api/employer/records', {
      ...recordBody(),
      studyForm: '随便学学',
      professionalId: prof.id,
    });
    expect(declared.status).toBe(400);
    expect(declared.error.message).toContain('学习形式');
  });

  it('refuses a 年度 filter beyond any year with a 400 naming 年度', async () => {
    await makeRecord(t, prof, { state: 'approved' });
    for (const [c, url] of [
      [prof.client, '/api/records/mine'],
      [employer.client, '/api/review/records'],
      [employer.client, '/api/employer/records'],
      [employer.client, '/api/employer/records/query'],
      [employer.client, '/api/employer/records/query/export'],
    ] as const) {
      const r = await c.get<List>(`${url}?year=40000`);
      expect(r.status, url).toBe(400);
      expect(r.error.message, url).toMatch(/年度：年度格式错误$/);
    }
  });
});

describe('review', () => {
  it('批量审核 reviews a record once when its id comes twice (in capitals the second time)', async () => {
    const { record } = await submittedRecord(prof.client, {
      declaredHours: 6,
      days: 1,
      startDate: '2025-03-02',
    });
    const r = await employer.client.post<{ succeeded: number; failed: { id: string; message: string }[] }>(
      '/api/review/records/batch',
      { ids: [record.id, record.id.toUpperCase()], decision: 'approve' },
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ succeeded: 1, failed: [] });
    const got = await employer.client.get<RecordDetail>(`/api/review/records/${record.id}`);
    expect(got.body.history.filter((h) => h.result === '同意')).toHaveLength(1);
    expect(await totalsOf(t.db, prof.id)).toEqual(expect.arrayContaining(await recountOf(t.db, prof.id)));
  });
});
