import {
  type HoursRecordDto,
  type MyHoursResponse,
  RECORD_PIPELINE_LABELS,
  type RecountResponse,
  type WorkflowState,
} from '@ce/shared';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import { invalidState } from '../../core/errors';
import { personScope } from '../../core/scope';
import { beijingYear } from '../../core/time';
import * as repo from './hours.repository';
import { activeRules } from './requirements.repository';
import { employerScope, ruleSubjectsOf, totalsByYear, verdictFor } from './standing';
import { refreshTotalsOf, totalsOf } from './totals';

export const NO_PROFILE_HINT =
  '您尚未填写人员基本信息，请先到【人员基本信息维护】填写并提交，再申报继续教育记录。';

/** Why a record counts or not (SPEC §7: explain, don't just judge). */
export function recordReason(r: {
  state: WorkflowState;
  assessment: 'passed' | 'failed';
  recognisedHours: number | null;
  opinion: string | null;
}): { counted: number; reason: string } {
  const why = r.opinion ? `（审核意见：${r.opinion}）` : '';
  switch (r.state) {
    case 'draft':
      return { counted: 0, reason: '草稿，尚未确认送审，不计入学时' };
    case 'submitted':
      return { counted: 0, reason: '待单位审核，审核同意后计入学时' };
    case 'returned':
      return { counted: 0, reason: `已退回，请修改后重新确认送审${why}` };
    case 'rejected':
      return { counted: 0, reason: `不同意并结案，不计入学时${why}` };
    case 'approved': {
      if (r.assessment === 'failed') return { counted: 0, reason: '考核结果不合格，不计入学时' };
      const hours = Number(r.recognisedHours ?? 0);
      if (hours <= 0) return { counted: 0, reason: '认定学时为0，不计入学时' };
      return { counted: hours, reason: `已计入 ${hours} 学时` };
    }
  }
}

/** 年度学时情况: each year's verdict, and the chosen year explained record by record. */
export async function myHours(
  s: Services,
  actor: Actor,
  query: { year?: number; page?: number; pageSize?: number },
): Promise<MyHoursResponse> {
  const { personId } = personScope(actor);
  const current = beijingYear();
  const year = query.year ?? current;
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
  const prof = await repo.professionalOfPerson(s.db, personId);
  if (!prof) {
    return {
      hasProfile: false,
      hint: NO_PROFILE_HINT,
      name: null,
      series: null,
      years: [],
      year,
      verdict: null,
      records: [],
      total: 0,
      ...page,
    };
  }
  const [rules, subjects, totals, years, { rows, total }] = await Promise.all([
    activeRules(s.db),
    ruleSubjectsOf(s.db, [prof.id]),
    totalsOf(s.db, prof.id).then(totalsByYear),
    repo.recordYears(s.db, prof.id),
    repo.recordsOfYear(s.db, prof.id, year, page),
  ]);
  const subject = subjects.get(prof.id) ?? { series: prof.series, regionCode: null };
  const allYears = [...new Set([...years, ...totals.keys(), current, year])].sort((a, b) => b - a);
  const summaries = allYears.map((y) => {
    const v = verdictFor(rules, subject, y, totals.get(y));
    return { year: y, totalRecognised: v.totalRecognised, totalRequired: v.totalRequired, passed: v.passed };
  });
  const records: HoursRecordDto[] = rows.map((r) => {
    const { counted, reason } = recordReason(r);
    return {
      id: r.id,
      courseName: r.courseName,
      subjectType: r.subjectType,
      startDate: r.startDate,
      endDate: r.endDate,
      declaredHours: Number(r.declaredHours),
      recognisedHours: r.recognisedHours === null ? null : Number(r.recognisedHours),
      assessment: r.assessment,
      state: r.state,
      statusLabel: RECORD_PIPELINE_LABELS[r.state],
      countedHours: counted,
      reason,
    };
  });
  let hint: string | null = null;
  if (prof.bindingStatus !== 'confirmed') {
    hint = '您的人员信息尚未经所属单位确认，确认后才能申报继续教育记录。';
  }
  return {
    hasProfile: true,
    hint,
    name: prof.name,
    series: prof.series,
    years: summaries,
    year,
    verdict: verdictFor(rules, subject, year, totals.get(year)),
    records,
    total,
    ...page,
  };
}

function recountAnswer(persons: number, changed: number): RecountResponse {
  const message = changed === 0 ? '重新统计完成，学时无变化' : `重新统计完成，${changed} 项学时统计已更新`;
  return { persons, changed, message };
}

/** 重新统计学时 of the person themself. */
export async function recountMine(s: Services, ctx: RequestContext, actor: Actor) {
  const { personId } = personScope(actor);
  return s.db.transaction(async (tx) => {
    const prof = await repo.professionalOfPerson(tx, personId);
    if (!prof) throw invalidState(NO_PROFILE_HINT);
    const { rows: changed } = await refreshTotalsOf(tx, [prof.id]);
    await audit(tx, ctx, {
      action: 'totals.recount',
      objectType: 'professional',
      objectId: prof.id,
      detail: { persons: 1, changed },
    });
    return recountAnswer(1, changed);
  });
}

/** 重新统计学时 of every confirmed staff member of the acting employer. */
export async function recountStaff(s: Services, ctx: RequestContext, actor: Actor) {
  const { unitId } = employerScope(actor);
  return s.db.transaction(async (tx) => {
    const ids = await repo.confirmedStaffIds(tx, unitId);
    const { rows: changed } = await refreshTotalsOf(tx, ids);
    await audit(tx, ctx, {
      action: 'totals.recount',
      objectType: 'employer',
      objectId: unitId,
      detail: { persons: ids.length, changed },
    });
    return recountAnswer(ids.length, changed);
  });
}
