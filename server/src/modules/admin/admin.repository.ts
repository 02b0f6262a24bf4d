import { and, count, desc, eq, gte, ilike, like, lt, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import type { RegionScope } from '../../core/scope';
import { auditEvents, smsOutbox } from '../../db/schema';

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
