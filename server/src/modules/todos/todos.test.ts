import type { TodosResponse } from '@ce/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingYear } from '../../core/time';
import { hrssOperator, loggedIn, makePerson } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional, makeRecord } from '../../test/world';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const keys = (r: TodosResponse) => Object.fromEntries(r.items.map((i) => [i.key, i]));

describe('待办事项', () => {
  it('asks a person without a profile to fill it in', async () => {
    const c = await loggedIn(t, await makePerson(t));
    const r = await c.get<TodosResponse>('/api/todos');
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([
      expect.objectContaining({ key: 'profile', path: '/person/profile', count: 1 }),
    ]);
  });

  it('tells a person about the binding, records to fix or send, and what this year lacks', async () => {
    const employer = await makeEmployer(t);
    const waiting = await makeProfessional(t, employer, { status: 'pending' });
    expect(
      keys((await waiting.client.get<TodosResponse>('/api/todos')).body)['binding.pending'],
    ).toMatchObject({
      path: '/person/profile',
    });
    const refused = await makeProfessional(t, employer, { status: 'rejected' });
    expect(
      keys((await refused.client.get<TodosResponse>('/api/todos')).body)['binding.rejected'],
    ).toBeDefined();

    const prof = await makeProfessional(t, employer);
    const year = beijingYear();
    const endDate = `${year}-01-15`;
    await makeRecord(t, prof, { state: 'returned', endDate: '2025-01-01' });
    await makeRecord(t, prof, { state: 'draft', endDate });
    await makeRecord(t, prof, { state: 'draft', endDate });
    await makeRecord(t, prof, { state: 'draft', endDate, source: 'employer' });
    await makeRecord(t, prof, { subjectType: 'professional', hours: 42, endDate });
    await makeRecord(t, prof, { subjectType: 'elective', hours: 12, endDate });
    const r = keys((await prof.client.get<TodosResponse>('/api/todos')).body);
    expect(r['binding.confirmed']).toBeUndefined();
    expect(r['records.returned']).toMatchObject({ count: 1, path: '/person/records' });
    expect(r['records.draft']).toMatchObject({ count: 2, path: '/person/records' });
    expect(r['hours.missing']).toMatchObject({
      text: `${year}年度：公需课还差 30 学时，选修课还差 6 学时。`,
      path: '/person/hours',
    });
  });

  it('shows an employer agent the persons to confirm and the records to review', async () => {
    const employer = await makeEmployer(t);
    const other = await makeEmployer(t);
    await makeProfessional(t, employer, { status: 'pending' });
    await makeProfessional(t, employer, { status: 'pending' });
    await makeProfessional(t, other, { status: 'pending' });
    const staff = await makeProfessional(t, employer);
    for (let i = 0; i < 3; i += 1) await makeRecord(t, staff, { state: 'submitted' });
    await makeRecord(t, staff, { state: 'approved' });
    const r = keys((await employer.client.get<TodosResponse>('/api/todos')).body);
    expect(r['staff.confirm']).toMatchObject({ count: 2, path: '/employer/staff-confirm' });
    expect(r['records.review']).toMatchObject({ count: 3, path: '/employer/records-review' });
    const quiet = await makeEmployer(t);
    expect((await quiet.client.get<TodosResponse>('/api/todos')).body.items).toEqual([]);
  });

  it('has nothing for an HRSS operator here', async () => {
    const { client } = await hrssOperator(t);
    expect((await client.get<TodosResponse>('/api/todos')).body.items).toEqual([]);
  });
});
