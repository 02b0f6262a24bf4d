import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecountJob, RecountJobState } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, ceTotals, professionals } from '../../db/schema';
import { Client } from '../../test/client';
import { hrssOperator } from '../../test/factories';
import { appOver, startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional, makeRecord, type TestProfessional } from '../../test/world';
import { recountRegion } from './recount';
import { recountOf, type TotalsRow, totalsOf } from './totals';

/**
 * 重新统计学时 for HRSS: a background job over the region's persons that writes only the totals
 * that differ from the records. The API instance here runs no jobs, so a started recount stays
 * running until a worker instance on the same database is opened (as another instance would).
 */

let t: TestApp;
let worker: TestApp | null = null;
beforeAll(async () => {
  t = await startTestApp({ jobsWorker: false });
});
afterAll(async () => {
  await worker?.close();
  await t.close();
});

/** The same logged-in actor, through the worker instance (which wakes its worker at once). */
function onWorker(c: Client): Client {
  if (!worker) throw new Error('no worker yet');
  const again = new Client(worker);
  again.cookies = new Map(c.cookies);
  return again;
}

/** Polls the recount as the page does, until it is no longer running. */
async function finished(c: Client): Promise<RecountJob> {
  const until = Date.now() + 30_000;
  for (;;) {
    const r = await c.get<RecountJobState>('/api/hrss/hours/recount');
    expect(r.status).toBe(200);
    const job = r.body.job;
    if (job && job.status !== 'running') return job;
    if (Date.now() > until) throw new Error(`still running: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function recountAndWait(c: Client): Promise<RecountJob> {
  const started = await c.post<RecountJob>('/api/hrss/hours/recount');
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const job = await finished(c);
  expect(job.id).toBe(started.body.id);
  return job;
}

const sorted = (rows: TotalsRow[]) =>
  rows
    .map((r) => ({ ...r, hours: Number(r.hours), courses: Number(r.courses) }))
    .sort((a, b) => a.year - b.year || a.subjectType.localeCompare(b.subjectType));

/** Every person's kept totals equal a from-scratch recount of their records. */
async function expectAllCurrent() {
  for (const p of await t.db.select({ id: professionals.id }).from(professionals)) {
    expect(sorted(await totalsOf(t.db, p.id)), p.id).toEqual(sorted(await recountOf(t.db, p.id)));
  }
}

const key = (id: string, year: number, subjectType: 'public' | 'professional' | 'elective') =>
  and(eq(ceTotals.professionalId, id), eq(ceTotals.year, year), eq(ceTotals.subjectType, subjectType));

async function corrupt(p: TestProfessional) {
  await t.db.update(ceTotals).set({ hours: 99 }).where(eq(ceTotals.professionalId, p.id));
}

describe('重新统计学时 (人社部门)', () => {
  it('runs as a job, one at a time per region, and leaves every total equal to the records', async () => {
    const gz = await makeEmployer(t, { cityCode: '4401' });
    const sz = await makeEmployer(t, { cityCode: '4403' });
    const [a, b, c] = [
      await makeProfessional(t, gz),
      await makeProfessional(t, gz),
      await makeProfessional(t, sz),
    ];
    for (const p of [a, b, c]) {
      await makeRecord(t, p, { subjectType: 'public', hours: 12, endDate: '2025-03-01' });
      await makeRecord(t, p, { subjectType: 'professional', hours: 24, endDate: '2024-03-01' });
    }
    await t.db
      .update(ceTotals)
      .set({ hours: 99 })
      .where(key(a.id, 2025, 'public'));
    await t.db.delete(ceTotals).where(key(b.id, 2024, 'professional'));
    await t.db
      .insert(ceTotals)
      .values({ professionalId: c.id, year: 2019, subjectType: 'elective', hours: 6, courses: 1 });

    const hrss = await hrssOperator(t, 'province');
    // two starts at once (as two operators' clicks): one starts, the other is told why not
    const both = await Promise.all([
      hrss.client.post<RecountJob>('/api/hrss/hours/recount'),
      hrss.client.post<RecountJob>('/api/hrss/hours/recount'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const started = both.find((r) => r.status === 200) ?? both[0];
    expect(started.body).toMatchObject({ status: 'running', regionName: '全省', finishedAt: null });
    expect(both.find((r) => r.status === 409)?.error.message).toBe(
      '全省的重新统计学时正在进行中，请等待本次统计完成后再试',
    );
    const again = await hrss.client.post('/api/hrss/hours/recount');
    expect(again.status).toBe(409);
    const running = await hrss.client.get<RecountJobState>('/api/hrss/hours/recount');
    expect(running.body).toMatchObject({
      regionName: '全省',
      job: { id: started.body.id, status: 'running' },
    });

    // another instance, running jobs, takes it
    worker = await appOver(t.database, {
      ...t.config,
      jobsWorker: true,
      dataDir: mkdtempSync(join(tmpdir(), 'ce-recount-worker-')),
    });
    const done = await finished(hrss.client);
    const persons = (await t.db.select({ id: professionals.id }).from(professionals)).length;
    expect(done).toMatchObject({
      status: 'done',
      changedPersons: 3,
      changedRows: 3,
      personsTotal: persons,
      personsDone: persons,
      message: '重新统计完成，3 人学时已更新',
    });
    expect(done.finishedAt).not.toBeNull();
    await expectAllCurrent();
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, started.body.id));
    expect(audits.map((x) => [x.action, x.outcome]).sort()).toEqual([
      ['totals.recount', 'success'],
      ['totals.recount.start', 'success'],
    ]);
    expect(audits.find((x) => x.action === 'totals.recount')?.detail).toMatchObject({
      region: '全省',
      changedPersons: 3,
      changedRows: 3,
    });

    // ended: it may be started again, and finds nothing left to do
    const second = await recountAndWait(onWorker(hrss.client));
    expect(second).toMatchObject({ status: 'done', changedPersons: 0, message: '重新统计完成，学时无变化' });
  });

  it('writes only the rows that differ: a changed, a missing and a vanished row; an equal one stays as it was', async () => {
    const p = await makeProfessional(t, await makeEmployer(t));
    await makeRecord(t, p, { subjectType: 'public', hours: 12, endDate: '2023-05-01' });
    await makeRecord(t, p, { subjectType: 'professional', hours: 30, endDate: '2025-05-01' });
    await makeRecord(t, p, { subjectType: 'elective', hours: 6, endDate: '2025-05-01' });
    const long = new Date('2020-01-01T00:00:00Z');
    await t.db.update(ceTotals).set({ updatedAt: long }).where(eq(ceTotals.professionalId, p.id));
    await t.db
      .update(ceTotals)
      .set({ courses: 5 })
      .where(key(p.id, 2025, 'professional'));
    await t.db.delete(ceTotals).where(key(p.id, 2025, 'elective'));
    await t.db.insert(ceTotals).values({
      professionalId: p.id,
      year: 2018,
      subjectType: 'public',
      hours: 3,
      courses: 1,
      updatedAt: long,
    });

    const hrss = await hrssOperator(t, 'province');
    const job = await recountAndWait(onWorker(hrss.client));
    expect(job).toMatchObject({ changedPersons: 1, changedRows: 3, message: '重新统计完成，1 人学时已更新' });
    expect(sorted(await totalsOf(t.db, p.id))).toEqual(sorted(await recountOf(t.db, p.id)));
    const rows = await t.db.select().from(ceTotals).where(eq(ceTotals.professionalId, p.id));
    const at = (year: number, subject: string) =>
      rows.find((r) => r.year === year && r.subjectType === subject)?.updatedAt.getTime();
    // the equal row was not rewritten; the changed one was
    expect(at(2023, 'public')).toBe(long.getTime());
    expect(at(2025, 'professional')).toBeGreaterThan(long.getTime());
    expect(at(2025, 'elective')).toBeGreaterThan(long.getTime());
    expect(at(2018, 'public')).toBeUndefined();
  });

  it('a city HRSS recounts the persons of its region only, and sees only its own recounts', async () => {
    const gz = await makeProfessional(t, await makeEmployer(t, { cityCode: '4401' }));
    const sz = await makeProfessional(t, await makeEmployer(t, { cityCode: '4403' }));
    for (const p of [gz, sz]) await makeRecord(t, p, { hours: 18, endDate: '2025-08-01' });
    await corrupt(gz);
    await corrupt(sz);

    const city = await hrssOperator(t, 'city', '4401');
    const before = await onWorker(city.client).get<RecountJobState>('/api/hrss/hours/recount');
    // the province's recounts are not the city's
    expect(before.body).toEqual({ regionName: '广东省广州市', job: null });
    const job = await recountAndWait(onWorker(city.client));
    const inCity = await t.db.select({ id: professionals.id }).from(professionals);
    expect(job.regionName).toBe('广东省广州市');
    expect(job.personsTotal).toBeLessThan(inCity.length);
    expect(job).toMatchObject({ changedPersons: 1, message: '重新统计完成，1 人学时已更新' });
    expect(sorted(await totalsOf(t.db, gz.id))).toEqual(sorted(await recountOf(t.db, gz.id)));
    expect((await totalsOf(t.db, sz.id))[0].hours).toBe(99);

    // the province recount reaches 深圳 too
    const province = await hrssOperator(t, 'province');
    expect(await recountAndWait(onWorker(province.client))).toMatchObject({ changedPersons: 1 });
    await expectAllCurrent();
  });

  it('is for HRSS only: an employer or a person cannot start or read it', async () => {
    const employer = await makeEmployer(t);
    const p = await makeProfessional(t, employer);
    for (const c of [employer.client, p.client]) {
      expect((await c.post('/api/hrss/hours/recount')).status).toBe(403);
      expect((await c.get('/api/hrss/hours/recount')).status).toBe(403);
    }
    expect((await new Client(t).post('/api/hrss/hours/recount')).status).toBe(401);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'lets approvals go on during a province recount (PostgreSQL: connections at once), and both end right',
    async () => {
      const employer = await makeEmployer(t);
      const staff: TestProfessional[] = [];
      for (let i = 0; i < 20; i += 1) staff.push(await makeProfessional(t, employer));
      const pending = [];
      for (const p of staff) {
        await makeRecord(t, p, { subjectType: 'public', hours: 12, endDate: '2025-03-01' });
        pending.push(await makeRecord(t, p, { hours: 6, endDate: '2025-09-01', state: 'submitted' }));
      }
      // drift in a year the approvals do not touch: the recount alone must find it
      for (const p of staff.slice(0, 10)) {
        await t.db
          .insert(ceTotals)
          .values({ professionalId: p.id, year: 2019, subjectType: 'elective', hours: 6, courses: 1 });
      }
      const [result, ...approvals] = await Promise.all([
        recountRegion(t.db, { kind: 'all' }),
        ...pending.map((r) =>
          employer.client.post(`/api/review/records/${r.id}/review`, {
            decision: 'approve',
            recognisedHours: 6,
          }),
        ),
      ]);
      expect(approvals.map((a) => a.status)).toEqual(pending.map(() => 200));
      expect(result).toMatchObject({ changedPersons: 10, changedRows: 10 });
      await expectAllCurrent();
    },
  );
});
