import {
  type CategoryTotals,
  DEFAULT_REQUIREMENT_RULES,
  emptyTotals,
  evaluateYear,
  pickRule,
  type RequirementRule,
  type YearVerdictDto,
} from '@ce/shared';
import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import type { Queryable } from '../../core/db';
import { forbidden } from '../../core/errors';
import { professionals, units } from '../../db/schema';
import { regionFullName } from '../regions/regions';
import type { TotalsRow } from './totals';

/**
 * A person's standing against the requirements (SPEC §7): which rule applies to them in a year,
 * and the 年度验证 verdict from their kept totals. Shared by 年度学时情况, 证书打印 and 待办.
 */

/** 适用地区 as lists show it: 全省 or the region's full name. */
export function regionLabel(code: string | null): string {
  if (!code) return '全省';
  return regionFullName(code) || code;
}

/** The acting unit's id when it holds the employer role (法人单位). */
export function employerScope(actor: Actor): { unitId: string } {
  const unit = actor.actingUnit;
  if (!unit?.roles.some((r) => r.role === 'employer')) throw forbidden('仅法人单位可使用此功能');
  return { unitId: unit.id };
}

/** What picks a person's rule: 专业系列 and the region of their employer. */
export interface RuleSubject {
  series: string | null;
  regionCode: string | null;
}

/** Series and employer region of many professionals at once. */
export async function ruleSubjectsOf(q: Queryable, ids: readonly string[]) {
  const map = new Map<string, RuleSubject>();
  if (ids.length === 0) return map;
  const rows = await q
    .select({ id: professionals.id, series: professionals.series, regionCode: units.regionCode })
    .from(professionals)
    .leftJoin(units, eq(units.accountId, professionals.employerId))
    .where(inArray(professionals.id, [...new Set(ids)]));
  for (const r of rows) map.set(r.id, { series: r.series, regionCode: r.regionCode ?? null });
  return map;
}

/** Kept totals grouped by year. */
export function totalsByYear(rows: readonly TotalsRow[]): Map<number, CategoryTotals> {
  const map = new Map<number, CategoryTotals>();
  for (const r of rows) {
    const t = map.get(r.year) ?? emptyTotals();
    t[r.subjectType] = { hours: Number(r.hours), courses: Number(r.courses) };
    map.set(r.year, t);
  }
  return map;
}

function yearsText(r: RequirementRule): string {
  if (r.toYear === null) return `${r.fromYear}年起`;
  if (r.toYear === r.fromYear) return `${r.fromYear}年`;
  return `${r.fromYear}—${r.toYear}年`;
}

/** Where the rule comes from, e.g. 系统默认（2021年起） / 人社部门设置（2024年起，工程技术人员，广东省广州市）. */
export function ruleLabel(rule: RequirementRule): string {
  if (DEFAULT_REQUIREMENT_RULES.includes(rule)) return `系统默认（${yearsText(rule)}）`;
  const parts = [yearsText(rule), rule.series ?? '全部专业系列', regionLabel(rule.regionCode)];
  return `人社部门设置（${parts.join('，')}）`;
}

/** 年度验证 of one person and year, with the rule that applied. */
export function verdictFor(
  rules: readonly RequirementRule[],
  subject: RuleSubject,
  year: number,
  totals: CategoryTotals | undefined,
): YearVerdictDto {
  const rule = pickRule(rules, year, subject.series, subject.regionCode);
  const v = evaluateYear(year, rule, totals ?? emptyTotals());
  return { ...v, rule: { ...rule }, ruleLabel: ruleLabel(rule) };
}
