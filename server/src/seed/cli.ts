import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db';
import { seedDemo } from './demo';

/**
 * `npm run seed` restores the demo data (idempotent).
 * `npm run seed -- --reset` first empties the database, then seeds.
 */
const reset = process.argv.includes('--reset');
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
if (reset) {
  await database.db.execute(sql`drop schema if exists public cascade`);
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  await database.db.execute(sql`create schema public`);
  await database.close();
  const fresh = await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
  await seedDemo(fresh.db, { onlyIfEmpty: false });
  await fresh.close();
} else {
  await seedDemo(database.db, { onlyIfEmpty: false });
  await database.close();
}
console.log(
  `演示数据已${reset ? '重建' : '更新'}（${database.kind === 'pglite' ? config.dataDir : 'PostgreSQL'}）`,
);
