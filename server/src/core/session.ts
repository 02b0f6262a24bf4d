import { createHmac, randomBytes } from 'node:crypto';
import { type OrgRole, permissionsFor } from '@ce/shared';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { accounts, orgRoles, persons, sessions } from '../db/schema';
import type { Config } from './config';
import type { Actor, OrgRoleGrant } from './context';
import type { Db, Queryable } from './db';
import { runReusable } from './reusable-query';

export const SESSION_COOKIE = 'ce_session';
export const CSRF_COOKIE = 'ce_csrf';

/** 256-bit random token; only its keyed hash is stored, so a database dump opens no session. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

export async function createSession(
  q: Queryable,
  config: Config,
  input: { accountId: string; actingUnitId: string | null; ip: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.sessionAbsoluteHours * 3600_000);
  await q.insert(sessions).values({
    tokenHash: hashToken(config.sessionSecret, token),
    accountId: input.accountId,
    actingUnitId: input.actingUnitId,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

export async function endSession(q: Queryable, sessionId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.tokenHash, sessionId));
}

/** Ends every session of an account (logout everywhere, lock, disable, password change). */
export async function endAccountSessions(q: Queryable, accountId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.accountId, accountId));
}

/** Ends the sessions in which a person acts for a unit (binding cancelled or authorization withdrawn). */
export async function endAgentSessions(q: Queryable, unitId: string, personId: string): Promise<void> {
  await q.delete(sessions).where(and(eq(sessions.accountId, personId), eq(sessions.actingUnitId, unitId)));
}

export async function unitRoleGrants(q: Queryable, unitId: string): Promise<OrgRoleGrant[]> {
  return q
    .select({
      role: orgRoles.role,
      level: orgRoles.level,
      regionCode: orgRoles.regionCode,
      series: orgRoles.series,
    })
    .from(orgRoles)
    .where(and(eq(orgRoles.unitId, unitId), eq(orgRoles.status, 'active')));
}

const TOUCH_EVERY_MS = 30_000;

/** The unit a session acts for, read only through a binding still active and authorized. */
interface ActingRow {
  name: string;
  regionCode: string;
  roles: OrgRoleGrant[];
}

const actingUnitOf = sql<ActingRow | null>`(
  select json_build_object(
           'name', u.name,
           'regionCode', u.region_code,
           'roles', coalesce(
             (select json_agg(json_build_object('role', r.role, 'level', r.level, 'regionCode', r.region_code,
                                               'series', r.series)
                              order by r.role)
                from org_roles r
               where r.unit_id = u.account_id and r.status = 'active'),
             '[]'::json))
    from agent_bindings b
    join units u on u.account_id = b.unit_id
   where b.unit_id = ${sessions.actingUnitId} and b.person_id = ${sessions.accountId}
     and b.status = 'active' and b.authorized)`;

/**
 * The session, its account, and — for an agent — the unit acted for with its active role grants,
 * in one statement, and only what the actor needs (never the password hash). A binding cancelled
 * or withdrawn also deletes its sessions; reading the unit through the binding is defence in
 * depth. A unit account's name is read only when there is no person row (COALESCE stops early).
 * Built once per process and run as a named statement (./reusable-query.ts): PostgreSQL parses
 * and plans it once per pooled connection.
 */
function sessionLookup(q: Queryable) {
  return q
    .select({
      accountId: sessions.accountId,
      kind: accounts.kind,
      loginName: accounts.loginName,
      displayName: sql<string>`coalesce(${persons.realName},
        (select u.name from units u where u.account_id = ${sessions.accountId}), ${accounts.loginName})`,
      realnameLevel: persons.realnameLevel,
      mustChangePassword: accounts.mustChangePassword,
      disabled: accounts.disabled,
      lockedUntil: accounts.lockedUntil,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      actingUnitId: sessions.actingUnitId,
      acting: actingUnitOf,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(persons, eq(persons.accountId, sessions.accountId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')));
}

export type SessionRow = Awaited<ReturnType<typeof sessionLookup>>[number];

/** The session of a token hash, as loadActor reads it (a read, nothing ended or touched). */
export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await runReusable<SessionRow>(db, 'ce_session_lookup', sessionLookup, { tokenHash });
  return row;
}

/**
 * Resolves the actor of a session token in one statement, enforcing idle and absolute timeouts;
 * an expired, idle, locked or disabled session, or one acting through a binding that is gone, is
 * ended (null). last_seen_at is written at most every 30 s.
 */
export async function loadActor(db: Db, config: Config, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(config.sessionSecret, token);
  const row = await findSession(db, tokenHash);
  if (!row) return null;
  const now = Date.now();
  const lastSeen = row.lastSeenAt.getTime();
  const locked = row.lockedUntil !== null && row.lockedUntil.getTime() > now;
  const idle = lastSeen + config.sessionIdleMinutes * 60_000 <= now;
  const bindingGone = row.actingUnitId !== null && row.acting === null;
  if (row.expiresAt.getTime() <= now || idle || row.disabled || locked || bindingGone) {
    await endSession(db, tokenHash);
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) {
    // requests of one session arriving together (several instances, several tabs) write it once
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, new Date(now - TOUCH_EVERY_MS))));
  }

  const actingUnit: Actor['actingUnit'] =
    row.actingUnitId && row.acting ? { id: row.actingUnitId, ...row.acting } : null;
  const kind = actingUnit ? 'agent' : row.kind;
  const roles: OrgRole[] = actingUnit ? actingUnit.roles.map((r) => r.role) : [];
  return {
    sessionId: tokenHash,
    accountId: row.accountId,
    accountKind: row.kind,
    kind,
    loginName: row.loginName,
    displayName: row.displayName,
    realnameLevel: row.realnameLevel,
    mustChangePassword: row.mustChangePassword,
    actingUnit,
    permissions: new Set(permissionsFor(kind, roles)),
    expiresAt: row.expiresAt,
  };
}

/** Housekeeping: drops sessions past their absolute or idle limit. */
export async function purgeExpiredSessions(db: Db, config: Config): Promise<void> {
  const idleCutoff = new Date(Date.now() - config.sessionIdleMinutes * 60_000);
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleCutoff)));
}
