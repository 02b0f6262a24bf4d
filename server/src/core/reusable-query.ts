import * as drizzleUtils from 'drizzle-orm/utils';
import type { Queryable } from './db';

/**
 * A Drizzle select built once per process and run many times, in whatever the caller holds
 * (the pool or a transaction): the hot reads of a write path (a record's detail, read twice by
 * every approval) skip Drizzle's query building — about half of an approval's CPU — and run as
 * a named statement that PostgreSQL plans once per connection. The select takes its inputs as
 * `sql.placeholder(name)` and its text must not depend on them.
 */
interface Built {
  query: { sql: string; params: unknown[] };
  fields: unknown;
  joinsNotNullableMap: unknown;
}

interface SelectInternals {
  dialect: { sqlToQuery(s: unknown): { sql: string; params: unknown[] } };
  getSQL(): unknown;
  config: { fields: unknown };
  joinsNotNullableMap: unknown;
}

interface SessionInternals {
  session: {
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: unknown,
      name: string,
      arrayMode: boolean,
    ): { joinsNotNullableMap: unknown; execute(values: Record<string, unknown>): Promise<unknown[]> };
  };
}

const orderSelectedFields = (drizzleUtils as unknown as { orderSelectedFields(f: unknown): unknown })
  .orderSelectedFields;
const built = new Map<string, Built>();

export async function runReusable<T>(
  q: Queryable,
  name: string,
  build: (q: Queryable) => unknown,
  values: Record<string, unknown>,
): Promise<T[]> {
  let b = built.get(name);
  if (!b) {
    const select = build(q) as SelectInternals;
    b = {
      query: select.dialect.sqlToQuery(select.getSQL()),
      fields: orderSelectedFields(select.config.fields),
      joinsNotNullableMap: select.joinsNotNullableMap,
    };
    built.set(name, b);
  }
  const prepared = (q as unknown as SessionInternals).session.prepareQuery(b.query, b.fields, name, true);
  prepared.joinsNotNullableMap = b.joinsNotNullableMap;
  return (await prepared.execute(values)) as T[];
}
