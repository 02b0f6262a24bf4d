import { createHmac, randomBytes } from 'node:crypto';
import { type OrgRole, permissionsFor } from '@ce/shared';
import { and, eq, lt, or } from 'drizzle-orm';
import { accounts, agentBindings, orgRoles, persons, sessions, units } from '../db/schema';
import type { Config } from './config';
import type { Actor, OrgRoleGrant } from './context';
import type { Db, Queryable } from './db';

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
    .select({ role: orgRoles.role, level: orgRoles.level, regionCode: orgRoles.regionCode })
    .from(orgRoles)
    .where(and(eq(orgRoles.unitId, unitId), eq(orgRoles.status, 'active')));
}

const TOUCH_EVERY_MS = 30_000;

/** Resolves the actor of a session token, enforcing idle and absolute timeouts. */
export async function loadActor(db: Db, config: Config, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(config.sessionSecret, token);
  const [row] = await db
    .select({
      session: sessions,
      account: accounts,
      person: persons,
      unit: units,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(persons, eq(persons.accountId, accounts.id))
    .leftJoin(units, eq(units.accountId, accounts.id))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  const now = Date.now();
  const idleLimit = row.session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  const locked = row.account.lockedUntil && row.account.lockedUntil.getTime() > now;
  if (row.session.expiresAt.getTime() <= now || idleLimit <= now || row.account.disabled || locked) {
    await endSession(db, tokenHash);
    return null;
  }
  if (now - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.tokenHash, tokenHash));
  }

  let actingUnit: Actor['actingUnit'] = null;
  if (row.session.actingUnitId) {
    // defence in depth: the binding must still be active and authorized
    const [unit] = await db
      .select({ id: units.accountId, name: units.name, regionCode: units.regionCode })
      .from(agentBindings)
      .innerJoin(units, eq(units.accountId, agentBindings.unitId))
      .where(
        and(
          eq(agentBindings.unitId, row.session.actingUnitId),
          eq(agentBindings.personId, row.account.id),
          eq(agentBindings.status, 'active'),
          eq(agentBindings.authorized, true),
        ),
      );
    if (!unit) {
      await endSession(db, tokenHash);
      return null;
    }
    actingUnit = { ...unit, roles: await unitRoleGrants(db, unit.id) };
  }

  const kind = actingUnit ? 'agent' : row.account.kind;
  const roles: OrgRole[] = actingUnit ? actingUnit.roles.map((r) => r.role) : [];
  return {
    sessionId: tokenHash,
    accountId: row.account.id,
    accountKind: row.account.kind,
    kind,
    loginName: row.account.loginName,
    displayName: row.person?.realName ?? row.unit?.name ?? row.account.loginName,
    realnameLevel: row.person?.realnameLevel ?? null,
    mustChangePassword: row.account.mustChangePassword,
    actingUnit,
    permissions: new Set(permissionsFor(kind, roles)),
    expiresAt: row.session.expiresAt,
  };
}

/** Housekeeping: drops sessions past their absolute or idle limit. */
export async function purgeExpiredSessions(db: Db, config: Config): Promise<void> {
  const idleCutoff = new Date(Date.now() - config.sessionIdleMinutes * 60_000);
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleCutoff)));
}
