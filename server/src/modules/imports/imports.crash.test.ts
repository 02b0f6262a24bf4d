import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportJob } from '@ce/shared';
import { and, eq, inArray } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../core/config';
import { type Database, openDatabase } from '../../core/db';
import { auditEvents, ceRecords, importJobs } from '../../db/schema';
import { Client } from '../../test/client';
import { appOver, type TestApp, testConfig, testDatabase } from '../../test/harness';
import { freePort } from '../../test/ports';
import { makeEmployer, makeProfessional, type TestEmployer, type TestProfessional } from '../../test/world';
import { person, row, upload, workbook } from './imports.fixtures';
import { IMPORT_JOB } from './imports.job';

/**
 * 继续教育记录批量申报 survives the process that runs it: the job lives in the database, so when
 * its worker dies mid-import it ends (done, or failed with a reason the employer sees) and the
 * records of the file are all in or none — never a job 检查中/入库中 for ever.
 */

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** The real app on an open database the test closes itself. */
async function appOn(database: Database, config: Config): Promise<TestApp> {
  cleanups.push(() => rmSync(config.dataDir, { recursive: true, force: true }));
  return appOver(database, config);
}

/** A staff of 10 and a file of `n` valid rows for them, all different courses. */
async function bigFile(t: TestApp, employer: TestEmployer, n: number) {
  const staff: TestProfessional[] = [];
  for (let i = 0; i < 10; i++) staff.push(await makeProfessional(t, employer));
  const rows = Array.from({ length: n }, (_, i) => ({
    ...person(staff[i % 10]),
    ...row({ 课程名称: `课程${i}` }),
  }));
  return { staff, bytes: await workbook(rows) };
}

async function recordsOf(db: Database['db'], staff: TestProfessional[]) {
  const rows = await db
    .select({ id: ceRecords.id })
    .from(ceRecords)
    .where(
      inArray(
        ceRecords.professionalId,
        staff.map((p) => p.id),
      ),
    );
  return rows.length;
}

/** Polls the job as the 批量申报 page does, until it ends or `seconds` pass. */
async function ended(c: Client, jobId: string, seconds: number): Promise<ImportJob> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const r = await c.get<ImportJob>(`/api/imports/records/${jobId}`);
    expect(r.status).toBe(200);
    if (r.body.status !== 'checking' && r.body.status !== 'importing') return r.body;
    if (Date.now() > until) return r.body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The same logged-in employer, seen through another app on the same database. */
function sameClient(t: TestApp, c: Client): Client {
  const again = new Client(t);
  again.cookies = new Map(c.cookies);
  return again;
}

