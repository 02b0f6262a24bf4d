import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../core/db';
import { accounts, agentBindings, orgProfiles, orgRoles } from '../db/schema';

/** Creates the account, or restores its password, lock and flags when it exists. */
export async function upsertAccount(
  tx: Tx,
  kind: 'person' | 'unit',
  loginName: string,
  passwordHash: string,
) {
  const [existing] = await tx.select().from(accounts).where(eq(accounts.loginName, loginName));
  if (existing) {
    await tx
      .update(accounts)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, disabled: false, mustChangePassword: false })
      .where(eq(accounts.id, existing.id));
    return existing.id;
  }
  const [row] = await tx
    .insert(accounts)
    .values({ kind, loginName, passwordHash })
    .returning({ id: accounts.id });
  return row.id;
}

/** An active, authorized agent binding between the unit and the person. */
export async function ensureBinding(tx: Tx, unitId: string, personId: string) {
  const live = await tx
    .select()
    .from(agentBindings)
    .where(
      and(
        eq(agentBindings.unitId, unitId),
        eq(agentBindings.personId, personId),
        inArray(agentBindings.status, ['pending', 'active']),
      ),
    );
  if (live[0]) {
    await tx
      .update(agentBindings)
      .set({ status: 'active', authorized: true })
      .where(eq(agentBindings.id, live[0].id));
  } else {
    await tx
      .insert(agentBindings)
      .values({ unitId, personId, status: 'active', authorized: true, respondedAt: new Date() });
  }
}

/** An org role held by the unit, with its approved 角色申请 info (as if applied and confirmed). */
export async function ensureOrgRole(
  tx: Tx,
  unitId: string,
  role: 'employer' | 'institution',
  profile: Omit<
    typeof orgProfiles.$inferInsert,
    'id' | 'unitId' | 'role' | 'status' | 'createdAt' | 'updatedAt'
  >,
) {
  await tx
    .insert(orgRoles)
    .values({ unitId, role, level: profile.level, regionCode: profile.regionCode })
    .onConflictDoUpdate({ target: [orgRoles.unitId, orgRoles.role], set: { status: 'active' } });
  await tx
    .insert(orgProfiles)
    .values({ ...profile, unitId, role, status: 'approved' })
    .onConflictDoUpdate({ target: [orgProfiles.unitId, orgProfiles.role], set: { status: 'approved' } });
}
