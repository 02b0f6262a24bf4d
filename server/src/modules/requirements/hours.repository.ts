import type { WorkflowState } from '@ce/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import { ceRecords, professionals, workflowItems } from '../../db/schema';

/** The person's professional row (人员基本信息), if any. */
export async function professionalOfPerson(q: Queryable, personId: string) {
  const [row] = await q.select().from(professionals).where(eq(professionals.personId, personId));
  return row;
}

/** Years in which the person has any record. */
export async function recordYears(q: Queryable, professionalId: string): Promise<number[]> {
  const rows = await q
    .selectDistinct({ year: ceRecords.year })
    .from(ceRecords)
    .where(eq(ceRecords.professionalId, professionalId));
  return rows.map((r) => Number(r.year));
}

/**
 * One page of a year's records with their workflow state and the last opinion given on them, and
 * how many the year has (`count(*) over ()`; a page past the end counts alone).
 */
export async function recordsOfYear(
  q: Queryable,
  professionalId: string,
  year: number,
  page: { page: number; pageSize: number },
) {
  const where = and(eq(ceRecords.professionalId, professionalId), eq(ceRecords.year, year));
  const rows = await q
    .select({
      id: ceRecords.id,
      courseName: ceRecords.courseName,
      subjectType: ceRecords.subjectType,
      startDate: ceRecords.startDate,
      endDate: ceRecords.endDate,
      declaredHours: ceRecords.declaredHours,
      recognisedHours: ceRecords.recognisedHours,
      assessment: ceRecords.assessment,
      state: workflowItems.state,
      opinion: sql<string | null>`(
        select h.opinion from workflow_history h
        where h.item_id = ${workflowItems.id} and h.opinion is not null and h.opinion <> ''
        order by h.seq desc limit 1)`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(ceRecords)
    .leftJoin(
      workflowItems,
      and(eq(workflowItems.objectType, 'ce_record'), eq(workflowItems.objectId, ceRecords.id)),
    )
    .where(where)
    .orderBy(desc(ceRecords.endDate), desc(ceRecords.createdAt), desc(ceRecords.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page.page > 1) {
    const [counted] = await q.select({ n: sql<number>`count(*)::int` }).from(ceRecords).where(where);
    total = Number(counted?.n ?? 0);
  }
  return {
    total,
    rows: rows.map(({ total: _, ...r }) => ({ ...r, state: (r.state ?? 'draft') as WorkflowState })),
  };
}

/** Confirmed staff of an employer (SPEC §13: an employer sees its confirmed staff). */
export async function confirmedStaffIds(q: Queryable, unitId: string): Promise<string[]> {
  const rows = await q
    .select({ id: professionals.id })
    .from(professionals)
    .where(and(eq(professionals.employerId, unitId), eq(professionals.bindingStatus, 'confirmed')));
  return rows.map((r) => r.id);
}