function exited(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  '批量申报: a worker killed during an import (PostgreSQL: it needs a second process on the same database)',
  () => {
    it('the job ends (done, or failed with the reason) and the records are all rows or none', async () => {
      const database = await testDatabase();
      cleanups.push(() => database.close());
      if (database.raw.kind !== 'postgres') throw new Error('PostgreSQL expected');
      const sessionSecret = randomBytes(32).toString('base64url');
      // an API-only instance queues the job; its attempts expire after 8 s (JOB_EXPIRE_SECONDS)
      const api = await appOn(
        database,
        testConfig({ jobsWorker: false, jobExpireSeconds: 8, sessionSecret }),
      );
      const employer = await makeEmployer(api);
      const { staff, bytes } = await bigFile(api, employer, 4000);
      const started = await upload(employer.client, bytes);
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      const jobId = started.body.jobId;
      await api.close();

      // the real server in a child process takes the job; it is killed while the job runs
      const dataDir = mkdtempSync(join(tmpdir(), 'ce-crash-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(await freePort()),
          HOST: '127.0.0.1',
          DATABASE_URL: database.raw.url,
          DATA_DIR: dataDir,
          WEB_DIST: join(dataDir, 'no-web'),
          LOG_LEVEL: 'warn',
          SESSION_SECRET: sessionSecret,
          JOB_SUPERVISE_SECONDS: '1',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      cleanups.push(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      });
      let caught: { status: string; processedRows: number } | null = null;
      for (const until = Date.now() + 60_000; Date.now() < until && child.exitCode === null; ) {
        const [j] = await database.db
          .select({ status: importJobs.status, processedRows: importJobs.processedRows })
          .from(importJobs)
          .where(eq(importJobs.id, jobId));
        if ((j.status === 'checking' && j.processedRows > 0) || j.status === 'importing') {
          child.kill('SIGKILL');
          caught = j;
          break;
        }
        if (j.status !== 'checking') break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await exited(child);
      expect(
        caught,
        `the child never ran the job mid-way; its stderr: ${stderr.slice(-2000)}`,
      ).not.toBeNull();
      expect(child.signalCode).toBe('SIGKILL');

      // another instance: it takes the job once the dead worker's attempt expires
      const t = await appOn(database, testConfig({ jobSuperviseSeconds: 1, sessionSecret }));
      cleanups.push(() => t.close());
      const job = await ended(sameClient(t, employer.client), jobId, 45);
      const imported = await recordsOf(t.db, staff);
      if (job.status === 'done') {
        expect(job).toMatchObject({ importedRows: 4000, message: '导入成功，共导入4000条记录' });
        expect(imported).toBe(4000);
      } else {
        expect(job.status).toBe('failed');
        expect(job.message).toBe('导入失败：处理该批次的服务进程中断，未导入任何记录，请重新上传');
        expect(imported).toBe(0);
      }
      const [kept] = await t.db
        .select({ upload: importJobs.upload })
        .from(importJobs)
        .where(eq(importJobs.id, jobId));
      expect(kept.upload).toBeNull();
    }, 120_000);
  },
);

/** Opens the app on a PGlite data dir, without a worker when `worker` is false. */
async function pgliteApp(dir: string, config: Partial<Config>) {
  const database = await openDatabase({ url: null, pgliteDir: dir });
  const t = await appOn(database, testConfig(config));
  return {
    t,
    database,
    async close() {
      await t.close();
      await database.close();
    },
  };
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)(
  '批量申报 on PGlite (the embedded database: run without TEST_DATABASE_URL): jobs left active in the data dir by a process that ended',
  () => {
    const sessionSecret = randomBytes(32).toString('base64url');
    let reopened: TestApp;
    let employer: TestEmployer;
    const file = {
      retried: { jobId: '', staff: [] as TestProfessional[] },
      spent: { jobId: '', staff: [] as TestProfessional[] },
    };

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ce-pglite-jobs-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const first = await pgliteApp(dir, { jobsWorker: false, sessionSecret });
      employer = await makeEmployer(first.t);
      for (const [key, n] of [
        ['spent', 5],
        ['retried', 20],
      ] as const) {
        const { staff, bytes } = await bigFile(first.t, employer, n);
        const started = await upload(employer.client, bytes);
        expect(started.status).toBe(200);
        file[key] = { jobId: started.body.jobId, staff };
      }
      // a worker of that process: the first job's two retries were spent by earlier crashes and
      // its last attempt is running; the second job's first attempt is running
      if (first.database.raw.kind !== 'pglite') throw new Error('PGlite expected');
      const client = first.database.raw.client;
      const worker = new PgBoss({
        db: {
          executeSql: async (text: string, values?: unknown[]) =>
            values?.length ? client.query(text, values) : ((await client.exec(text)).at(-1) ?? { rows: [] }),
        },
        supervise: false,
        schedule: false,
        migrate: false,
      });
      await worker.start();
      for (let attempt = 0; attempt < 3; attempt++) {
        const [taken] = await worker.fetch(IMPORT_JOB);
        expect(taken.data).toMatchObject({ importJobId: file.spent.jobId });
        if (attempt < 2) await worker.fail(IMPORT_JOB, taken.id, { message: 'lost: an earlier crash' });
      }
      const [second] = await worker.fetch(IMPORT_JOB);
      expect(second.data).toMatchObject({ importJobId: file.retried.jobId });
      await worker.stop({ graceful: false, close: false, wait: true });
      await first.close();

      // opened again: an attempt would only expire after 300 s, yet both jobs end within seconds
      const again = await pgliteApp(dir, { jobExpireSeconds: 300, sessionSecret });
      cleanups.push(() => again.close());
      reopened = again.t;
    }, 90_000);

    it('a job is retried as soon as the app is opened again on that dir, not after its expiry', async () => {
      const job = await ended(sameClient(reopened, employer.client), file.retried.jobId, 20);
      expect(job).toMatchObject({ status: 'done', importedRows: 20, message: '导入成功，共导入20条记录' });
      expect(await recordsOf(reopened.db, file.retried.staff)).toBe(20);
    });

    it('a job whose retries are spent ends failed, with the reason the employer sees, and imports nothing', async () => {
      const c = sameClient(reopened, employer.client);
      const job = await ended(c, file.spent.jobId, 20);
      expect(job).toMatchObject({
        status: 'failed',
        importedRows: 0,
        message: '导入失败：处理该批次的服务进程中断，未导入任何记录，请重新上传',
      });
      expect(await recordsOf(reopened.db, file.spent.staff)).toBe(0);
      const list = await c.get<{ items: { id: string; status: string }[] }>('/api/imports/records');
      expect(list.body.items.find((i) => i.id === file.spent.jobId)).toMatchObject({ status: 'failed' });
      const audits = await reopened.db
        .select({ outcome: auditEvents.outcome, actorId: auditEvents.actorId })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'record.import'), eq(auditEvents.objectId, file.spent.jobId)));
      expect(audits).toEqual([{ outcome: 'failure', actorId: employer.agent.id }]);
    });
  },
);
