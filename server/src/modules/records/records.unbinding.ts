import { and, asc, eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import type { Tx } from '../../core/db';
import { ceRecords, workflowItems } from '../../db/schema';
import { lockItem, returnToSubmitter, type WorkflowActor } from '../workflow/workflow.engine';
import { RECORD } from './records.write';

/** 审核意见 of a record returned because the person left the employer that had it in 待办. */
export const UNBOUND_BY_EMPLOYER = '人员已与本单位解除绑定，记录退回本人';
export const UNBOUND_BY_PERSON = '人员已变更所属单位，记录退回本人';

/**
 * When a person stops being an employer's confirmed staff, the records waiting at that employer
 * (待办) go back to the person as 不同意并退案 (SPEC §4: the old employer loses sight of records it
 * did not approve). The person can send them again once a new employer has confirmed them.
 * Runs in the caller's transaction; each return is written to the history and audited.
 */
export async function returnPendingRecords(
  tx: Tx,
  ctx: RequestContext,
  who: WorkflowActor,
  leaving: { professionalId: string; employerId: string },
  opinion: string,
): Promise<number> {
  const waiting = await tx
    .select({ recordId: ceRecords.id })
    .from(ceRecords)
    .innerJoin(
      workflowItems,
      and(eq(workflowItems.objectType, RECORD), eq(workflowItems.objectId, ceRecords.id)),
    )
    .where(
      and(
        eq(ceRecords.professionalId, leaving.professionalId),
        eq(workflowItems.state, 'submitted'),
        eq(workflowItems.reviewerUnitId, leaving.employerId),
      ),
    )
    .orderBy(asc(ceRecords.id));
  let returned = 0;
  for (const { recordId } of waiting) {
    // locked and checked again: a reviewer may have decided on it since the select
    const item = await lockItem(tx, RECORD, recordId);
    if (item.state !== 'submitted' || item.reviewerUnitId !== leaving.employerId) continue;
    await returnToSubmitter(tx, ctx, who, item, opinion);
    returned += 1;
  }
  return returned;
}
