import type { QualificationDetail, QualificationItem } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import { workflowItems } from '../../db/schema';
import { historyOf } from '../workflow/workflow.engine';
import { presentInstitutionProfile } from './institutions.present';
import { listRow, QUALIFICATION, type QualificationListRow } from './qualifications.repository';

/**
 * 所属行业: the 行业主管部门 of the series that reviews it now, else the one that reviewed it last,
 * else (a draft) the one routing would send it to.
 */
export function presentItem(r: QualificationListRow, routedName: string | null = null): QualificationItem {
  return {
    id: r.id,
    unitName: r.unitName,
    certNumber: r.certNumber,
    series: r.series,
    overview: r.overview,
    industry: r.reviewerUnitName ?? r.lastReviewerName ?? routedName,
    state: r.state,
    reviewerUnitName: r.reviewerUnitName,
    step: r.step,
    submittedAt: r.submittedAt,
  };
}

/** The detail: 基本信息 of the institution, the 申请培训专业 row, where it stands and 审批流程. */
export async function presentDetail(
  q: Queryable,
  id: string,
  viewer: { unitId: string | null },
  routedName: string | null = null,
): Promise<QualificationDetail> {
  const row = await listRow(q, id);
  const [item] = await q
    .select()
    .from(workflowItems)
    .where(and(eq(workflowItems.objectType, QUALIFICATION), eq(workflowItems.objectId, id)));
  return {
    qualification: presentItem(row, routedName),
    institution: await presentInstitutionProfile(q, row.unitId),
    status: {
      state: item.state,
      reviewerUnitName: row.reviewerUnitName,
      step: item.step,
      version: item.version,
      canWithdraw:
        item.state === 'submitted' && !item.firstApproverId && item.submitterUnitId === viewer.unitId,
      firstApproved: item.state === 'submitted' && item.firstApproverId !== null,
    },
    history: await historyOf(q, item, row.reviewerUnitName),
  };
}
