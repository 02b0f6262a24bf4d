import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';

const serverUrl = process.env.TEST_DATABASE_URL;

// Several instances share one PostgreSQL; PGlite belongs to one process, so this is PostgreSQL only.
describe.skipIf(!serverUrl)('migrations at start, several instances at once', () => {
  it('four instances opening a new database together apply each migration once and all start', async () => {
    const name = `ce_migrate_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(serverUrl as string);
    u.pathname = `/${name}`;
    try {
      const opened = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ url: u.toString(), pgliteDir: null })),
      );
      const check = new pg.Client({ connectionString: u.toString() });
      await check.connect();
      const applied = await check.query<{ hash: string; n: string }>(
        'select hash, count(*) as n from drizzle.__drizzle_migrations group by hash',
      );
      await check.end();
      expect(applied.rows.length).toBeGreaterThan(2);
      expect(applied.rows.every((r) => Number(r.n) === 1)).toBe(true);
      await Promise.all(opened.map((d) => d.close()));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 60_000);
});
