import { type SQL, sql } from 'drizzle-orm';
import { type Db, type Queryable, queryRows } from '../../core/db';
import type { RegionScope } from '../../core/scope';
import {
  APPROVED_RECORDS,
  RECOUNT_BATCH,
  type RecountCounts,
  recordCourses,
  recordTenths,
  refreshTotalsOf,
} from './totals';

/**
 * 重新统计学时 of a region (HRSS: the whole province, or a city's persons) while approvals go on.
 *
 * 1. One read-only statement computes the fresh totals of every person in the region and compares
 *    them with ce_totals key by key (person, year, category): the persons whose kept totals
 *    differ. It locks nothing, and sees one snapshot, in which every committed approval wrote its
 *    records and its totals together — so a person equal there stays equal (later approvals keep
 *    their totals current themselves), and only the persons found are left to fix.
 * 2. Those persons are fixed a batch at a time, each batch in its own short transaction that locks
 *    only its persons (in id order, like an approval locking one), recomputes them under the lock
 *    and writes only the rows that differ (totals.ts).
 *
 * A healthy province costs about one scan of its approved records; nobody waits on a lock longer
 * than one batch.
 */

/** The persons of a region: a person belongs to the region of their employer (as their rule does). */
function personsOf(scope: RegionScope): SQL {
  if (scope.kind === 'all') return sql`select id from professionals`;
  return sql`
    select p.id from professionals p
    join units u on u.account_id = p.employer_id
    where u.region_code like ${`${scope.prefix}%`}`;
}

export async function countPersons(q: Queryable, scope: RegionScope): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    q,
    sql`select count(*)::int as n from (${personsOf(scope)}) p`,
  );
  return Number(row?.n ?? 0);
}

/** (year, category) as one integer, so the comparison sorts on (uuid, int) and no text. */
const yearAndCategory = (year: SQL, subjectType: SQL) =>
  sql`(${year} * 4 + case ${subjectType} when 'public' then 1 when 'professional' then 2 else 3 end)`;

/**
 * Step 1: the persons of the region whose kept totals differ from their records, in id order.
 * Each approved record is one row, each kept total one row with its numbers negated; grouped by
 * (person, year, category), a key differs when it has no kept row, only a kept row, or numbers
 * that do not cancel out. One sort-based aggregate over both (no hash of 800k keys, no second
 * aggregate): about one scan of the approved records, plus one of ce_totals.
 */
export async function driftedPersons(db: Db, scope: RegionScope): Promise<string[]> {
  const inRegion = (column: SQL) =>
    scope.kind === 'all' ? sql`true` : sql`${column} in (${personsOf(scope)})`;
  const compare = sql`
    select distinct professional_id as id from (
      select professional_id
      from (
        select r.professional_id, ${yearAndCategory(sql`r.year`, sql`r.subject_type`)} as k,
               ${recordTenths} as tenths, ${recordCourses} as courses, 0 as kept
        from ${APPROVED_RECORDS}
        where ${inRegion(sql`r.professional_id`)}
        union all
        select professional_id, ${yearAndCategory(sql`year`, sql`subject_type`)}, -(hours * 10)::int, -courses, 1
        from ce_totals
        where ${inRegion(sql`professional_id`)}
      ) both_sides
      group by professional_id, k
      having sum(kept) = 0 or count(*) = 1 or sum(tenths) <> 0 or sum(courses) <> 0
    ) drifted
    order by 1`;
  return db.transaction(async (tx) => {
    // measured on the 100,000-person bench database: hashing ~800k groups spills to disk and
    // takes longer than sorting them, and the sorts need ~100 MB to stay off disk (per process of
    // a parallel plan, for this one statement only)
    await tx.execute(sql`set local enable_hashagg = off`);
    await tx.execute(sql`set local work_mem = '128MB'`);
    const rows = await queryRows<{ id: string }>(tx, compare);
    return rows.map((r) => r.id);
  });
}

export interface RecountProgress {
  /** persons of the region */
  personsTotal: number;
  /** persons checked so far (equal ones at once, drifted ones as their batch commits) */
  personsDone: number;
  /** persons and rows of ce_totals changed by this batch */
  batch: RecountCounts;
}

export interface RegionRecountResult {
  personsTotal: number;
  changedPersons: number;
  changedRows: number;
}

const DEADLOCK = '40P01';

function isDeadlock(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    if ((x as { code?: unknown }).code === DEADLOCK) return true;
  }
  return false;
}

/**
 * 重新统计学时 of a region (the core the HRSS job runs, and the bench times). `onProgress` hears the
 * number of persons before the comparison, the persons found equal after it, and each batch inside
 * the batch's transaction, so progress kept in the database commits with the totals it counts.
 */
export async function recountRegion(
  db: Db,
  scope: RegionScope,
  onProgress?: (q: Queryable, progress: RecountProgress) => Promise<void>,
): Promise<RegionRecountResult> {
  const none = { rows: 0, persons: 0 };
  const personsTotal = await countPersons(db, scope);
  await onProgress?.(db, { personsTotal, personsDone: 0, batch: none });
  const drifted = await driftedPersons(db, scope);
  let personsDone = Math.max(0, personsTotal - drifted.length);
  await onProgress?.(db, { personsTotal, personsDone, batch: none });
  const result = { personsTotal, changedPersons: 0, changedRows: 0 };
  for (let i = 0; i < drifted.length; i += RECOUNT_BATCH) {
    const ids = drifted.slice(i, i + RECOUNT_BATCH);
    const done = Math.min(personsTotal, personsDone + ids.length);
    // a deadlock can only come from a transaction locking persons out of id order; try again
    for (let attempt = 1; ; attempt += 1) {
      try {
        const batch = await db.transaction(async (tx) => {
          const counts = await refreshTotalsOf(tx, ids);
          await onProgress?.(tx, { personsTotal, personsDone: done, batch: counts });
          return counts;
        });
        result.changedPersons += batch.persons;
        result.changedRows += batch.rows;
        break;
      } catch (error) {
        if (!isDeadlock(error) || attempt >= 3) throw error;
      }
    }
    personsDone = done;
  }
  return result;
}
