import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../core/db';
import { ceTotals, professionals } from '../../db/schema';

/**
 * Recognised hours and course counts per person, year and category (SPEC §7), recomputed from
 * the approved records in the caller's transaction: an approval, a correction or a deletion
 * leaves the totals current when it commits. A failed assessment counts for nothing.
 */
const AGGREGATE = sql`
  select r.professional_id, r.year, r.subject_type,
         coalesce(sum(coalesce(r.recognised_hours, 0)) filter (where r.assessment = 'passed'), 0) as hours,
         count(*) filter (where r.assessment = 'passed' and coalesce(r.recognised_hours, 0) > 0)::int as courses,
         now()
  from ce_records r
  join workflow_items w on w.object_type = 'ce_record' and w.object_id = r.id and w.state = 'approved'`;

/**
 * Two transactions refreshing the same person at once would both delete and re-insert the same
 * ce_totals keys; locking the persons' rows (in id order, so batches cannot deadlock) serializes them.
 */
async function lockProfessionals(q: Queryable, ids: readonly string[]) {
  await q
    .select({ id: professionals.id })
    .from(professionals)
    .where(inArray(professionals.id, [...ids]))
    .orderBy(asc(professionals.id))
    .for('update');
}

/** Refreshes the totals of one person for the given years. */
export async function refreshTotals(q: Queryable, professionalId: string, years: readonly number[]) {
  const ys = [...new Set(years)];
  if (ys.length === 0) return;
  await lockProfessionals(q, [professionalId]);
  await q
    .delete(ceTotals)
    .where(and(eq(ceTotals.professionalId, professionalId), inArray(ceTotals.year, ys)));
  await q.execute(sql`
    insert into ce_totals (professional_id, year, subject_type, hours, courses, updated_at)
    ${AGGREGATE}
    where r.professional_id = ${professionalId} and r.year in ${sql.raw(`(${ys.map(Number).join(',')})`)}
    group by r.professional_id, r.year, r.subject_type`);
}

/** Refreshes the totals of many persons at once (batch import, 重新统计学时 of a unit). */
export async function refreshTotalsOf(q: Queryable, professionalIds: readonly string[]) {
  const ids = [...new Set(professionalIds)];
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    await lockProfessionals(q, chunk);
    await q.delete(ceTotals).where(inArray(ceTotals.professionalId, chunk));
    await q.execute(sql`
      insert into ce_totals (professional_id, year, subject_type, hours, courses, updated_at)
      ${AGGREGATE}
      where r.professional_id in (${sql.join(
        chunk.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      group by r.professional_id, r.year, r.subject_type`);
  }
}

export interface TotalsRow {
  year: number;
  subjectType: 'public' | 'professional' | 'elective';
  hours: number;
  courses: number;
}

/** The kept totals of one person (all years). */
export async function totalsOf(q: Queryable, professionalId: string): Promise<TotalsRow[]> {
  return q
    .select({
      year: ceTotals.year,
      subjectType: ceTotals.subjectType,
      hours: ceTotals.hours,
      courses: ceTotals.courses,
    })
    .from(ceTotals)
    .where(eq(ceTotals.professionalId, professionalId));
}

/** The same numbers computed from the records, bypassing ce_totals (重新统计学时 and tests compare). */
export async function recountOf(q: Queryable, professionalId: string): Promise<TotalsRow[]> {
  const rows = await queryRows<{
    year: number;
    subject_type: TotalsRow['subjectType'];
    hours: string;
    courses: number;
  }>(
    q,
    sql`
    select year, subject_type, hours, courses from (${AGGREGATE}
    where r.professional_id = ${professionalId}
    group by r.professional_id, r.year, r.subject_type) t`,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    subjectType: r.subject_type,
    hours: Number(r.hours),
    courses: Number(r.courses),
  }));
}
