import type { AuditAction } from '@ce/shared';
import { auditEvents } from '../db/schema';
import type { RequestContext } from './context';
import type { Queryable } from './db';

export interface AuditEntry {
  action: AuditAction;
  objectType?: string;
  objectId?: string | null;
  outcome?: 'success' | 'failure';
  /** short facts; never passwords, codes or tokens */
  detail?: Record<string, string | number | boolean | null>;
  /** who acted when there is no session yet (a login, a registration) */
  actor?: { id: string; loginName: string; name: string | null };
}

/** What an audit row needs of the request: plain data, so a background job can carry it. */
export interface AuditContext {
  actor: {
    accountId: string;
    loginName: string;
    displayName: string;
    actingUnit: { id: string; name: string; regionCode: string } | null;
  } | null;
  ip: string | null;
}

/** The request's audit facts as plain data (for a job's payload). */
export function auditContextOf(ctx: RequestContext): AuditContext {
  const a = ctx.actor;
  return {
    actor: a && {
      accountId: a.accountId,
      loginName: a.loginName,
      displayName: a.displayName,
      actingUnit: a.actingUnit && {
        id: a.actingUnit.id,
        name: a.actingUnit.name,
        regionCode: a.actingUnit.regionCode,
      },
    },
    ip: ctx.ip,
  };
}

/** Writes one audit row; call it with the transaction of the change it records. */
export async function audit(q: Queryable, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor;
  await q.insert(auditEvents).values({
    actorId: entry.actor?.id ?? actor?.accountId ?? null,
    actorLoginName: entry.actor?.loginName ?? actor?.loginName ?? null,
    actorName: entry.actor?.name ?? actor?.displayName ?? null,
    actingUnitId: actor?.actingUnit?.id ?? null,
    actingUnitName: actor?.actingUnit?.name ?? null,
    regionCode: actor?.actingUnit?.regionCode ?? null,
    ip: ctx.ip,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    outcome: entry.outcome ?? 'success',
    detail: entry.detail ?? null,
  });
}
