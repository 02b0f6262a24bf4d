import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from '../db/schema';

export type Schema = typeof schema;
/** The database, whichever driver is behind it (PGlite or node-postgres). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories accept either the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** connections of the pool (PostgreSQL; null on PGlite), for metrics */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  /** how the job queue (./jobs.pgboss.ts) reaches this database: its own pool, or the PGlite client */
  raw: { kind: 'postgres'; url: string } | { kind: 'pglite'; client: PGlite };
  /** applies the migrations of `folder` not yet applied (restore migrates in two steps) */
  migrate(folder?: string): Promise<void>;
  close(): Promise<void>;
}

type Release = (err?: Error | boolean) => void;

/**
 * A connection closed by the server (restart, failover, pg_terminate_backend) emits 'error' on its
 * client, idle or checked out; the pool listens only while it is idle, and an 'error' event without
 * a listener ends the process. So every client gets a listener here. Its query in flight fails on
 * its own (→ 503) and the holder releases it, which drops it from the pool; but drizzle's
 * transaction() never releases a client whose BEGIN failed, which would leak it and, after ten
 * such, leave the pool with no connection at all. So a client broken while checked out is released
 * here after a moment, and a release that comes after ours does nothing.
 */
function releaseWhenBroken(client: pg.PoolClient) {
  let current: Release | null = null; // the release of the checkout under way; null when idle
  Object.defineProperty(client, 'release', {
    configurable: true,
    // pg-pool assigns a fresh release on each checkout
    set(fn: Release) {
      current = fn;
    },
    get() {
      const mine = current;
      return (err?: Error | boolean) => {
        if (mine === null || current !== mine) return;
        current = null;
        mine(err);
      };
    },
  });
  client.on('error', (err) => {
    const checkout = current;
    if (checkout === null) return;
    setTimeout(() => {
      if (current === checkout) client.release(err);
    }, 1000).unref();
  });
}

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../db/migrations');

/** Any fixed number of ours: the advisory lock that one migrating instance holds. */
const MIGRATION_LOCK = 7_243_015_001;

/**
 * Several instances starting at once on a new version: one applies the migrations while the others
 * wait on an advisory lock, then find nothing left to apply.
 */
async function migrateLocked(pool: pg.Pool, db: Parameters<typeof migratePg>[0], folder: string) {
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(db, { migrationsFolder: folder });
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    lock.release();
  }
}

/**
 * Opens the database and applies pending migrations.
 * `url` postgres://… → PostgreSQL; otherwise PGlite at `pgliteDir` (or in memory when null).
 * `migrations`: another folder (restore: up to a backup's version), or false for none (backup).
 */
export async function openDatabase(opts: {
  url: string | null;
  pgliteDir: string | null;
  migrations?: string | false;
}): Promise<Database> {
  const folder = opts.migrations ?? migrationsFolder;
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: 10,
      // a database that is gone answers a request with a 503 within seconds instead of hanging it
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      // notices a peer that vanished without closing the socket (failover, network partition)
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // an idle connection closed by the server is dropped by the pool (its listener is this one)
    pool.on('error', () => {});
    pool.on('connect', releaseWhenBroken);
    const db = drizzlePg(pool, { schema });
    if (folder) await migrateLocked(pool, db, folder);
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      raw: { kind: 'postgres', url: opts.url },
      migrate: (f = migrationsFolder) => migrateLocked(pool, db, f),
      close: () => pool.end(),
    };
  }
  if (opts.pgliteDir) mkdirSync(opts.pgliteDir, { recursive: true });
  const client = opts.pgliteDir ? new PGlite(opts.pgliteDir) : new PGlite();
  const db = drizzlePglite(client, { schema });
  if (folder) await migratePglite(db, { migrationsFolder: folder });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    poolStats: () => null,
    raw: { kind: 'pglite', client },
    migrate: (f = migrationsFolder) => migratePglite(db, { migrationsFolder: f }),
    close: () => client.close(),
  };
}

/** Runs raw SQL and returns its rows (both drivers answer with `{ rows }`). */
export async function queryRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const res = (await q.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

export type BulkColumn = readonly [name: string, pgType: string];
export type BulkValue = string | number | boolean | null;

/**
 * Multi-row INSERT … SELECT * FROM unnest($1::type[], …): one parameter per column whatever the
 * number of rows, `chunk` rows a statement (batch import, scale seed).
 */
export async function bulkInsert(
  q: Queryable,
  table: string,
  cols: readonly BulkColumn[],
  rows: readonly BulkValue[][],
  chunk = 5000,
) {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const arrays = cols.map(([, type], c) => sql`${sql.param(part.map((r) => r[c]))}::${sql.raw(type)}[]`);
    await q.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(cols.map(([n]) => n).join(', '))}) select * from unnest(${sql.join(arrays, sql`, `)})`,
    );
  }
}
