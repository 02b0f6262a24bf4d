import { checkRecordRules, type FieldError, pickRule, type RecordFacts, type RuleIssue } from '@ce/shared';
import type { Queryable } from '../../core/db';
import { AppError, conflict, fieldError, fieldLabel } from '../../core/errors';
import { beijingToday } from '../../core/time';
import { activeRules } from '../requirements/requirements.repository';
import * as repo from './records.repository';

/** 1 day = N 学时: the number comes with the requirement rule of the year (SPEC §7). */
async function hoursPerDay(q: Queryable, year: number, series: string | null, regionCode: string | null) {
  return pickRule(await activeRules(q), year, series, regionCode).hoursPerDay;
}

function issuesError(issues: RuleIssue[]): AppError {
  const fields: FieldError[] = issues.map((i) => ({
    field: i.field,
    label: fieldLabel(i.field),
    message: i.message,
  }));
  return new AppError('VALIDATION', `${fields[0].label}：${fields[0].message}`, fields);
}

/**
 * The rules of SPEC §6 on a record's facts (400 naming the field). Achievements carry fixed
 * hours that the 参训天数 bound does not apply to.
 */
export async function checkFacts(
  q: Queryable,
  facts: RecordFacts,
  who: { series: string | null; regionCode: string | null },
  opts: { achievement?: boolean } = {},
) {
  const year = Number(facts.endDate.slice(0, 4));
  const perDay = Number.isFinite(year) ? await hoursPerDay(q, year, who.series, who.regionCode) : undefined;
  let issues = checkRecordRules(facts, { today: beijingToday(), hoursPerDay: perDay });
  // an achievement has fixed hours, and its start is its end date: only the end date is the person's
  if (opts.achievement) issues = issues.filter((i) => i.field !== 'declaredHours' && i.field !== 'startDate');
  if (issues.length > 0) throw issuesError(issues);
}

/** 施教机构名称: a registered institution picked from the list, or a name typed when not listed. */
export async function resolveInstitution(
  q: Queryable,
  input: { institutionId?: string | null; institutionName?: string | null },
): Promise<{ institutionId: string | null; institutionName: string }> {
  if (input.institutionId) {
    const inst = await repo.findInstitution(q, input.institutionId);
    if (!inst) throw fieldError('institutionId', '请从列表中选择已登记的施教机构，或直接填写施教机构名称');
    return { institutionId: inst.id, institutionName: inst.name };
  }
  const name = input.institutionName?.trim();
  if (!name) throw fieldError('institutionName', '请选择或填写施教机构名称');
  return { institutionId: null, institutionName: name };
}

/** The same person cannot hold two records of the same course on overlapping dates (SPEC §6). */
export async function checkNoOverlap(
  q: Queryable,
  r: { professionalId: string; courseName: string; startDate: string; endDate: string; exceptId?: string },
) {
  if (await repo.overlappingRecord(q, r)) throw conflict('已存在同一课程且学习时间重叠的记录');
}
