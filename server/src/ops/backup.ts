import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../core/db';
import type { FileStore } from '../core/file-store';
import { appTables, type MigrationVersion, migrationVersion } from './catalog';
import { dumpTable, eachLimited, fileCopy, readLines, sha256, tableFile } from './dump';

/**
 * A backup is a directory:
 *   manifest.json              written last: its presence means the backup is complete
 *   tables/<table>.jsonl.gz    every row of every table of the app, as JSON, in key order
 *   files/<ab>/<id>            the bytes of every upload a `files` row names, checked against its SHA-256
 * Logical and driver-independent, so a PGlite backup restores into PostgreSQL and back.
 */
export const BACKUP_FORMAT = 'ce-backup/1';
/** the table naming the uploads whose bytes live in the FileStore */
export const FILES_TABLE = 'files';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: 'pglite' | 'postgres';
  migration: MigrationVersion;
  tables: { name: string; rows: number; sha256: string }[];
  files: {
    count: number;
    bytes: number;
    /** `files` rows whose bytes the store did not have, or had with another hash: not copied */
    missing: string[];
    corrupt: string[];
  };
}

export class OpsError extends Error {}

export interface FileRow {
  id: string;
  sha256: string;
}

/** The `files` rows of a backup, streamed from its dump. */
export async function* fileRows(dir: string): AsyncGenerator<FileRow> {
  const path = tableFile(dir, FILES_TABLE);
  if (!existsSync(path)) return;
  for await (const line of readLines(path)) {
    const row = JSON.parse(line) as FileRow;
    yield { id: row.id, sha256: row.sha256 };
  }
}

/**
 * Backs up the database and the uploads into `dir` (new or empty). The rows come from one
 * REPEATABLE READ snapshot, so on PostgreSQL the app may keep running: uploads committed after
 * the snapshot are simply not in it, and an upload's bytes are stored before its row commits.
 */
export async function backup(
  db: Db,
  store: FileStore,
  dir: string,
  opts: { database: 'pglite' | 'postgres'; log?: (message: string) => void },
): Promise<BackupManifest> {
  const log = opts.log ?? (() => {});
  if (existsSync(dir) && readdirSync(dir).length) throw new OpsError(`备份目录不为空：${dir}`);
  mkdirSync(join(dir, 'tables'), { recursive: true });
  const createdAt = new Date().toISOString();

  const { migration, tables } = await db.transaction(
    async (tx) => {
      // timestamps as UTC text whatever the server's zone, so a restore elsewhere dumps the same
      await tx.execute(sql`set local timezone to 'UTC'`);
      const migration = await migrationVersion(tx);
      const tables: BackupManifest['tables'] = [];
      for (const table of await appTables(tx)) {
        const digest = await dumpTable(tx, table, dir);
        tables.push({ name: table.name, ...digest });
        log(`表 ${table.name}：${digest.rows} 行`);
      }
      return { migration, tables };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );

  const files: BackupManifest['files'] = { count: 0, bytes: 0, missing: [], corrupt: [] };
  await eachLimited(fileRows(dir), 8, async (row) => {
    const bytes = await store.get(row.id);
    if (!bytes) {
      files.missing.push(row.id);
      return;
    }
    if (sha256(bytes) !== row.sha256) {
      files.corrupt.push(row.id);
      return;
    }
    const target = fileCopy(dir, row.id);
    mkdirSync(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    files.count += 1;
    files.bytes += bytes.length;
  });
  files.missing.sort();
  files.corrupt.sort();
  log(`附件：${files.count} 个，${files.bytes} 字节`);

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt,
    database: opts.database,
    migration,
    tables,
    files,
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
