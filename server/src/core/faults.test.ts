import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../core/db';
import { recountOf, totalsOf } from '../modules/requirements/totals';
import { appOver, startTestApp, type TestApp, testConfig, testDatabase } from '../test/harness';
import { makeEmployer, makeProfessional, makeRecord, type TestEmployer } from '../test/world';

let t: TestApp;
let employer: TestEmployer;

beforeAll(async () => {
  t = await startTestApp();
  employer = await makeEmployer(t);
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const approve = { decision: 'approve', recognisedHours: 12 };

describe('request ids', () => {
  it("an error answer carries the proxy's x-request-id, in the header and in the body", async () => {
    const res = await employer.client.request('GET', '/api/review/records/not-a-uuid-at-all', undefined, {
      headers: { 'x-request-id': 'lb-7f3a.42:1' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers['x-request-id']).toBe('lb-7f3a.42:1');
    expect(res.error).toMatchObject({ requestId: 'lb-7f3a.42:1' });
    expect(res.error.code).toEqual(expect.any(String));
  });

  it('replaces an id that could forge a log line, and gives one to every answer', async () => {
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/nowhere',
      headers: { 'x-request-id': 'x" {"level":60}' },
    });
    expect(forged.statusCode).toBe(404);
    const id = String(forged.headers['x-request-id']);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(forged.json()).toMatchObject({ code: 'NOT_FOUND', requestId: id });
    const ok = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('access log', () => {
  it('writes one line per answer with its request id, method, URL, status and time', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    });
    const logged = await appOver(await testDatabase(), testConfig({ logLevel: 'info' }), {
      closeDatabase: true,
      removeDataDir: true,
      logStream: stream,
    });
    try {
      const res = await logged.app.inject({
        method: 'GET',
        url: '/api/public/certificates/NO-SUCH?x=1',
        headers: { 'x-request-id': 'lb-access-1' },
      });
      expect(res.statusCode).toBe(404);
      await sleep(50);
      const mine = lines.filter((l) => l.requestId === 'lb-access-1');
      const access = mine.filter((l) => l.msg === 'request completed');
      expect(access).toHaveLength(1);
      expect(access[0]).toMatchObject({
        method: 'GET',
        url: '/api/public/certificates/NO-SUCH?x=1',
        statusCode: 404,
        responseTime: expect.any(Number),
      });
      // Fastify's own pair of lines (incoming request / request completed with req and res) is off
      expect(mine.filter((l) => l.msg === 'incoming request')).toHaveLength(0);
    } finally {
      await logged.close();
    }
  });
});

describe('/healthz and /readyz', () => {
  it('answer 200 with the state of the database and the file store', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ok',
      checks: [
        { name: 'database', status: 'up' },
        { name: 'files', status: 'up' },
      ],
    });
  });

  it('/readyz names a check that hangs, within its 2 s timeout', async () => {
    // a dependency that never answers (a Redis behind a dead network) must not hang the probe
    t.readiness.checks.push({ name: 'stuck', check: () => new Promise(() => {}) });
    try {
      const started = Date.now();
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(Date.now() - started).toBeLessThan(4000);
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'unavailable' });
      expect(ready.json().checks).toEqual([
        { name: 'database', status: 'up' },
        { name: 'files', status: 'up' },
        { name: 'stuck', status: 'down', reason: 'timeout' },
      ]);
    } finally {
      t.readiness.checks.pop();
    }
  });
});

// Only PostgreSQL has connections a server can take away (pg_terminate_backend); PGlite runs in
// this process. Run with TEST_DATABASE_URL=postgres://… to exercise it.
describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL connections terminated during approvals', () => {
  it('the process lives, requests in flight get 503, the next succeed, totals equal a recount', async () => {
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await makeProfessional(t, employer));
    const storm: string[] = [];
    const after: string[] = [];
    for (let i = 0; i < 80; i++) {
      const r = await makeRecord(t, people[i % 4], {
        state: 'submitted',
        endDate: `202${3 + (i % 3)}-06-30`,
      });
      storm.push(r.id);
    }
    for (let i = 0; i < 4; i++) after.push((await makeRecord(t, people[i], { state: 'submitted' })).id);
    const [{ name }] = await queryRows<{ name: string }>(t.db, sql`select current_database() as name`);

    // a separate connection keeps terminating every other backend of the test database
    const killer = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await killer.connect();
    let stop = false;
    let terminated = 0;
    const killing = (async () => {
      while (!stop) {
        const res = await killer.query<{ n: number }>(
          'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        );
        terminated += res.rows[0].n;
        await sleep(150 + Math.random() * 250);
      }
    })();

    const answers = new Map<string, { status: number; body: unknown; retryAfter: unknown }>();
    const queue = [...storm];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          const res = await employer.client.post(`/api/review/records/${id}/review`, approve);
          answers.set(id, { status: res.status, body: res.body, retryAfter: res.headers['retry-after'] });
        }
      }),
    );
    stop = true;
    await killing;
    await killer.end();

    const statuses = [...answers.values()].map((a) => a.status);
    expect(new Set(statuses)).toEqual(new Set([200, 503]));
    expect(terminated).toBeGreaterThan(0);
    for (const a of answers.values()) {
      if (a.status !== 503) continue;
      expect(a.body).toEqual({
        code: 'UNAVAILABLE',
        message: '数据库暂时不可用，请稍后重试',
        requestId: expect.any(String),
      });
      expect(a.retryAfter).toBe('5');
    }

    // no connection is left checked out by a request that failed (a leak would starve the pool)
    for (let i = 0; i < 40; i++) {
      const s = t.database.poolStats();
      if (s && s.total === s.idle) break;
      await sleep(100);
    }
    const pool = t.database.poolStats();
    expect(pool && pool.total - pool.idle).toBe(0);
    // the database is back: the next approvals succeed on fresh connections
    for (const id of after) {
      expect((await employer.client.post(`/api/review/records/${id}/review`, approve)).status).toBe(200);
    }
    // every approval acknowledged with 200 is in the database; a 503 one committed nothing
    // half-way (it is either fully approved or still waiting, and can be approved now)
    const states = new Map(
      (
        await queryRows<{ id: string; state: string }>(
          t.db,
          sql`select object_id as id, state from workflow_items where object_type = 'ce_record'`,
        )
      ).map((r) => [r.id, r.state]),
    );
    for (const [id, a] of answers) {
      if (a.status === 200) expect(states.get(id), id).toBe('approved');
      else expect(['approved', 'submitted']).toContain(states.get(id));
    }
    for (const p of people) {
      const sort = <T extends { year: number; subjectType: string }>(rows: T[]) =>
        [...rows].sort((x, y) => x.year - y.year || x.subjectType.localeCompare(y.subjectType));
      expect(sort(await totalsOf(t.db, p.id))).toEqual(sort(await recountOf(t.db, p.id)));
    }
    const approved = [...states.values()].filter((s) => s === 'approved').length;
    const hours = await queryRows<{ h: string }>(
      t.db,
      sql`select coalesce(sum(hours), 0) as h from ce_totals`,
    );
    expect(Number(hours[0].h)).toBe(approved * 12);
  }, 60_000);
});

// last: drain() cannot be undone
describe('shutdown begins', () => {
  it('/readyz answers 503 while /healthz still answers 200', async () => {
    t.readiness.drain();
    const draining = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(draining.statusCode).toBe(503);
    expect(draining.json()).toMatchObject({ status: 'shutting_down' });
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
