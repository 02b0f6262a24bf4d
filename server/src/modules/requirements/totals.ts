import { eq, type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../core/db';
import { ceTotals } from '../../db/schema';

/**
 * Recognised hours and course counts per person, year and category (SPEC §7), recomputed from
 * the approved records in the caller's transaction: an approval, a correction or a deletion
 * leaves the totals current when it commits. A failed assessment counts for nothing.
 *
 * Hours are summed as whole tenths (the column keeps one decimal), so the sums are exact integers
 * and cheap to aggregate; `tenths / 10.0` gives the numeric hours back.
 */
export const APPROVED_RECORDS = sql`ce_records r
    join workflow_items w on w.object_type = 'ce_record' and w.object_id = r.id and w.state = 'approved'`;

/** What one approved record `r` adds to its total: its recognised hours in tenths, and one course. */
export const recordTenths = sql`case when r.assessment = 'passed' then (coalesce(r.recognised_hours, 0) * 10)::int else 0 end`;
export const recordCourses = sql`case when r.assessment = 'passed' and coalesce(r.recognised_hours, 0) > 0 then 1 else 0 end`;

/** The totals of the approved records matching `where`, one row per person, year and category. */
function freshTotals(where: SQL) {
  return sql`
    select r.professional_id, r.year, r.subject_type,
           sum(${recordTenths}) as tenths, sum(${recordCourses})::int as courses
    from ${APPROVED_RECORDS}
    where ${where}
    group by r.professional_id, r.year, r.subject_type`;
}

/** A list of ids as one array parameter (one bind value however many persons a batch holds). */
const uuidList = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Two transactions writing the same person's totals at once would race on the same ce_totals keys;
 * locking the persons' rows (in id order, so two sets locked at once cannot deadlock) serializes them.
 */
async function lockProfessionals(q: Queryable, ids: readonly string[]) {
  await q.execute(sql`select id from professionals where id = any(${uuidList(ids)}) order by id for update`);
}

/** What a recount changed: rows of ce_totals written or deleted, and the persons they belong to. */
export interface RecountCounts {
  rows: number;
  persons: number;
}

/**
 * 重新统计学时 of these persons (locked by the caller): the totals computed fresh from the records,
 * compared with ce_totals key by key (person, year, category), and only the rows that differ
 * written — a missing one inserted, a changed one updated, a vanished one deleted. A row equal in
 * hours and courses is left alone (its updated_at too). With `years`, only those years.
 */
async function writeTotals(
  q: Queryable,
  ids: readonly string[],
  years?: readonly number[],
): Promise<RecountCounts> {
  const inYears = (column: SQL) =>
    years ? sql` and ${column} = any(${`{${years.map(Number).join(',')}}`}::int[])` : sql``;
  const [counts] = await queryRows<{ rows: number; persons: number }>(
    q,
    sql`
    with fresh as (${freshTotals(sql`r.professional_id = any(${uuidList(ids)})${inYears(sql`r.year`)}`)}),
    kept as (
      select professional_id, year, subject_type, (hours * 10)::bigint as tenths, courses
      from ce_totals
      where professional_id = any(${uuidList(ids)})${inYears(sql`year`)}
    ),
    diff as (
      select coalesce(f.professional_id, k.professional_id) as professional_id,
             coalesce(f.year, k.year) as year,
             coalesce(f.subject_type, k.subject_type) as subject_type,
             f.tenths, f.courses
      from fresh f
      full join kept k
        on k.professional_id = f.professional_id and k.year = f.year and k.subject_type = f.subject_type
      where f.tenths is distinct from k.tenths or f.courses is distinct from k.courses
    ),
    vanished as (
      delete from ce_totals t using diff d
      where d.tenths is null
        and t.professional_id = d.professional_id and t.year = d.year and t.subject_type = d.subject_type
    ),
    written as (
      insert into ce_totals (professional_id, year, subject_type, hours, courses, updated_at)
      select professional_id, year, subject_type, tenths / 10.0, courses, now() from diff where tenths is not null
      on conflict (professional_id, year, subject_type)
      do update set hours = excluded.hours, courses = excluded.courses, updated_at = excluded.updated_at
    )
    select count(*)::int as rows, count(distinct professional_id)::int as persons from diff`,
  );
  return { rows: Number(counts?.rows ?? 0), persons: Number(counts?.persons ?? 0) };
}

/** Refreshes the totals of one person for the given years (an approval, a correction, a deletion). */
export async function refreshTotals(q: Queryable, professionalId: string, years: readonly number[]) {
  const ys = [...new Set(years)];
  if (ys.length === 0) return;
  await lockProfessionals(q, [professionalId]);
  await writeTotals(q, [professionalId], ys);
}

/** Persons per lock-and-write step: one statement's arrays stay small, and so does each lock set. */
export const RECOUNT_BATCH = 2000;

/**
 * Refreshes the totals of many persons in the caller's transaction (batch import, 重新统计学时 of a
 * person or a unit), in id order, a batch at a time; says what changed.
 */
export async function refreshTotalsOf(
  q: Queryable,
  professionalIds: readonly string[],
): Promise<RecountCounts> {
  const ids = [...new Set(professionalIds)].sort();
  const total = { rows: 0, persons: 0 };
  for (let i = 0; i < ids.length; i += RECOUNT_BATCH) {
    const batch = ids.slice(i, i + RECOUNT_BATCH);
    await lockProfessionals(q, batch);
    const counts = await writeTotals(q, batch);
    total.rows += counts.rows;
    total.persons += counts.persons;
  }
  return total;
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
    tenths: string;
    courses: number;
  }>(
    q,
    sql`select year, subject_type, tenths, courses from (${freshTotals(sql`r.professional_id = ${professionalId}`)}) t`,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    subjectType: r.subject_type,
    hours: Number(r.tenths) / 10,
    courses: Number(r.courses),
  }));
}
