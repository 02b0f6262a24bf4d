import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db';
import { openFileStore } from '../core/file-store.open';
import { backup, OpsError } from './backup';

/**
 * npm run backup -- <目标目录>
 * Backs up the database of DATABASE_URL (or the PGlite in DATA_DIR — stop the app first: PGlite
 * is one process's database) and the uploads. README「部署 · 备份与恢复」.
 */
const [target] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!target) {
  console.error('用法：npm run backup -- <备份目录>（目录须不存在或为空）');
  process.exit(2);
}
const dir = resolve(target);
if (existsSync(dir) && readdirSync(dir).length) {
  console.error(`备份失败：备份目录不为空：${dir}`);
  process.exit(1);
}
const config = loadConfig();
// backing up must not change the database: no migrations here
const database = await openDatabase({
  url: config.databaseUrl,
  pgliteDir: join(config.dataDir, 'pglite'),
  migrations: false,
});
// the store the app uses (FILE_STORE: the data dir or the object store)
const store = openFileStore(config);
try {
  const m = await backup(database.db, store, dir, { database: database.kind, log: (s) => console.log(s) });
  const rows = m.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`备份完成：${dir}（${m.tables.length} 张表 ${rows} 行，附件 ${m.files.count} 个）`);
  const lost = [...m.files.missing, ...m.files.corrupt];
  if (lost.length) {
    console.error(`警告：${lost.length} 个附件在文件存储中缺失或已损坏，未能备份：${lost.join(', ')}`);
    process.exitCode = 3;
  }
} catch (err) {
  console.error(err instanceof OpsError ? `备份失败：${err.message}` : err);
  process.exitCode = 1;
} finally {
  await database.close();
}
