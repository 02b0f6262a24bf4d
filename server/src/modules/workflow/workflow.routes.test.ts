import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional, type TestEmployer } from '../../test/world';

let t: TestApp;
let employer: TestEmployer;

beforeAll(async () => {
  t = await startTestApp();
  employer = await makeEmployer(t);
});
afterAll(() => t.close());

type Opinions = { items: { id: string; text: string; sortOrder: number }[] };

describe('批注管理 and 审核设置 (SPEC §5)', () => {
  it('keeps canned opinions per org, in order, and hides them from other orgs', async () => {
    const c = employer.client;
    const a = await c.post<{ id: string }>('/api/workflow/opinions', {
      text: '学时证明不清晰，请重新上传',
      sortOrder: 2,
    });
    expect(a.status).toBe(200);
    const b = await c.post<{ id: string }>('/api/workflow/opinions', { text: '同意', sortOrder: 1 });
    expect((await c.get<Opinions>('/api/workflow/opinions')).body.items.map((o) => o.text)).toEqual([
      '同意',
      '学时证明不清晰，请重新上传',
    ]);
    const empty = await c.post('/api/workflow/opinions', { text: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.error.message).toContain('批注内容');

    const upd = await c.put<{ text: string }>(`/api/workflow/opinions/${a.body.id}`, {
      text: '请补充学时证明',
      sortOrder: 0,
    });
    expect(upd.body.text).toBe('请补充学时证明');

    const other = await makeEmployer(t);
    expect((await other.client.get<Opinions>('/api/workflow/opinions')).body.items).toEqual([]);
    expect((await other.client.put(`/api/workflow/opinions/${a.body.id}`, { text: 'x' })).status).toBe(404);
    expect((await other.client.delete(`/api/workflow/opinions/${a.body.id}`)).status).toBe(404);

    expect((await c.delete(`/api/workflow/opinions/${b.body.id}`)).status).toBe(200);
    expect((await c.get<Opinions>('/api/workflow/opinions')).body.items.map((o) => o.text)).toEqual([
      '请补充学时证明',
    ]);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'opinion.delete'), eq(auditEvents.objectId, b.body.id)));
    expect(audits).toHaveLength(1);
  });

  it('turns the two-reviewer rule on and off for the acting org only', async () => {
    const c = employer.client;
    expect((await c.get('/api/workflow/settings')).body).toEqual({ twoReviewers: false });
    expect((await c.put('/api/workflow/settings', { twoReviewers: true })).body).toEqual({
      twoReviewers: true,
    });
    expect((await c.get('/api/workflow/settings')).body).toEqual({ twoReviewers: true });
    const other = await makeEmployer(t);
    expect((await other.client.get('/api/workflow/settings')).body).toEqual({ twoReviewers: false });
    expect((await c.put('/api/workflow/settings', { twoReviewers: 'yes' })).status).toBe(400);
    expect((await c.put('/api/workflow/settings', { twoReviewers: false })).body).toEqual({
      twoReviewers: false,
    });
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'workflow.settings'), eq(auditEvents.objectId, employer.unit.id)));
    expect(audits).toHaveLength(2);
  });

  it('refuses a person (403)', async () => {
    const p = await makeProfessional(t, employer);
    expect((await p.client.get('/api/workflow/opinions')).status).toBe(403);
    expect((await p.client.put('/api/workflow/settings', { twoReviewers: true })).status).toBe(403);
  });
});
