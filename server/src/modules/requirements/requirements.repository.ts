import type { RequirementRule } from '@ce/shared';
import { and, asc, desc, eq, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import type { RegionScope } from '../../core/scope';
import { persons, requirementRules } from '../../db/schema';

export type RuleRow = typeof requirementRules.$inferSelect;

export function toRule(r: RuleRow): RequirementRule {
  return {
    fromYear: r.fromYear,
    toYear: r.toYear,
    series: r.series,
    regionCode: r.regionCode,
    totalHours: r.totalHours,
    publicHours: r.publicHours,
    professionalHours: r.professionalHours,
    electiveHours: r.electiveHours,
    hoursPerDay: r.hoursPerDay,
  };
}

/**
 * Every active HRSS rule, oldest first: pickRule lets the later of two equally specific rules
 * win, so the newest setting prevails.
 */
export async function activeRules(q: Queryable): Promise<RequirementRule[]> {
  const rows = await q
    .select()
    .from(requirementRules)
    .where(eq(requirementRules.active, true))
    .orderBy(asc(requirementRules.createdAt), asc(requirementRules.version));
  return rows.map(toRule);
}

/** Rules that apply somewhere in the HRSS's region: province-wide ones, its region's and above. */
function visibleIn(scope: RegionScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return or(
    isNull(requirementRules.regionCode),
    like(requirementRules.regionCode, `${scope.prefix}%`),
    sql`${scope.prefix} like ${requirementRules.regionCode} || '%'`,
  );
}

export async function listRules(q: Queryable, scope: RegionScope, history: boolean) {
  return q
    .select({ rule: requirementRules, createdByName: persons.realName })
    .from(requirementRules)
    .leftJoin(persons, eq(persons.accountId, requirementRules.createdBy))
    .where(and(visibleIn(scope), history ? undefined : eq(requirementRules.active, true)))
    .orderBy(desc(requirementRules.fromYear), asc(requirementRules.series), desc(requirementRules.createdAt));
}

export async function findRule(q: Queryable, scope: RegionScope, id: string): Promise<RuleRow | undefined> {
  const [row] = await q
    .select()
    .from(requirementRules)
    .where(and(eq(requirementRules.id, id), visibleIn(scope)))
    .for('update');
  return row;
}

const nullableEq = <T extends string | number>(
  col: typeof requirementRules.toYear | typeof requirementRules.series | typeof requirementRules.regionCode,
  v: T | null,
) => (v === null ? isNull(col) : eq(col, v));

/** Rules of the same key (years, series, region), every version, newest first. */
export async function sameKey(
  q: Queryable,
  key: { fromYear: number; toYear: number | null; series: string | null; regionCode: string | null },
) {
  return q
    .select()
    .from(requirementRules)
    .where(
      and(
        eq(requirementRules.fromYear, key.fromYear),
        nullableEq(requirementRules.toYear, key.toYear),
        nullableEq(requirementRules.series, key.series),
        nullableEq(requirementRules.regionCode, key.regionCode),
      ),
    )
    .orderBy(desc(requirementRules.version))
    .for('update');
}

export async function deactivate(q: Queryable, id: string) {
  await q.update(requirementRules).set({ active: false }).where(eq(requirementRules.id, id));
}

export async function insertRule(q: Queryable, values: typeof requirementRules.$inferInsert) {
  const [row] = await q.insert(requirementRules).values(values).returning();
  return row;
}
