import { SUBJECT_TYPE_LABELS, SUBJECT_TYPES, type SubjectType } from '../dicts';

/** One requirement rule (SPEC §7): hours a year, per category, and the hours-per-day conversion. */
export interface RequirementRule {
  fromYear: number;
  toYear: number | null;
  series: string | null;
  regionCode: string | null;
  totalHours: number;
  publicHours: number;
  professionalHours: number;
  electiveHours: number;
  hoursPerDay: number;
}

/** Shipped defaults for 广东省: up to 2020 72 = 18 + 42 + 12; from 2021 90 = 30 + 42 + 18. */
export const DEFAULT_REQUIREMENT_RULES: readonly RequirementRule[] = [
  {
    fromYear: 1990,
    toYear: 2020,
    series: null,
    regionCode: null,
    totalHours: 72,
    publicHours: 18,
    professionalHours: 42,
    electiveHours: 12,
    hoursPerDay: 6,
  },
  {
    fromYear: 2021,
    toYear: null,
    series: null,
    regionCode: null,
    totalHours: 90,
    publicHours: 30,
    professionalHours: 42,
    electiveHours: 18,
    hoursPerDay: 6,
  },
];

/**
 * The rule for a person's year: the most specific active rule that covers the year
 * (series and region > series > region > province-wide), HRSS rules before the defaults.
 * `rules` are the active HRSS rules; among equals the later in the list wins.
 */
export function pickRule(
  rules: readonly RequirementRule[],
  year: number,
  series: string | null,
  regionCode: string | null,
): RequirementRule {
  const covers = (r: RequirementRule) =>
    r.fromYear <= year &&
    (r.toYear === null || year <= r.toYear) &&
    (r.series === null || r.series === series) &&
    (r.regionCode === null || regionCode?.startsWith(r.regionCode) === true);
  // a series beats a region; a longer (more local) region code beats a shorter one
  const score = (r: RequirementRule) =>
    (r.series ? 10 : 0) + (r.regionCode ? 1 + r.regionCode.length / 100 : 0);
  let best: RequirementRule | null = null;
  for (const r of rules) if (covers(r) && (!best || score(r) >= score(best))) best = r;
  if (best) return best;
  return defaultRuleFor(year);
}

/** The shipped default of a year: years before the first default take the first one. */
export function defaultRuleFor(year: number): RequirementRule {
  const first = DEFAULT_REQUIREMENT_RULES[0];
  if (year < first.fromYear) return first;
  const covering = DEFAULT_REQUIREMENT_RULES.find(
    (r) => r.fromYear <= year && (r.toYear === null || year <= r.toYear),
  );
  return covering ?? DEFAULT_REQUIREMENT_RULES[DEFAULT_REQUIREMENT_RULES.length - 1];
}

export type CategoryTotals = Record<SubjectType, { hours: number; courses: number }>;

export interface CategoryVerdict {
  subjectType: SubjectType;
  label: string;
  required: number;
  recognised: number;
  courses: number;
  missing: number;
}

export interface YearVerdict {
  year: number;
  rule: RequirementRule;
  categories: CategoryVerdict[];
  totalRequired: number;
  totalRecognised: number;
  totalMissing: number;
  /** 年度验证: every category meets its requirement and so does the total */
  passed: boolean;
  /** e.g. 公需课还差 12 学时 */
  explanation: string[];
}

export function emptyTotals(): CategoryTotals {
  return {
    public: { hours: 0, courses: 0 },
    professional: { hours: 0, courses: 0 },
    elective: { hours: 0, courses: 0 },
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** 年度验证 (SPEC §7): explains, per category, what is required, recognised and missing. */
export function evaluateYear(year: number, rule: RequirementRule, totals: CategoryTotals): YearVerdict {
  const required: Record<SubjectType, number> = {
    public: rule.publicHours,
    professional: rule.professionalHours,
    elective: rule.electiveHours,
  };
  const categories = SUBJECT_TYPES.map((t) => ({
    subjectType: t,
    label: SUBJECT_TYPE_LABELS[t],
    required: required[t],
    recognised: round1(totals[t].hours),
    courses: totals[t].courses,
    missing: round1(Math.max(0, required[t] - totals[t].hours)),
  }));
  const totalRecognised = round1(categories.reduce((s, c) => s + c.recognised, 0));
  const totalMissing = round1(Math.max(0, rule.totalHours - totalRecognised));
  const explanation = categories.filter((c) => c.missing > 0).map((c) => `${c.label}还差 ${c.missing} 学时`);
  // the total may ask for more than the categories together (e.g. 100 = 30 + 42 + 18 + 10 of any kind)
  const categoriesMissing = round1(categories.reduce((s, c) => s + c.missing, 0));
  if (totalMissing > categoriesMissing) explanation.push(`总学时还差 ${totalMissing} 学时`);
  return {
    year,
    rule,
    categories,
    totalRequired: rule.totalHours,
    totalRecognised,
    totalMissing,
    passed: categories.every((c) => c.missing === 0) && totalMissing === 0,
    explanation,
  };
}

/** The explanation in one sentence, e.g. 公需课还差 12 学时，选修课还差 6 学时. */
export function explanationText(verdict: Pick<YearVerdict, 'explanation'>): string {
  return verdict.explanation.join('，');
}
