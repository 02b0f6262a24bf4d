import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app';
import { type Database, openDatabase } from '../src/core/db';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { Client } from '../src/test/client';
import { type TestApp, testConfig } from '../src/test/harness';
import { type Bare, poolBare } from './bare-sql';

/**
 * The bench database: PostgreSQL (created fresh) or, when unreachable, PGlite in a temp dir; `bare`
 * runs SQL through `pg` (PostgreSQL) or through the same PGlite client.
 */
export interface BenchDb extends Bare {
  database: Database;
  kind: 'postgres' | 'pglite';
  url: string | null;
  close: () => Promise<void>;
}

export async function openBenchDb(url: string): Promise<BenchDb> {
  const target = new URL(url);
  const name = target.pathname.replace(/^\//, '') || 'ce_bench';
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    const dir = mkdtempSync(join(tmpdir(), 'ce-bench-'));
    const database = await openDatabase({ url: null, pgliteDir: join(dir, 'pglite') });
    type Q = { query: (t: string, p?: unknown[]) => Promise<{ rows: unknown[] }> };
    const exec = (
      database.db as unknown as {
        $client: Q & { transaction: (f: (tx: Q) => Promise<void>) => Promise<void> };
      }
    ).$client;
    return {
      database,
      kind: 'pglite',
      url: null,
      bare: async (t, p) => (await exec.query(t, p)).rows,
      bareTx: (fn) => exec.transaction((tx) => fn(async (t, p) => (await tx.query(t, p)).rows)),
      close: () => database.close(),
    };
  }
  await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
  await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  await admin.end();
  const database = await openDatabase({ url, pgliteDir: null });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    database,
    kind: 'postgres',
    url,
    ...poolBare(pool),
    close: async () => {
      await pool.end();
      await database.close();
    },
  };
}

export async function benchApp(database: Database) {
  const db = database.db;
  const config = testConfig({
    sessionIdleMinutes: 600,
    sessionAbsoluteHours: 24,
    authRateLimit: 1_000_000,
    captchaRateLimit: 1_000_000,
  });
  const { app, services } = await buildApp({ database, config, logger: false });
  await app.ready();
  const t = { app, db, config, services, close: () => app.close() } as unknown as TestApp;
  return { app, t };
}

/** A real session (login with captcha, optionally 使用选中的单位账号登录). */
export async function session(t: TestApp, loginName: string, unitId?: string): Promise<Client> {
  const c = new Client(t);
  const r = await c.login(loginName, DEMO_PASSWORD);
  if (r.status !== 200) throw new Error(`登录失败 ${loginName}: ${JSON.stringify(r.body)}`);
  if (unitId) {
    const s = await c.post('/api/auth/switch-unit', { unitId });
    if (s.status !== 200) throw new Error(`切换单位失败 ${loginName}: ${JSON.stringify(s.body)}`);
  }
  return c;
}

export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, median: at(0.5), p99: at(0.99) };
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
