import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, openDatabase, type Tx } from '../core/db';
import type { FileStore } from '../core/file-store';
import { BACKUP_FORMAT, type BackupManifest, fileRows, OpsError } from './backup';
import {
  appTables,
  describeVersion,
  ident,
  insertOrder,
  migrationsUpTo,
  migrationVersion,
  type TableInfo,
} from './catalog';
import { digestTable, eachLimited, fileCopy, readLines, sha256, tableFile } from './dump';

export interface RestoreOptions {
  /** empty a target that holds data (rows or files) instead of refusing */
  force?: boolean;
  /** restore although the backup's migration version is not the target's (columns may not match) */
  allowVersionMismatch?: boolean;
  log?: (message: string) => void;
}

export interface RestoreReport {
  tables: number;
  rows: number;
  files: number;
  /** files the backup itself lacked (its manifest's missing and corrupt) */
  filesNotInBackup: string[];
}

/** rows per INSERT … json_populate_recordset, and a cap on the JSON text of one statement */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 8 * 1024 * 1024;

export function readManifest(dir: string): BackupManifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new OpsError(`${dir} 不是完整的备份：没有 manifest.json`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new OpsError(`不支持的备份格式：${String(manifest.format)}`);
  return manifest;
}

async function insertTable(tx: Tx, table: TableInfo, dir: string): Promise<{ rows: number; sha256: string }> {
  const cols = table.columns.map(ident).join(', ');
  const head = `insert into ${ident(table.name)} (${cols}) ${table.identityAlways ? 'overriding system value ' : ''}select ${cols} from json_populate_recordset(null::${ident(table.name)}, `;
  const hash = createHash('sha256');
  let rows = 0;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (!batch.length) return;
    await tx.execute(sql`${sql.raw(head)}${`[${batch.join(',')}]`}::json)`);
    batch = [];
    chars = 0;
  };
  for await (const line of readLines(tableFile(dir, table.name))) {
    hash.update(`${line}\n`);
    rows += 1;
    batch.push(line);
    chars += line.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
  }
  await flush();
  for (const [seq, column] of table.sequences) {
    await tx.execute(
      sql`select setval(${seq}::regclass, coalesce((select max(${sql.raw(ident(column))}) from ${sql.raw(ident(table.name))}), 0) + 1, false)`,
    );
  }
  return { rows, sha256: hash.digest('hex') };
}

async function tablesWithRows(db: Db, tables: TableInfo[]): Promise<string[]> {
  const found: string[] = [];
  for (const t of tables) {
    const res = (await db.execute(sql.raw(`select 1 from ${ident(t.name)} limit 1`))) as unknown as {
      rows: unknown[];
    };
    if (res.rows.length) found.push(t.name);
  }
  return found;
}

/**
 * Restores a backup into an opened (migrated) database and a FileStore, in one transaction:
 * rows in foreign-key order, then the files, each checked; any failure leaves the database as it
 * was. Refuses a target holding data unless `force` (which empties it first).
 */
