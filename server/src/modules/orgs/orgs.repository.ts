import { and, eq, like, or, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../core/db';
import type { RegionScope } from '../../core/scope';
import { files, orgProfiles, orgRoles, units } from '../../db/schema';

export type UnitRow = typeof units.$inferSelect;
export type OrgProfileRow = typeof orgProfiles.$inferSelect;
export type OrgProfileValues = Omit<typeof orgProfiles.$inferInsert, 'id' | 'createdAt'>;

/** The acting unit's own record in the identity platform. */
export async function findUnit(q: Queryable, unitId: string): Promise<UnitRow | null> {
  const [row] = await q.select().from(units).where(eq(units.accountId, unitId));
  return row ?? null;
}

/** The unit's application for one role; `lock` serializes concurrent 保存 / 确认 of the same unit. */
export async function findProfile(
  q: Queryable,
  unitId: string,
  role: OrgProfileRow['role'],
  lock = false,
): Promise<OrgProfileRow | null> {
  const query = q
    .select()
    .from(orgProfiles)
    .where(and(eq(orgProfiles.unitId, unitId), eq(orgProfiles.role, role)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertProfile(q: Queryable, values: OrgProfileValues): Promise<OrgProfileRow> {
  const [row] = await q.insert(orgProfiles).values(values).returning();
  return row;
}

export async function updateProfile(
  q: Queryable,
  unitId: string,
  role: OrgProfileRow['role'],
  values: Partial<OrgProfileValues>,
): Promise<void> {
  await q
    .update(orgProfiles)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(orgProfiles.unitId, unitId), eq(orgProfiles.role, role)));
}

/**
 * 上级人社主管部门: the active HRSS org of the unit's city, else of its province.
 */
export async function findHrssFor(
  q: Queryable,
  unit: Pick<UnitRow, 'cityCode' | 'provinceCode'>,
): Promise<{ id: string; name: string } | null> {
  const rows = await q
    .select({ id: units.accountId, name: units.name, level: orgRoles.level })
    .from(orgRoles)
    .innerJoin(units, eq(units.accountId, orgRoles.unitId))
    .where(
      and(
        eq(orgRoles.role, 'hrss'),
        eq(orgRoles.status, 'active'),
        or(
          and(eq(orgRoles.level, 'city'), eq(orgRoles.regionCode, unit.cityCode)),
          and(eq(orgRoles.level, 'province'), eq(orgRoles.regionCode, unit.provinceCode)),
        ),
      ),
    );
  const found = rows.find((r) => r.level === 'city') ?? rows[0];
  return found ? { id: found.id, name: found.name } : null;
}

/**
 * The approved (active) authority of `series` at exactly `level` and `regionCode` — e.g. the 市级
 * authority of 工程技术人员 in 4401. Routing composes these lookups (parent one level up; city
 * first, else province). One authority per place and series is expected; the oldest grant wins.
 */
export async function findAuthority(
  q: Queryable,
  at: { series: string; level: OrgProfileRow['level']; regionCode: string },
): Promise<{ id: string; name: string } | null> {
  const [row] = await q
    .select({ id: units.accountId, name: units.name })
    .from(orgRoles)
    .innerJoin(units, eq(units.accountId, orgRoles.unitId))
    .where(
      and(
        eq(orgRoles.role, 'authority'),
        eq(orgRoles.status, 'active'),
        eq(orgRoles.series, at.series),
        eq(orgRoles.level, at.level),
        eq(orgRoles.regionCode, at.regionCode),
      ),
    )
    .orderBy(orgRoles.grantedAt)
    .limit(1);
  return row ?? null;
}

export async function unitName(q: Queryable, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const [row] = await q.select({ name: units.name }).from(units).where(eq(units.accountId, unitId));
  return row?.name ?? null;
}

export async function findFile(q: Queryable, fileId: string) {
  const [row] = await q.select().from(files).where(eq(files.id, fileId));
  return row ?? null;
}

/** Grants (or re-activates) an org role of the unit. */
export async function grantRole(
  q: Queryable,
  grant: {
    unitId: string;
    role: OrgProfileRow['role'];
    level: OrgProfileRow['level'];
    regionCode: string;
    /** an authority's 专业序列 */
    series?: string | null;
  },
): Promise<void> {
  const series = grant.series ?? null;
  await q
    .insert(orgRoles)
    .values({ ...grant, series, status: 'active' })
    .onConflictDoUpdate({
      target: [orgRoles.unitId, orgRoles.role],
      set: {
        status: 'active',
        level: grant.level,
        regionCode: grant.regionCode,
        series,
        grantedAt: new Date(),
      },
    });
}

/** Profiles whose licence is the file, limited to what the caller may see. */
export async function profilesUsingLicence(
  q: Queryable,
  fileId: string,
  scope: { unitId: string } | RegionScope,
): Promise<OrgProfileRow[]> {
  const where =
    'unitId' in scope
      ? eq(orgProfiles.unitId, scope.unitId)
      : scope.kind === 'all'
        ? undefined
        : like(orgProfiles.regionCode, `${scope.prefix}%`);
  return q
    .select()
    .from(orgProfiles)
    .where(and(eq(orgProfiles.licenceFileId, fileId), where));
}
/**
 * Whether the file is the licence of a unit whose workflow item (an authority application, an
 * institution's qualification — any item the unit submitted) waits or waited at `orgId`.
 */
export async function licenceOfUnitReviewedBy(q: Queryable, fileId: string, orgId: string): Promise<boolean> {
  const rows = await queryRows(
    q,
    sql`select 1 from org_profiles p
    where p.licence_file_id = ${fileId} and exists (
      select 1 from workflow_items w where w.submitter_unit_id = p.unit_id and (w.reviewer_unit_id = ${orgId}
        or exists (select 1 from workflow_history h where h.item_id = w.id and h.actor_unit_id = ${orgId}
                     and h.action in ('approve', 'first_approve', 'reject', 'return'))))
    limit 1`,
  );
  return rows.length > 0;
}
