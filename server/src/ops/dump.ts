import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../core/db';
import { ident, type TableInfo } from './catalog';

/** Rows fetched from the cursor at a time: a million-row table never sits in memory. */
const FETCH = 1000;

export interface TableDigest {
  rows: number;
  /** SHA-256 of the table's JSON lines, each ending in \n */
  sha256: string;
}

/**
 * Key order, independent of the server's collation (PGlite and PostgreSQL may differ): text keys
 * compare byte-wise; a table without a key is ordered by its rows' text.
 */
function orderBy(table: TableInfo): string {
  if (!table.key.length) return `row_to_json(t)::text collate "C"`;
  return table.key.map((k) => `t.${ident(k.name)}${k.collatable ? ' collate "C"' : ''}`).join(', ');
}

/**
 * The table's rows as JSON lines (`row_to_json`), in key order, through a cursor; `digest` is
 * filled in as they go. Run it inside a transaction (a cursor lives in one).
 */
export async function* tableLines(
  q: Queryable,
  table: TableInfo,
  digest: TableDigest,
): AsyncGenerator<string> {
  const hash = createHash('sha256');
  await q.execute(
    sql.raw(
      `declare ce_dump no scroll cursor for select row_to_json(t)::text as j from ${ident(table.name)} t order by ${orderBy(table)}`,
    ),
  );
  try {
    for (;;) {
      const rows = await queryRows<{ j: string }>(q, sql.raw(`fetch ${FETCH} from ce_dump`));
      if (!rows.length) break;
      const chunk = `${rows.map((r) => r.j).join('\n')}\n`;
      hash.update(chunk);
      digest.rows += rows.length;
      yield chunk;
    }
  } finally {
    await q.execute(sql.raw('close ce_dump'));
  }
  digest.sha256 = hash.digest('hex');
}

/** Dumps a table into `<dir>/tables/<name>.jsonl.gz`. */
export async function dumpTable(q: Queryable, table: TableInfo, dir: string): Promise<TableDigest> {
  const digest: TableDigest = { rows: 0, sha256: '' };
  await pipeline(
    Readable.from(tableLines(q, table, digest)),
    createGzip(),
    createWriteStream(tableFile(dir, table.name)),
  );
  return digest;
}

/** Only the digest of a table (restore's check that the rows came back identical). */
export async function digestTable(q: Queryable, table: TableInfo): Promise<TableDigest> {
  const digest: TableDigest = { rows: 0, sha256: '' };
  for await (const _ of tableLines(q, table, digest));
  return digest;
}

export const tableFile = (dir: string, name: string) => join(dir, 'tables', `${name}.jsonl.gz`);
export const fileCopy = (dir: string, key: string) => join(dir, 'files', key.slice(0, 2), key);

/** The JSON lines of a dumped table, one at a time. */
export async function* readLines(path: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const source = createReadStream(path);
  source.on('error', (err) => gunzip.destroy(err));
  const lines = createInterface({ input: source.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line) yield line;
}

/** Runs `fn` on every item with at most `limit` at a time (object stores like a few in parallel). */
export async function eachLimited<T>(items: AsyncIterable<T>, limit: number, fn: (item: T) => Promise<void>) {
  const running = new Set<Promise<void>>();
  let failure: unknown = null;
  for await (const item of items) {
    if (failure) break;
    const p: Promise<void> = fn(item)
      .catch((err) => {
        failure ??= err;
      })
      .finally(() => running.delete(p));
    running.add(p);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
