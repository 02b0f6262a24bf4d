import type { MyHoursResponse } from '@ce/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional, makeRecord } from '../../test/world';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('年度学时情况 paged (issue 9: a thousand records on one page)', () => {
  it('sends one page of the year with 共 N 条, while the verdict still covers the whole year', async () => {
    const prof = await makeProfessional(t, await makeEmployer(t));
    for (let i = 1; i <= 25; i++) {
      await makeRecord(t, prof, {
        subjectType: 'professional',
        hours: 2,
        endDate: `2025-03-${String(i).padStart(2, '0')}`,
        courseName: `专业课${i}`,
      });
    }

    const first = await prof.client.get<MyHoursResponse>('/api/hours/mine?year=2025&page=1&pageSize=10');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 25, page: 1, pageSize: 10 });
    expect(first.body.records.map((r) => r.courseName)).toEqual(
      Array.from({ length: 10 }, (_, i) => `专业课${25 - i}`),
    );
    // all 25 records (50 学时) count, not just the ten on the page
    const professional = first.body.verdict?.categories.find((c) => c.subjectType === 'professional');
    expect(professional).toMatchObject({ recognised: 50, courses: 25 });
    expect(first.body.verdict?.totalRecognised).toBe(50);

    const last = await prof.client.get<MyHoursResponse>('/api/hours/mine?year=2025&page=3&pageSize=10');
    expect(last.body.records.map((r) => r.courseName)).toEqual([
      '专业课5',
      '专业课4',
      '专业课3',
      '专业课2',
      '专业课1',
    ]);
    expect(last.body.total).toBe(25);

    const past = await prof.client.get<MyHoursResponse>('/api/hours/mine?year=2025&page=9&pageSize=10');
    expect(past.body).toMatchObject({ records: [], total: 25, page: 9 });

    // without paging parameters: the first 20
    const plain = await prof.client.get<MyHoursResponse>('/api/hours/mine?year=2025');
    expect(plain.body).toMatchObject({ total: 25, page: 1, pageSize: 20 });
    expect(plain.body.records).toHaveLength(20);
  });

  it('refuses a page size over 200 with a Chinese message naming the field', async () => {
    const prof = await makeProfessional(t, await makeEmployer(t));
    const r = await prof.client.get<{ message: string }>('/api/hours/mine?pageSize=1000');
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('每页条数');
  });
});
