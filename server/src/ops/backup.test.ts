import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { CertificateVerification } from '@ce/shared';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../core/db';
import { LocalFileStore } from '../core/file-store';
import * as schema from '../db/schema';
import { submittedRecord } from '../modules/records/records.fixtures';
import { Client } from '../test/client';
import { loggedIn } from '../test/factories';
import { appOver, type TestApp, testConfig } from '../test/harness';
import { makeEmployer, makeProfessional, passYear } from '../test/world';
import { backup } from './backup';
import { migrationsUpTo, migrationVersion, readJournal } from './catalog';
import { restoreDatabase, restoreInto } from './restore';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const serverUrl = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A place for a database and its files, as an operator would have: a data dir, and on PostgreSQL an empty database. */
async function site(): Promise<{ dataDir: string; url: string | null }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ce-ops-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  if (!serverUrl) return { dataDir, url: null };
  const name = `ce_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const a = new pg.Client({ connectionString: serverUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  });
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { dataDir, url: u.toString() };
}

/** The real app on a site, as main.ts starts it. */
async function appOn(s: { dataDir: string; url: string | null }): Promise<TestApp> {
  const database = await openDatabase({ url: s.url, pgliteDir: join(s.dataDir, 'pglite') });
  return appOver(database, testConfig({ dataDir: s.dataDir }), { closeDatabase: true });
}

/** `npm run <script> -- <args>` against a site, as an operator runs it: exit code and output. */
async function npmRun(script: string, args: string[], s: { dataDir: string; url: string | null }) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: s.dataDir };
  if (s.url) env.DATABASE_URL = s.url;
  else delete env.DATABASE_URL;
  try {
    const r = await run('npm', ['run', '-s', script, '--', ...args], { cwd: root, env, timeout: 60_000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** Every row of every table of the schema, each table's rows in a stable order. */
async function everyRow(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const rows: unknown[] = await db.select().from(table);
    out[getTableConfig(table).name] = rows
      .map((r) => [JSON.stringify(r), r] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r);
  }
  return out;
}

describe(`npm run backup / npm run restore (${serverUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('restores identical rows and downloadable files into a fresh database and data dir', async () => {
    // the world: records with attachments uploaded through the API, a printed certificate, audit rows
    const source = await site();
    const t = await appOn(source);
    const employer = await makeEmployer(t);
    const prof = await makeProfessional(t, employer);
    await passYear(t, prof);
    const uploaded = [await submittedRecord(prof.client), await submittedRecord(prof.client)];
    const pdf = await employer.client.download(`/api/certificates/${prof.id}/2025/pdf`);
    expect(pdf.status).toBe(200);
    const certNo = /GD2025[0-9A-Z]{10}/.exec(decodeURIComponent(pdf.disposition))?.[0] ?? '';
    expect(certNo).not.toBe('');
    const originals = new Map<string, Buffer>();
    for (const { fileId } of uploaded)
      originals.set(fileId, (await prof.client.download(`/api/files/${fileId}`)).bytes);

    // a batch import still 检查中 when the backup is taken: its queued job is not in the backup
    const [running] = await t.db
      .insert(schema.importJobs)
      .values({
        unitId: employer.unit.id,
        createdBy: employer.agent.id,
        fileName: '批量申报.xlsx',
        status: 'checking',
      })
      .returning({ id: schema.importJobs.id });

    const before = await everyRow(t.db);
    expect(before.files).toHaveLength(2);
    expect(before.certificates).toHaveLength(1);
    expect(before.audit_events.length).toBeGreaterThan(3);
    // PGlite is one process's database: stop the app first; PostgreSQL is backed up while it runs
    if (!serverUrl) await t.close();
    else cleanups.push(() => t.close());

    const backupDir = join(mkdtempSync(join(tmpdir(), 'ce-backup-')), 'backup-1');
    cleanups.push(() => rmSync(dirname(backupDir), { recursive: true, force: true }));
    const b = await npmRun('backup', [backupDir], source);
    expect(b.out).toContain('备份完成');
    expect(b.code).toBe(0);

    const target = await site();
    const r = await npmRun('restore', [backupDir], target);
    expect(r.out).toContain('恢复完成');
    expect(r.code).toBe(0);

    const restored = await appOn(target);
    const after = await everyRow(restored.db);
    // …so restore ends it failed with a reason the employer sees, rather than 检查中 for ever
    const job = (after.import_jobs as { id: string; status: string; message: string | null }[]).find(
      (j) => j.id === running.id,
    );
    expect(job).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('恢复备份时该批次尚未完成'),
    });
    const { import_jobs: _jobsAfter, ...restAfter } = after;
    const { import_jobs: _jobsBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    const person = await loggedIn(restored, prof.person);
    for (const [id, bytes] of originals) {
      const d = await person.download(`/api/files/${id}`);
      expect(d.status).toBe(200);
      expect(d.bytes.equals(bytes)).toBe(true);
    }
    const v = await new Client(restored).get<CertificateVerification>(`/api/public/certificates/${certNo}`);
    expect(v.body).toMatchObject({ number: certNo, status: 'valid', totalHours: 90 });
    await restored.close();

    // the target now holds data: a second restore is refused, and --force replaces it
    const again = await npmRun('restore', [backupDir], target);
    expect(again.code).toBe(1);
    expect(again.out).toContain('目标不是空的');
    // (restore reads every table back and compares it with the backup before it commits)
    const forced = await npmRun('restore', [backupDir, '--force'], target);
    expect(forced.out).toContain('恢复完成');
    expect(forced.code).toBe(0);
  }, 180_000);

  it('refuses to write into a directory that already holds something', async () => {
    const s = await site();
    const dir = mkdtempSync(join(tmpdir(), 'ce-backup-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'x'), 'keep me');
    const r = await npmRun('backup', [dir], s);
    expect(r.code).toBe(1);
    expect(r.out).toContain('备份目录不为空');
  }, 60_000);

  it('restores an older backup into newer code (migrating after the rows), and refuses an unknown version', async () => {
    const [first] = readJournal().entries;
    const older = migrationsUpTo(first.when) as string;
    cleanups.push(() => rmSync(older, { recursive: true, force: true }));
    const source = await site();
    const old = await openDatabase({
      url: source.url,
      pgliteDir: join(source.dataDir, 'pglite'),
      migrations: older,
    });
    await old.db.execute(
      sql`insert into accounts (kind, login_name, password_hash) values ('person', 'old_version_user', 'x')`,
    );
    const dir = join(source.dataDir, 'backup');
    const manifest = await backup(old.db, new LocalFileStore(join(source.dataDir, 'files')), dir, {
      database: old.kind,
    });
    await old.close();
    expect(manifest.migration).toMatchObject({ count: 1, createdAt: first.when });

    const target = await site();
    const report = await restoreDatabase(
      { url: target.url, pgliteDir: join(target.dataDir, 'pglite') },
      new LocalFileStore(join(target.dataDir, 'files')),
      dir,
    );
    expect(report.rows).toBe(1);
    const restored = await openDatabase({
      url: target.url,
      pgliteDir: join(target.dataDir, 'pglite'),
      migrations: false,
    });
    expect((await migrationVersion(restored.db)).count).toBe(readJournal().entries.length);
    const names = await restored.db.select({ n: schema.accounts.loginName }).from(schema.accounts);
    expect(names).toEqual([{ n: 'old_version_user' }]);

    // a backup made by code newer than this one
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({ ...manifest, migration: { count: 99, createdAt: 4_102_444_800_000, tag: null } }),
    );
    await expect(
      restoreInto(restored.db, new LocalFileStore(join(target.dataDir, 'files')), dir),
    ).rejects.toThrow(/版本.*不同/);
    await restored.close();
  }, 60_000);
});
