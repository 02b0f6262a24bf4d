import { join, resolve } from 'node:path';
import { loadConfig } from '../core/config';
import { openFileStore } from '../core/file-store.open';
import { OpsError } from './backup';
import { restoreDatabase } from './restore';

/**
 * npm run restore -- <备份目录> [--force] [--allow-version-mismatch]
 * Restores into the database of DATABASE_URL (or the PGlite in DATA_DIR) and the file store.
 * Stop every instance of the app first. README「部署 · 备份与恢复」.
 */
const args = process.argv.slice(2);
const [source] = args.filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--force' && a !== '--allow-version-mismatch');
if (!source || unknown.length) {
  console.error('用法：npm run restore -- <备份目录> [--force] [--allow-version-mismatch]');
  process.exit(2);
}
const config = loadConfig();
// the store the app uses (FILE_STORE: the data dir or the object store)
const store = openFileStore(config);
try {
  const report = await restoreDatabase(
    { url: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') },
    store,
    resolve(source),
    {
      force: args.includes('--force'),
      allowVersionMismatch: args.includes('--allow-version-mismatch'),
      log: (s) => console.log(s),
    },
  );
  console.log(`恢复完成：${report.tables} 张表 ${report.rows} 行，附件 ${report.files} 个`);
  if (report.filesNotInBackup.length) {
    console.error(`警告：备份时已缺失的附件未能恢复：${report.filesNotInBackup.join(', ')}`);
    process.exitCode = 3;
  }
} catch (err) {
  console.error(err instanceof OpsError ? `恢复失败：${err.message}` : err);
  process.exitCode = 1;
}
