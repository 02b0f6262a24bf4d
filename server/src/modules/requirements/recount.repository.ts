import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import { recountJobs } from '../../db/schema';

export type RecountJobRow = typeof recountJobs.$inferSelect;

const ofRegion = (regionCode: string | null) =>
  regionCode === null ? isNull(recountJobs.regionCode) : eq(recountJobs.regionCode, regionCode);

/** The recount of this region still running, if any. */
export async function runningJob(q: Queryable, regionCode: string | null) {
  const [row] = await q
    .select()
    .from(recountJobs)
    .where(and(ofRegion(regionCode), eq(recountJobs.status, 'running')));
  return row;
}

/** The region's latest recount. */
export async function latestJob(q: Queryable, regionCode: string | null) {
  const [row] = await q
    .select()
    .from(recountJobs)
    .where(ofRegion(regionCode))
    .orderBy(desc(recountJobs.startedAt))
    .limit(1);
  return row;
}

/** A new running recount; the partial unique index refuses a second one of the same region. */
export async function insertJob(
  q: Queryable,
  job: { unitId: string; regionCode: string | null; createdBy: string },
): Promise<RecountJobRow> {
  const [row] = await q
    .insert(recountJobs)
    .values({ ...job, status: 'running' })
    .returning();
  return row;
}

export async function findJob(q: Queryable, id: string) {
  const [row] = await q.select().from(recountJobs).where(eq(recountJobs.id, id));
  return row;
}

const stillRunning = (id: string) => and(eq(recountJobs.id, id), eq(recountJobs.status, 'running'));

/**
 * Progress of a running recount: persons checked, and the changes of a batch added to what earlier
 * batches (and earlier attempts) wrote.
 */
export async function progress(
  q: Queryable,
  id: string,
  p: { personsTotal: number; personsDone: number; changedPersons: number; changedRows: number },
) {
  await q
    .update(recountJobs)
    .set({
      personsTotal: p.personsTotal,
      personsDone: p.personsDone,
      changedPersons: sql`${recountJobs.changedPersons} + ${p.changedPersons}`,
      changedRows: sql`${recountJobs.changedRows} + ${p.changedRows}`,
    })
    .where(stillRunning(id));
}

/** Ends a running recount; null when it had ended already (a late or repeated attempt). */
export async function endJob(
  q: Queryable,
  id: string,
  end: { status: 'done' | 'failed'; message: (job: RecountJobRow) => string },
): Promise<RecountJobRow | null> {
  const [job] = await q.select().from(recountJobs).where(stillRunning(id)).for('update');
  if (!job) return null;
  const [row] = await q
    .update(recountJobs)
    .set({
      status: end.status,
      personsDone: end.status === 'done' ? job.personsTotal : job.personsDone,
      message: end.message(job),
      finishedAt: new Date(),
    })
    .where(eq(recountJobs.id, id))
    .returning();
  return row;
}
