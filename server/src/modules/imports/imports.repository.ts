import { IMPORT_ERRORS_SHOWN, type ImportError, type RequirementRule } from '@ce/shared';
import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import {
  ceRecords,
  importJobs,
  orgRoles,
  persons,
  professionals,
  requirementRules,
  units,
  workflowItems,
} from '../../db/schema';
import { courseKey } from './imports.check';

const LOOKUP_CHUNK = 5000;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function insertJob(
  q: Queryable,
  job: { unitId: string; createdBy: string; fileName: string; totalRows: number; upload: Buffer },
): Promise<string> {
  const [row] = await q
    .insert(importJobs)
    .values({ ...job, status: 'checking' })
    .returning({ id: importJobs.id });
  return row.id;
}

/** A job still checking or importing: a later attempt may run it (again). */
const stillRunning = inArray(importJobs.status, ['checking', 'importing']);

/** Progress of a running job (its status, rows checked). */
export async function updateJob(
  q: Queryable,
  id: string,
  set: Partial<Pick<typeof importJobs.$inferInsert, 'status' | 'processedRows'>>,
) {
  // only while it runs: a late attempt must not reopen a job another attempt has ended
  await q
    .update(importJobs)
    .set(set)
    .where(and(eq(importJobs.id, id), stillRunning));
}

/** What an attempt needs to run the job: its status, unit, file name and uploaded bytes. */
export async function jobToRun(q: Queryable, id: string) {
  const [row] = await q
    .select({
      status: importJobs.status,
      unitId: importJobs.unitId,
      fileName: importJobs.fileName,
      upload: importJobs.upload,
    })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return row ?? null;
}

/** Locks the job row; false when it has ended meanwhile (another attempt finished it). */
export async function lockRunningJob(q: Queryable, id: string): Promise<boolean> {
  const rows = await q
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(and(eq(importJobs.id, id), stillRunning))
    .for('update');
  return rows.length > 0;
}

/**
 * Ends a job still running (done, invalid or failed) and drops its uploaded bytes; false when it
 * had already ended, so a late or repeated attempt changes nothing.
 */
export async function endJob(
  q: Queryable,
  id: string,
  set: Pick<typeof importJobs.$inferInsert, 'status' | 'importedRows' | 'errors' | 'message'>,
): Promise<boolean> {
  const rows = await q
    .update(importJobs)
    .set({ ...set, upload: null, finishedAt: new Date() })
    .where(and(eq(importJobs.id, id), stillRunning))
    .returning({ id: importJobs.id });
  return rows.length > 0;
}

const jobColumns = {
  id: importJobs.id,
  fileName: importJobs.fileName,
  status: importJobs.status,
  totalRows: importJobs.totalRows,
  processedRows: importJobs.processedRows,
  importedRows: importJobs.importedRows,
  errorCount: sql<number>`coalesce(jsonb_array_length(${importJobs.errors}), 0)::int`,
  message: importJobs.message,
  createdAt: importJobs.createdAt,
  finishedAt: importJobs.finishedAt,
};

/** One job of the unit, with its first errors only (a polled answer stays small). */
export async function findJob(q: Queryable, scope: { unitId: string }, jobId: string) {
  const [row] = await q
    .select({
      ...jobColumns,
      errors: sql<
        ImportError[] | null
      >`jsonb_path_query_array(${importJobs.errors}, ${`$[0 to ${IMPORT_ERRORS_SHOWN - 1}]`}::jsonpath)`,
    })
    .from(importJobs)
    .where(and(eq(importJobs.id, jobId), eq(importJobs.unitId, scope.unitId)));
  return row ?? null;
}

/** The full row report of a job of the unit (导出错误报告). */
export async function jobErrors(q: Queryable, scope: { unitId: string }, jobId: string) {
  const [row] = await q
    .select({ errors: importJobs.errors, fileName: importJobs.fileName })
    .from(importJobs)
    .where(and(eq(importJobs.id, jobId), eq(importJobs.unitId, scope.unitId)));
  return row ?? null;
}

export async function listJobs(
  q: Queryable,
  scope: { unitId: string },
  page: { page: number; pageSize: number },
) {
  const where = eq(importJobs.unitId, scope.unitId);
  const items = await q
    .select({ ...jobColumns, createdByName: persons.realName })
    .from(importJobs)
    .leftJoin(persons, eq(persons.accountId, importJobs.createdBy))
    .where(where)
    .orderBy(desc(importJobs.createdAt))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [{ total }] = await q.select({ total: count() }).from(importJobs).where(where);
  return { items, total };
}

