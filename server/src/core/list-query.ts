import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from './db';

/**
 * How a list page reads the database (every list follows it; records.list.ts is the example).
 *
 * 1. **Ids first.** An inner query takes the scope and the filters and returns only the page:
 *    `select r.id, <sort keys>, count(*) over () as total … where <scope> and <filters>
 *    order by <sort keys> limit $n offset $m`. Scope and filters touch as few tables as
 *    possible: a condition on another table is an `exists (…)` / `in (select …)` that an index
 *    answers, not a join over every row (a join to a big table makes the planner scan it).
 *    `count(*) over ()` gives 共 N 条 in the same statement; a page past the end has no row to
 *    carry it, and then `countOf` runs the count alone.
 * 2. **Then the columns the page shows**, for those ids only: join the row's own tables by
 *    primary key and take names from small lookups (a unit's name by `left join units` on its
 *    key, the last history step by a `lateral … limit 1`) — never `select *`.
 * 3. **Plain SQL, prepared.** The statement is written with drizzle's `sql` template (cheap to
 *    build, no query builder per request) and run by `queryNamed`, which PostgreSQL plans once
 *    per connection. Numbers come back as numbers by casting (`::float8`, `::int`); dates and
 *    timestamps come back as strings.
 * 4. **The indexes the plan asks for**, declared in db/schema next to the table; check the plan
 *    with EXPLAIN ANALYZE on the bench database (`npm run bench` seeds 100,000 persons).
 */

const names = new Map<string, string>();

/**
 * Runs raw SQL as a named prepared statement: PostgreSQL parses and plans it once per pooled
 * connection (the name is derived from the text, so each distinct shape has its own); PGlite
 * runs it as is. Behind a transaction-pooling proxy (pgbouncer's transaction mode) named
 * statements need its prepared-statement support (pgbouncer ≥ 1.21, max_prepared_statements).
 */
export async function queryNamed<T>(q: Queryable, prefix: string, query: SQL): Promise<T[]> {
  const inner = q as unknown as {
    dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } };
    session: {
      prepareQuery(
        q: { sql: string; params: unknown[] },
        fields: undefined,
        name: string | undefined,
        arrayMode: boolean,
      ): { execute(): Promise<{ rows: T[] }> };
    };
  };
  const built = inner.dialect.sqlToQuery(query);
  let name = names.get(built.sql);
  if (!name) {
    name = `${prefix}_${createHash('sha1').update(built.sql).digest('hex').slice(0, 12)}`;
    if (names.size < 10_000) names.set(built.sql, name);
  }
  const res = await inner.session.prepareQuery(built, undefined, name, false).execute();
  return res.rows;
}

/**
 * An enum value (a state, a category) written into the statement instead of bound: each value
 * then has its own prepared statement, planned for how common that value is (a generic plan
 * would treat 待审核 like 已认定). Only lower-case identifiers pass.
 */
export function enumLiteral(value: string): SQL {
  if (!/^[a-z_]{1,40}$/.test(value)) throw new Error(`not an enum value: ${value}`);
  return sql.raw(`'${value}'`);
}

/** `%text%` for ILIKE, with the pattern's own characters escaped. */
export function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

/** `limit … offset …` of a page. */
export function pageClause(p: PageRequest): SQL {
  return sql`limit ${p.pageSize} offset ${(p.page - 1) * p.pageSize}`;
}

/**
 * 共 N 条 of a page query (step 1 above): the window count carried by the page's rows, or,
 * for a page past the end, the count run alone.
 */
export async function totalOf(
  rows: readonly { total: number | string }[],
  count: () => Promise<number>,
): Promise<number> {
  return rows.length > 0 ? Number(rows[0].total) : count();
}
