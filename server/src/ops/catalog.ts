import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, type Queryable, queryRows } from '../core/db';

/**
 * What backup and restore need to know about the database, read from the catalog so it works the
 * same on PGlite and PostgreSQL: the app's tables (schema `public`; pg-boss keeps its queue in
 * `pgboss` and Drizzle its migration log in `drizzle`, both left out), their keys, the order
 * foreign keys allow, and which migration the schema is at.
 */

export interface TableInfo {
  name: string;
  /** primary key columns, in key order ([] when none: rows are then ordered by their text) */
  key: { name: string; collatable: boolean }[];
  /** columns an INSERT may name (generated columns left out) */
  columns: string[];
  /** a GENERATED ALWAYS identity column needs OVERRIDING SYSTEM VALUE */
  identityAlways: boolean;
  /** sequences behind serial/identity columns: [sequence, column] */
  sequences: [string, string][];
}

export interface MigrationVersion {
  /** migrations applied */
  count: number;
  /** Drizzle's `created_at` of the last one (the journal's `when`) */
  createdAt: number | null;
  /** its file name, when this code knows it */
  tag: string | null;
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function appTables(q: Queryable): Promise<TableInfo[]> {
  const tables = await queryRows<{ name: string }>(
    q,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  );
  const cols = await queryRows<{ table: string; name: string; generated: string; identity: string }>(
    q,
    sql`select c.relname as "table", a.attname as name, a.attgenerated::text as generated, a.attidentity::text as identity
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
  );
  const keys = await queryRows<{ table: string; name: string; collatable: boolean }>(
    q,
    sql`select c.relname as "table", a.attname as name, a.attcollation <> 0 as collatable
        from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
        where n.nspname = 'public' and i.indisprimary
        order by c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const seqs = await queryRows<{ table: string; column: string; seq: string | null }>(
    q,
    sql`select c.relname as "table", a.attname as "column",
          pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`,
  );
  return tables.map(({ name }) => {
    const mine = cols.filter((c) => c.table === name);
    return {
      name,
      key: keys.filter((k) => k.table === name).map((k) => ({ name: k.name, collatable: k.collatable })),
      columns: mine.filter((c) => c.generated === '').map((c) => c.name),
      identityAlways: mine.some((c) => c.identity === 'a'),
      sequences: seqs
        .filter((s) => s.table === name && s.seq)
        .map((s) => [s.seq as string, s.column] as [string, string]),
    };
  });
}

/**
 * The tables in an order foreign keys allow inserting them (parents first). A table referring
 * to itself is fine as long as its rows go in one statement; a cycle between tables is refused.
 */
export async function insertOrder(q: Queryable, tables: string[]): Promise<string[]> {
  const fks = await queryRows<{ child: string; parent: string }>(
    q,
    sql`select ch.relname as child, pa.relname as parent from pg_constraint k
        join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
        join pg_namespace n on n.oid = ch.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const pending = new Set(tables);
  const order: string[] = [];
  while (pending.size) {
    const ready = [...pending].filter((t) =>
      fks.every((f) => f.child !== t || f.parent === t || !pending.has(f.parent)),
    );
    if (!ready.length) throw new Error(`外键存在循环，无法确定恢复顺序：${[...pending].join(', ')}`);
    for (const t of ready.sort()) {
      order.push(t);
      pending.delete(t);
    }
  }
  return order;
}

interface Journal {
  entries: { when: number; tag: string }[];
}

export const readJournal = () =>
  JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;

function journalTags(): Map<number, string> {
  return new Map(readJournal().entries.map((e) => [e.when, e.tag]));
}

export async function migrationVersion(q: Queryable): Promise<MigrationVersion> {
  const [exists] = await queryRows<{ t: string | null }>(
    q,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!exists?.t) return { count: 0, createdAt: null, tag: null };
  const rows = await queryRows<{ created_at: string | number }>(
    q,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  const last = rows.at(-1);
  const createdAt = last ? Number(last.created_at) : null;
  return {
    count: rows.length,
    createdAt,
    tag: createdAt === null ? null : (journalTags().get(createdAt) ?? null),
  };
}

export const describeVersion = (v: MigrationVersion) =>
  v.createdAt === null ? '（未迁移）' : `${v.tag ?? v.createdAt}（共 ${v.count} 个迁移）`;

/**
 * A copy of the migrations folder that stops at the migration applied last when a backup was
 * made (its `createdAt`), or null when this code does not know that migration. A fresh target
 * is migrated to the backup's version, takes its rows, then runs the migrations after it — an
 * older backup restores into newer code the way the data would have been upgraded in place.
 */
export function migrationsUpTo(createdAt: number): string | null {
  const journal = readJournal();
  const upTo = journal.entries.findIndex((e) => e.when === createdAt);
  if (upTo < 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'ce-migrations-'));
  mkdirSync(join(dir, 'meta'));
  const entries = journal.entries.slice(0, upTo + 1);
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(join(migrationsFolder, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  return dir;
}
