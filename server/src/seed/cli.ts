import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db';
import { openFileStore } from '../core/file-store.open';
import { seedDemo } from './demo';
import { seedScale } from './scale';

/**
 * `npm run seed` restores the demo data (idempotent).
 * `npm run seed -- --reset` first empties the database, then seeds.
 * `npm run seed -- --persons 100000` also builds a realistic dataset of N professionals
 * (N/100 employers, about 10 records each); see scale.ts.
 */
function personsArg(): number | null {
  const i = process.argv.indexOf('--persons');
  if (i < 0) return null;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n <= 0) {
    console.error('用法：npm run seed -- --persons N（N 为正整数）');
    process.exit(2);
  }
  return n;
}

const reset = process.argv.includes('--reset');
const persons = personsArg();
const config = loadConfig();
const open = () => openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
let database = await open();
if (reset) {
  await database.db.execute(sql`drop schema if exists public cascade`);
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  await database.db.execute(sql`create schema public`);
  await database.close();
  database = await open();
}
const files = openFileStore(config);
await seedDemo(database.db, { onlyIfEmpty: false, files });
files.close?.();
console.log(
  `演示数据已${reset ? '重建' : '更新'}（${database.kind === 'pglite' ? config.dataDir : 'PostgreSQL'}）`,
);
if (persons) {
  await seedScale(database.db, { persons, log: (m) => console.log(m) });
}
await database.close();
