import { and, count, desc, eq, gte, ilike, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import type { RegionScope } from '../../core/scope';
import { auditEvents, ceRecords, persons, professionals, smsOutbox, units } from '../../db/schema';

function regionWhere(
  column: typeof smsOutbox.regionCode | typeof auditEvents.regionCode,
  scope: RegionScope,
) {
  return scope.kind === 'all' ? undefined : like(column, `${scope.prefix}%`);
}

export async function listOutbox(
  q: Queryable,
  scope: RegionScope,
  f: { phone?: string; page: number; pageSize: number },
) {
  const where = and(
    regionWhere(smsOutbox.regionCode, scope),
    f.phone ? eq(smsOutbox.phone, f.phone) : undefined,
  );
  const [{ total }] = await q.select({ total: count() }).from(smsOutbox).where(where);
  const items = await q
    .select()
    .from(smsOutbox)
    .where(where)
    .orderBy(desc(smsOutbox.createdAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  outcome?: 'success' | 'failure';
  page: number;
  pageSize: number;
}

/** Dates are calendar days in Beijing time; stored times are UTC. */
function beijingDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export async function listAudit(q: Queryable, scope: RegionScope, f: AuditFilter) {
  const conditions: (SQL | undefined)[] = [
    regionWhere(auditEvents.regionCode, scope),
    f.from ? gte(auditEvents.at, beijingDayStart(f.from)) : undefined,
    f.to ? lt(auditEvents.at, new Date(beijingDayStart(f.to).getTime() + 86_400_000)) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.outcome ? eq(auditEvents.outcome, f.outcome) : undefined,
    f.actor
      ? or(ilike(auditEvents.actorLoginName, `%${f.actor}%`), ilike(auditEvents.actorName, `%${f.actor}%`))
      : undefined,
  ];
  const where = and(...conditions);
  const [{ total }] = await q.select({ total: count() }).from(auditEvents).where(where);
  const items = await q
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.at))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids an audit row mentions: its object and the detail's string values that are uuids. */
function idsOf(e: { objectId: string | null; detail: unknown }): string[] {
  const ids: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && UUID.test(v)) ids.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  if (e.objectId && UUID.test(e.objectId)) ids.push(e.objectId);
  walk(e.detail);
  return ids;
}

/**
 * Names of the units, persons, professionals and records the rows mention (one query each), so
 * 审计日志 shows 广东建设工程咨询有限公司 rather than an id; ids that no longer resolve stay ids.
 */
export async function auditNames(
  q: Queryable,
  rows: { objectId: string | null; detail: unknown }[],
): Promise<Record<string, string>> {
  const ids = [...new Set(rows.flatMap(idsOf))];
  const names: Record<string, string> = {};
  if (ids.length === 0) return names;
  const [u, p, pro, rec] = await Promise.all([
    q.select({ id: units.accountId, name: units.name }).from(units).where(inArray(units.accountId, ids)),
    q
      .select({ id: persons.accountId, name: persons.realName })
      .from(persons)
      .where(inArray(persons.accountId, ids)),
    q
      .select({ id: professionals.id, name: professionals.name })
      .from(professionals)
      .where(inArray(professionals.id, ids)),
    q
      .select({ id: ceRecords.id, name: ceRecords.courseName, person: professionals.name })
      .from(ceRecords)
      .innerJoin(professionals, eq(professionals.id, ceRecords.professionalId))
      .where(inArray(ceRecords.id, ids)),
  ]);
  for (const r of [...u, ...p, ...pro]) names[r.id] = r.name;
  for (const r of rec) names[r.id] = `${r.person}「${r.name}」`;
  return names;
}
