import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import { ceRecords, professionals, workflowItems } from '../../db/schema';

/** The person's own records (declared by them) in a workflow state, counted. */
export async function ownRecordsIn(q: Queryable, professionalId: string, state: 'draft' | 'returned') {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(ceRecords)
    .innerJoin(
      workflowItems,
      and(eq(workflowItems.objectType, 'ce_record'), eq(workflowItems.objectId, ceRecords.id)),
    )
    .where(
      and(
        eq(ceRecords.professionalId, professionalId),
        inArray(ceRecords.source, ['person', 'achievement']),
        eq(workflowItems.state, state),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Persons waiting for 专业技术人员信息确认 at the employer. */
export async function pendingStaff(q: Queryable, unitId: string) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(professionals)
    .where(and(eq(professionals.employerId, unitId), eq(professionals.bindingStatus, 'pending')));
  return Number(row?.n ?? 0);
}

/** Records waiting in 继续教育记录认定 at the unit. */
export async function recordsToReview(q: Queryable, unitId: string) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(workflowItems)
    .where(
      and(
        eq(workflowItems.reviewerUnitId, unitId),
        eq(workflowItems.objectType, 'ce_record'),
        eq(workflowItems.state, 'submitted'),
      ),
    );
  return Number(row?.n ?? 0);
}