export async function restoreInto(
  db: Db,
  store: FileStore,
  dir: string,
  opts: RestoreOptions = {},
): Promise<RestoreReport> {
  const log = opts.log ?? (() => {});
  const manifest = readManifest(dir);
  const version = await migrationVersion(db);
  const sameVersion = version.createdAt === manifest.migration.createdAt;
  if (!sameVersion && !opts.allowVersionMismatch) {
    throw new OpsError(
      `备份的数据库版本 ${describeVersion(manifest.migration)} 与目标数据库的版本 ${describeVersion(version)} 不同；` +
        '请用与备份相同版本的程序恢复，或确认后加 --allow-version-mismatch',
    );
  }
  const targetTables = await appTables(db);
  const byName = new Map(targetTables.map((t) => [t.name, t]));
  const absent = manifest.tables.filter((t) => !byName.has(t.name)).map((t) => t.name);
  if (absent.length) throw new OpsError(`目标数据库缺少这些表：${absent.join(', ')}`);

  const occupied = await tablesWithRows(db, targetTables);
  const storeOccupied = !(await store.list()[Symbol.asyncIterator]().next()).done;
  if ((occupied.length || storeOccupied) && !opts.force) {
    const what = [...occupied, ...(storeOccupied ? ['（文件存储中已有文件）'] : [])].join(', ');
    throw new OpsError(`目标不是空的：${what}。恢复只写入空的数据库和文件存储；确认要清空目标后加 --force`);
  }

  const expected = new Map(manifest.tables.map((t) => [t.name, t]));
  const report: RestoreReport = { tables: 0, rows: 0, files: 0, filesNotInBackup: [] };
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone to 'UTC'`);
    if (opts.force && occupied.length) {
      await tx.execute(sql.raw(`truncate ${targetTables.map((t) => ident(t.name)).join(', ')}`));
    }
    for (const name of await insertOrder(tx, [...expected.keys()])) {
      const table = byName.get(name) as TableInfo;
      const want = expected.get(name) as BackupManifest['tables'][number];
      const got = await insertTable(tx, table, dir);
      if (got.rows !== want.rows || got.sha256 !== want.sha256) {
        throw new OpsError(`备份文件 ${tableFile(dir, name)} 已损坏（行数或校验和与 manifest 不符）`);
      }
      report.tables += 1;
      report.rows += got.rows;
      log(`表 ${name}：${got.rows} 行`);
    }
    // read back: the same rows, to the byte, in the same order (needs the same columns)
    for (const want of manifest.tables) {
      const table = byName.get(want.name) as TableInfo;
      const back = await digestTable(tx, table);
      if (back.rows !== want.rows || (sameVersion && back.sha256 !== want.sha256)) {
        throw new OpsError(`表 ${want.name} 恢复后与备份不一致（${back.rows} 行，备份 ${want.rows} 行）`);
      }
    }
    // a batch import running when the backup was taken has no job behind it here (the queue is
    // not backed up): it ends failed with a reason the employer sees, never 检查中 for ever
    if (byName.has('import_jobs')) {
      const ended = await tx.execute(
        sql`update import_jobs set status = 'failed', finished_at = now(),
              message = '导入失败：恢复备份时该批次尚未完成，未导入任何记录，请重新上传'
            where status in ('checking', 'importing')`,
      );
      const r = ended as unknown as { affectedRows?: number; rowCount?: number | null };
      const n = r.rowCount ?? r.affectedRows ?? 0;
      if (n) log(`未完成的批量申报：${n} 个，已标记为导入失败`);
    }
    // the files go in before the rows commit: a failure here leaves the database untouched
    const notInBackup = new Set([...manifest.files.missing, ...manifest.files.corrupt]);
    await eachLimited(fileRows(dir), 8, async (row) => {
      if (notInBackup.has(row.id)) {
        report.filesNotInBackup.push(row.id);
        return;
      }
      const path = fileCopy(dir, row.id);
      if (!existsSync(path)) throw new OpsError(`备份不完整：缺少附件 ${row.id}`);
      const bytes = await readFile(path);
      if (sha256(bytes) !== row.sha256) throw new OpsError(`备份中的附件 ${row.id} 已损坏`);
      await store.put(row.id, bytes);
      const stored = await store.get(row.id);
      if (!stored || sha256(stored) !== row.sha256)
        throw new OpsError(`附件 ${row.id} 写入文件存储后校验失败`);
      report.files += 1;
    });
    log(`附件：${report.files} 个`);
  });
  return report;
}

/**
 * Opens the target (PostgreSQL at `url`, or PGlite in `pgliteDir` — the app must be stopped),
 * migrates it and restores the backup into it. A target that has never been migrated is first
 * migrated only up to the backup's version, then, with the rows in, the rest of the way.
 */
export async function restoreDatabase(
  target: { url: string | null; pgliteDir: string | null },
  store: FileStore,
  dir: string,
  opts: RestoreOptions = {},
): Promise<RestoreReport> {
  const manifest = readManifest(dir);
  const database = await openDatabase({ ...target, migrations: false });
  const fresh = (await migrationVersion(database.db)).count === 0;
  const partial =
    fresh && manifest.migration.createdAt !== null ? migrationsUpTo(manifest.migration.createdAt) : null;
  try {
    await database.migrate(partial ?? undefined);
    const report = await restoreInto(database.db, store, dir, opts);
    if (partial) await database.migrate();
    return report;
  } finally {
    await database.close();
    if (partial) rmSync(partial, { recursive: true, force: true });
  }
}
