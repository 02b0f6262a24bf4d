import { SUBJECT_TYPES, type SubjectType } from '../dicts';

/** SPEC §6: 1 day = 6 学时 (the rule version carries the number), 1 学时 = 45 minutes. */
export const DEFAULT_HOURS_PER_DAY = 6;

export interface RecordFacts {
  courseName: string;
  subjectType: SubjectType;
  startDate: string;
  endDate: string;
  days: number;
  declaredHours: number;
  assessment: 'passed' | 'failed';
}

export interface RuleIssue {
  field: keyof RecordFacts | 'year';
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What a record can hold (days numeric(5,1), hours numeric(6,1), no year 0): beyond it, a 400. */
export const RECORD_LIMITS = { earliestDate: '1900-01-01', maxDays: 9999.5, maxHours: 99999.9 } as const;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Calendar days from start to end, both included. */
export function spanDays(startDate: string, endDate: string): number {
  const ms = Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** 申报年度 is the year of the end date (SPEC §6). */
export function recordYear(endDate: string): number {
  return Number(endDate.slice(0, 4));
}

/** Hours that count once recognised: a failed assessment gets none (SPEC §6). */
export function countedHours(r: { assessment: 'passed' | 'failed'; recognisedHours: number | null }): number {
  return r.assessment === 'failed' ? 0 : (r.recognisedHours ?? 0);
}

/**
 * The rules of SPEC §6 a single record must satisfy, whoever declares it.
 * `today` is the Beijing date (YYYY-MM-DD); study cannot end in the future.
 */
export function checkRecordRules(r: RecordFacts, opts: { hoursPerDay?: number; today: string }): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const perDay = opts.hoursPerDay ?? DEFAULT_HOURS_PER_DAY;
  if (!r.courseName.trim()) issues.push({ field: 'courseName', message: '请填写课程名称' });
  if (!SUBJECT_TYPES.includes(r.subjectType))
    issues.push({ field: 'subjectType', message: '请选择科目类型' });
  const dateOk = (field: 'startDate' | 'endDate', label: string) => {
    if (!validDate(r[field])) {
      issues.push({ field, message: `请填写正确的${label}` });
      return false;
    }
    if (r[field] < RECORD_LIMITS.earliestDate) {
      issues.push({ field, message: `${label}不能早于1900年` });
      return false;
    }
    return true;
  };
  const startOk = dateOk('startDate', '学习开始时间');
  const endOk = dateOk('endDate', '学习结束时间');
  if (startOk && endOk && r.endDate < r.startDate) {
    issues.push({ field: 'endDate', message: '学习结束时间不能早于学习开始时间' });
  }
  if (endOk && r.endDate > opts.today) issues.push({ field: 'endDate', message: '学习结束时间不能晚于今天' });
  if (!(r.days > 0) || Math.round(r.days * 2) !== r.days * 2) {
    issues.push({ field: 'days', message: '参训天数应为大于0的数，最小单位0.5天' });
  } else if (r.days > RECORD_LIMITS.maxDays) {
    issues.push({ field: 'days', message: `参训天数不能超过${RECORD_LIMITS.maxDays}天` });
  } else if (startOk && endOk && r.endDate >= r.startDate && r.days > spanDays(r.startDate, r.endDate)) {
    issues.push({
      field: 'days',
      message: `参训天数不能超过学习起止日期之间的天数（${spanDays(r.startDate, r.endDate)}天）`,
    });
  }
  if (!(r.declaredHours > 0) || Math.round(r.declaredHours * 10) !== r.declaredHours * 10) {
    issues.push({ field: 'declaredHours', message: '拟申报学时应为大于0的数，最多一位小数' });
  } else if (r.declaredHours > RECORD_LIMITS.maxHours) {
    issues.push({ field: 'declaredHours', message: `拟申报学时不能超过${RECORD_LIMITS.maxHours}学时` });
  } else if (r.days > 0 && r.declaredHours > r.days * perDay) {
    issues.push({
      field: 'declaredHours',
      message: `拟申报学时不能超过参训天数×${perDay}（${r.days * perDay}学时）`,
    });
  }
  return issues;
}
