import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import { accounts, agentBindings, persons, units } from '../../db/schema';

/** 子账号信息: the bindings of one unit (scope: the unit itself). */
export async function bindingsOfUnit(q: Queryable, scope: { unitId: string }) {
  return q
    .select({ binding: agentBindings, loginName: accounts.loginName, realName: persons.realName })
    .from(agentBindings)
    .innerJoin(accounts, eq(accounts.id, agentBindings.personId))
    .innerJoin(persons, eq(persons.accountId, agentBindings.personId))
    .where(eq(agentBindings.unitId, scope.unitId))
    .orderBy(desc(agentBindings.createdAt));
}

/** 我经办的单位账号信息: the bindings asking for one person (scope: the person). */
export async function bindingsOfPerson(q: Queryable, scope: { personId: string }) {
  return q
    .select({ binding: agentBindings, loginName: accounts.loginName, unitName: units.name })
    .from(agentBindings)
    .innerJoin(accounts, eq(accounts.id, agentBindings.unitId))
    .innerJoin(units, eq(units.accountId, agentBindings.unitId))
    .where(eq(agentBindings.personId, scope.personId))
    .orderBy(desc(agentBindings.createdAt));
}

/** One binding inside the caller's scope, locked for the change. */
export async function lockBinding(
  q: Queryable,
  scope: { unitId: string } | { personId: string },
  id: string,
) {
  const owner =
    'unitId' in scope ? eq(agentBindings.unitId, scope.unitId) : eq(agentBindings.personId, scope.personId);
  const [row] = await q
    .select()
    .from(agentBindings)
    .where(and(eq(agentBindings.id, id), owner))
    .for('update');
  return row ?? null;
}

export async function liveBinding(q: Queryable, unitId: string, personId: string) {
  const [row] = await q
    .select()
    .from(agentBindings)
    .where(
      and(
        eq(agentBindings.unitId, unitId),
        eq(agentBindings.personId, personId),
        inArray(agentBindings.status, ['pending', 'active']),
      ),
    );
  return row ?? null;
}
