import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../app';
import type { Config } from '../core/config';
import { type Database, openDatabase } from '../core/db';
import { captchas, smsOutbox } from '../db/schema';

/**
 * One database per test file: in-memory PGlite by default, or a fresh database on the server of
 * TEST_DATABASE_URL (created here, dropped at the end), with the real migrations applied.
 */
export async function testDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDatabase({ url: null, pgliteDir: null });
  const name = `ce_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openDatabase({ url: u.toString(), pgliteDir: null });
  return {
    ...db,
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'ce-test-'));
  return {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    databaseUrl: null,
    sessionSecret: randomBytes(32).toString('base64url'),
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 8,
    secureCookies: false,
    authRateLimit: 10_000,
    captchaRateLimit: 10_000,
    certificateVerifyRateLimit: 10_000,
    webDist: null,
    logLevel: 'silent',
    trustProxy: false,
    publicUrl: '',
    fileStore: { kind: 'local' },
    redisUrl: null,
    redisPrefix: 'ce-test:',
    jobExpireSeconds: 300,
    jobSuperviseSeconds: 30,
    jobsWorker: true,
    production: false,
    // the tests (e2e/identity.test.ts) read SMS codes on the 短信发件箱 page, as in a demo
    demoMode: true,
    smsGateway: null,
    metricsToken: null,
    shutdownTimeoutSeconds: 30,
    // the real worker threads (started only by a test that prints a certificate)
    pdfWorkers: 2,
    ...overrides,
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** The real app over a test database; close() tears both down. */
export async function startTestApp(overrides: Partial<Config> = {}) {
  return appOver(await testDatabase(), testConfig(overrides), { closeDatabase: true, removeDataDir: true });
}

/**
 * The real app over an open database (several apps may share one, as instances do); close()
 * closes the app, and the database and the data dir when told to.
 */
export async function appOver(
  database: Database,
  config: Config,
  opts: { closeDatabase?: boolean; removeDataDir?: boolean; logStream?: NodeJS.WritableStream } = {},
) {
  const { app, services, readiness, readinessChecks } = await buildApp({
    database,
    config,
    ...(opts.logStream ? { logStream: opts.logStream } : { logger: false }),
  });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    config,
    services,
    readinessChecks,
    readiness,
    async close() {
      await app.close();
      if (opts.closeDatabase) await database.close();
      if (opts.removeDataDir) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads a captcha's answer, as a person reads the image. */
export async function captchaAnswer(t: { db: Database['db'] }, captchaId: string): Promise<string> {
  const [row] = await t.db.select().from(captchas).where(eq(captchas.id, captchaId));
  if (!row) throw new Error('captcha not found');
  return row.answer;
}

/** The newest code texted to a phone, read from the SMS outbox; '' when none was sent. */
export async function lastSmsCode(t: { db: Database['db'] }, phone: string): Promise<string> {
  const [latest] = await t.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.phone, phone))
    .orderBy(desc(smsOutbox.createdAt))
    .limit(1);
  return /验证码：(\d{6})/.exec(latest?.content ?? '')?.[1] ?? '';
}
