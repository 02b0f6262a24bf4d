import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, agentBindings, orgRoles, sessions } from '../db/schema';
import type { Client } from '../test/client';
import { actingFor, bindAgent, loggedIn, makePerson, makeUnit } from '../test/factories';
import { startTestApp, type TestApp } from '../test/harness';

/**
 * The actor is resolved afresh from the database on every request: what changed since the last
 * request (a binding, a role, a lock) shows on the next one. The changes are written straight to
 * the tables here, without the services that also delete the sessions, so that the session lookup
 * itself is what is tested.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ jobsWorker: false });
});
afterAll(() => t.close());

type Session = {
  session: {
    account: { displayName: string };
    actorKind: string;
    actingUnit: { name: string; roles: string[] } | null;
    permissions: string[];
  } | null;
};
const sessionOf = async (c: Client) => (await c.get<Session>('/api/auth/session')).body.session;
const sessionRows = (accountId: string) =>
  t.db.select().from(sessions).where(eq(sessions.accountId, accountId));

/** The statements sent to the database while `fn` runs (both drivers: the client's query()). */
async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const client = (t.db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const texts: string[] = [];
  const original = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text: string };
    texts.push(typeof first === 'string' ? first : first.text);
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    client.query = original;
  }
  return texts;
}

describe('session lookup', () => {
  it("resolves an agent's actor in one statement, plus the last-seen touch at most every 30 s", async () => {
    const unit = await makeUnit(t, { roles: [{ role: 'employer', level: 'city', regionCode: '4401' }] });
    const person = await makePerson(t);
    await bindAgent(t, unit, person);
    const c = await actingFor(t, person, unit);

    const fresh = await statementsDuring(() => sessionOf(c));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).not.toMatch(/password_hash/);

    await t.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.accountId, person.id));
    const stale = await statementsDuring(() => sessionOf(c));
    expect(stale).toHaveLength(2);
    expect(stale[1]).toMatch(/^update "sessions" set "last_seen_at"/);
    expect(await statementsDuring(() => sessionOf(c))).toHaveLength(1);
    expect((await sessionOf(c))?.actingUnit).toMatchObject({ name: unit.name, roles: ['employer'] });
  });

  it('ends an agent session on the next request once its binding is no longer authorized or active', async () => {
    const unit = await makeUnit(t);
    const person = await makePerson(t);
    const binding = await bindAgent(t, unit, person);
    const acting = await actingFor(t, person, unit);
    const plain = await loggedIn(t, person);
    expect((await sessionOf(acting))?.actorKind).toBe('agent');

    await t.db.update(agentBindings).set({ authorized: false }).where(eq(agentBindings.id, binding.id));
    expect(await sessionOf(acting)).toBeNull();
    expect((await acting.get('/api/unit/agents')).status).toBe(401);
    // the person's own session does not depend on the binding
    expect((await sessionOf(plain))?.actorKind).toBe('person');
    expect(await sessionRows(person.id)).toHaveLength(1);

    await t.db.update(agentBindings).set({ authorized: true }).where(eq(agentBindings.id, binding.id));
    const again = await actingFor(t, person, unit);
    await t.db.update(agentBindings).set({ status: 'cancelled' }).where(eq(agentBindings.id, binding.id));
    expect(await sessionOf(again)).toBeNull();
  });

  it("shows a role granted to the unit in its agent's permissions on the next request, and a revoked one no more", async () => {
    const unit = await makeUnit(t);
    const person = await makePerson(t);
    await bindAgent(t, unit, person);
    const c = await actingFor(t, person, unit);
    const before = await sessionOf(c);
    expect(before?.actingUnit?.roles).toEqual([]);
    expect(before?.permissions).not.toContain('audit.read');
    expect((await c.get('/api/admin/audit-events')).status).toBe(403);

    await t.db
      .insert(orgRoles)
      .values({ unitId: unit.id, role: 'hrss', level: 'province', regionCode: '44' });
    const granted = await sessionOf(c);
    expect(granted?.actingUnit?.roles).toEqual(['hrss']);
    expect(granted?.permissions).toContain('audit.read');
    expect((await c.get('/api/admin/audit-events')).status).toBe(200);

    await t.db
      .update(orgRoles)
      .set({ status: 'revoked' })
      .where(and(eq(orgRoles.unitId, unit.id), eq(orgRoles.role, 'hrss')));
    expect((await sessionOf(c))?.actingUnit?.roles).toEqual([]);
    expect((await c.get('/api/admin/audit-events')).status).toBe(403);
  });

  it('ends the sessions of an account locked or disabled since the last request', async () => {
    const person = await makePerson(t);
    const c = await loggedIn(t, person);
    await t.db
      .update(accounts)
      .set({ lockedUntil: sql`now() + interval '1 hour'` })
      .where(eq(accounts.id, person.id));
    expect(await sessionOf(c)).toBeNull();
    expect(await sessionRows(person.id)).toEqual([]);

    await t.db
      .update(accounts)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(accounts.id, person.id));
    const unlocked = await loggedIn(t, person);
    expect(await sessionOf(unlocked)).toMatchObject({
      actorKind: 'person',
      account: { displayName: person.realName },
    });

    const unit = await makeUnit(t);
    const u = await loggedIn(t, unit, 'unit');
    expect(await sessionOf(u)).toMatchObject({ actorKind: 'unit', account: { displayName: unit.name } });
    await t.db.update(accounts).set({ disabled: true }).where(eq(accounts.id, unit.id));
    expect(await sessionOf(u)).toBeNull();
    expect(await sessionRows(unit.id)).toEqual([]);
  });
});
