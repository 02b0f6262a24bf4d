import type { queryRecordsQuery, recordCorrectionRequest } from '@ce/shared';
import { recordYear } from '@ce/shared';
import type { z } from 'zod';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import { fieldError, invalidState, notFound } from '../../core/errors';
import { voidUnearnedCertificates } from '../certificates/certificates.service';
import { refreshTotals } from '../requirements/totals';
import { lockItem, noteCorrection, workflowActor } from '../workflow/workflow.engine';
import { listRecords } from './records.list';
import { employerView } from './records.policy';
import { presentDetail, presentListItem } from './records.present';
import * as repo from './records.repository';
import { checkFacts, checkNoOverlap } from './records.rules';
import { CORRECT_STEP, RECORD, recordInScope, updateRecord } from './records.write';

/** 培训信息维护: correct an approved record of the staff, with the reason kept in the 审批流程. */
export async function correctRecord(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof recordCorrectionRequest>,
) {
  const { scope, viewer, unitId } = employerView(actor);
  return s.db.transaction(async (tx) => {
    const row = await recordInScope(tx, scope, id);
    const myStaff = row.p.employerId === unitId && row.p.bindingStatus === 'confirmed';
    if (row.r.employerId !== unitId || !myStaff) throw notFound('本单位专业技术人员的继续教育记录');
    const item = await lockItem(tx, RECORD, id);
    if (item.state !== 'approved') throw invalidState('只有审核通过的记录才能进行培训信息维护');
    const r = row.r;
    const merged = {
      courseName: input.courseName ?? r.courseName,
      subjectType: input.subjectType ?? r.subjectType,
      startDate: input.startDate ?? r.startDate,
      endDate: input.endDate ?? r.endDate,
      days: input.days ?? r.days,
      declaredHours: r.declaredHours,
      assessment: input.assessment ?? r.assessment,
    };
    await checkFacts(
      tx,
      merged,
      { series: row.p.series, regionCode: row.employerRegion },
      { achievement: r.source === 'achievement' },
    );
    let recognised = input.recognisedHours ?? r.recognisedHours ?? 0;
    if (recognised > r.declaredHours) {
      throw fieldError('recognisedHours', `认定学时不能超过拟申报学时（${r.declaredHours}学时）`);
    }
    if (Math.round(recognised * 10) !== recognised * 10)
      throw fieldError('recognisedHours', '认定学时最多一位小数');
    if (merged.assessment === 'failed') recognised = 0;
    await repo.lockProfessional(tx, r.professionalId);
    await checkNoOverlap(tx, { professionalId: r.professionalId, ...merged, exceptId: id });
    const year = recordYear(merged.endDate);
    const after = { ...merged, recognisedHours: recognised, year };
    const before = {
      courseName: r.courseName,
      subjectType: r.subjectType,
      startDate: r.startDate,
      endDate: r.endDate,
      days: r.days,
      declaredHours: r.declaredHours,
      assessment: r.assessment,
      recognisedHours: r.recognisedHours,
      year: r.year,
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    const reviewed =
      input.recognisedHours !== undefined || merged.assessment === 'failed' ? recognised : r.reviewedHours;
    await updateRecord(tx, id, { ...merged, year, recognisedHours: recognised, reviewedHours: reviewed });
    await noteCorrection(tx, workflowActor(actor), item, CORRECT_STEP, input.correctionReason);
    await refreshTotals(tx, r.professionalId, [r.year, year]);
    await voidUnearnedCertificates(tx, ctx, actor, r.professionalId, [r.year, year]);
    await audit(tx, ctx, {
      action: 'record.correct',
      objectType: RECORD,
      objectId: id,
      detail: {
        reason: input.correctionReason,
        before: JSON.stringify(Object.fromEntries(changed.map((k) => [k, before[k]]))),
        after: JSON.stringify(Object.fromEntries(changed.map((k) => [k, after[k]]))),
      },
    });
    return presentDetail(tx, await recordInScope(tx, scope, id), viewer);
  });
}

/** 继续教育培训记录查询 (manual 003 §1.9.2): approved records of the staff. */
export async function queryApproved(
  s: Services,
  actor: Actor,
  query: z.infer<typeof queryRecordsQuery>,
  page = { page: query.page, pageSize: query.pageSize },
) {
  const { scope } = employerView(actor);
  const { items, total } = await listRecords(s.db, scope, { ...query, view: 'query' }, page);
  return { items: items.map((r) => presentListItem(r)), total, page: page.page, pageSize: page.pageSize };
}