/** The active HRSS requirement rules (their hours-per-day bound 拟申报学时). */
export async function activeRules(q: Queryable): Promise<RequirementRule[]> {
  const rows = await q.select().from(requirementRules).where(eq(requirementRules.active, true));
  return rows.map((r) => ({
    fromYear: r.fromYear,
    toYear: r.toYear,
    series: r.series,
    regionCode: r.regionCode,
    totalHours: r.totalHours,
    publicHours: r.publicHours,
    professionalHours: r.professionalHours,
    electiveHours: r.electiveHours,
    hoursPerDay: r.hoursPerDay,
  }));
}

export async function unitRegion(q: Queryable, unitId: string): Promise<string | null> {
  const [u] = await q.select({ regionCode: units.regionCode }).from(units).where(eq(units.accountId, unitId));
  return u?.regionCode ?? null;
}

/** The unit's confirmed staff among these ID numbers (专业技术人员信息确认 是). */
export async function confirmedStaff(q: Queryable, scope: { unitId: string }, idNumbers: readonly string[]) {
  const staff = new Map<string, { id: string; name: string; series: string }>();
  for (const chunk of chunks([...new Set(idNumbers)], LOOKUP_CHUNK)) {
    const rows = await q
      .select({
        id: professionals.id,
        idNumber: professionals.idNumber,
        name: professionals.name,
        series: professionals.series,
      })
      .from(professionals)
      .where(
        and(
          inArray(professionals.idNumber, chunk),
          eq(professionals.employerId, scope.unitId),
          eq(professionals.bindingStatus, 'confirmed'),
        ),
      );
    for (const r of rows) staff.set(r.idNumber, { id: r.id, name: r.name, series: r.series });
  }
  return staff;
}

/**
 * Locks the persons of the checked rows and returns those still confirmed staff of the unit: the
 * insert transaction checks again, as a binding may have ended since the rows were checked.
 */
export async function lockConfirmedStaff(
  q: Queryable,
  scope: { unitId: string },
  professionalIds: readonly string[],
): Promise<Set<string>> {
  const still = new Set<string>();
  for (const chunk of chunks([...new Set(professionalIds)].sort(), LOOKUP_CHUNK)) {
    const rows = await q
      .select({ id: professionals.id })
      .from(professionals)
      .where(
        and(
          inArray(professionals.id, chunk),
          eq(professionals.employerId, scope.unitId),
          eq(professionals.bindingStatus, 'confirmed'),
        ),
      )
      .orderBy(asc(professionals.id))
      .for('update');
    for (const r of rows) still.add(r.id);
  }
  return still;
}

/** Registered 施教机构 by name, so an imported record links the institution when the name matches. */
export async function institutionsNamed(q: Queryable, names: readonly string[]) {
  const found = new Map<string, string>();
  for (const chunk of chunks([...new Set(names)], LOOKUP_CHUNK)) {
    const rows = await q
      .select({ id: units.accountId, name: units.name })
      .from(units)
      .innerJoin(orgRoles, eq(orgRoles.unitId, units.accountId))
      .where(
        and(inArray(units.name, chunk), eq(orgRoles.role, 'institution'), eq(orgRoles.status, 'active')),
      );
    for (const r of rows) found.set(r.name, r.id);
  }
  return found;
}

/** Stored records of these persons that still stand (all but 不同意并结案), by person and course. */
export async function standingRecords(q: Queryable, professionalIds: readonly string[]) {
  const byPerson = new Map<string, Map<string, { startDate: string; endDate: string }[]>>();
  for (const chunk of chunks([...new Set(professionalIds)], LOOKUP_CHUNK)) {
    const rows = await q
      .select({
        professionalId: ceRecords.professionalId,
        courseName: ceRecords.courseName,
        startDate: ceRecords.startDate,
        endDate: ceRecords.endDate,
      })
      .from(ceRecords)
      .innerJoin(
        workflowItems,
        and(eq(workflowItems.objectType, 'ce_record'), eq(workflowItems.objectId, ceRecords.id)),
      )
      .where(and(inArray(ceRecords.professionalId, chunk), ne(workflowItems.state, 'rejected')));
    for (const r of rows) {
      const courses = byPerson.get(r.professionalId) ?? new Map();
      const key = courseKey(r.courseName);
      const list = courses.get(key) ?? [];
      list.push({ startDate: r.startDate, endDate: r.endDate });
      courses.set(key, list);
      byPerson.set(r.professionalId, courses);
    }
  }
  return byPerson;
}
