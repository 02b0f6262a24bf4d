import {
  ASSESSMENT_LABELS,
  type Assessment,
  checkIdNumber,
  checkRecordRules,
  type ImportError,
  type RecordFacts,
  type RecordImportHeader,
  type RuleIssue,
  recordYear,
  STUDY_FORMS,
  SUBJECT_TYPE_LABELS,
  type SubjectType,
} from '@ce/shared';
import type { CellValue, RawRow } from './imports.workbook';

/** A checked row, ready to insert. */
export interface ImportRecord extends RecordFacts {
  row: number;
  professionalId: string;
  studyForm: string;
  year: number;
  institutionId: string | null;
  institutionName: string | null;
  location: string | null;
  content: string | null;
  remark: string | null;
}

/** What the checks look up in the database, loaded once per file. */
export interface ImportLookups {
  /** this employer's confirmed staff by 公民身份号码 */
  staff: Map<string, { id: string; name: string; series: string }>;
  /** registered 施教机构 by name */
  institutions: Map<string, string>;
  /** stored records (not 结案) of those staff: professionalId → course → date ranges */
  existing: Map<string, Map<string, { startDate: string; endDate: string }[]>>;
  today: string;
  /** 1 day = N 学时, from the requirement rule of the year and series (SPEC §7) */
  hoursPerDay: (year: number, series: string | null) => number;
}

/** Course names compare without spaces and case, as the records module does. */
export const courseKey = (name: string) => name.replace(/[\s\u3000]+/g, '').toLowerCase();

const RULE_COLUMNS: Record<RuleIssue['field'], RecordImportHeader> = {
  courseName: '课程名称',
  subjectType: '科目类型',
  startDate: '学习开始时间',
  endDate: '学习结束时间',
  days: '参训天数',
  declaredHours: '拟申报学时',
  assessment: '考核结果',
  year: '学习结束时间',
};

const SUBJECT_BY_LABEL = new Map<string, SubjectType>(
  Object.entries(SUBJECT_TYPE_LABELS).map(([code, label]) => [label, code as SubjectType]),
);
const ASSESSMENT_BY_LABEL = new Map<string, Assessment>(
  Object.entries(ASSESSMENT_LABELS).map(([code, label]) => [label, code as Assessment]),
);
const pad = (n: number) => String(n).padStart(2, '0');

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return toDate(v);
  return String(v).trim();
}

function toDate(v: Date): string {
  return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
}

/** A date cell: an Excel date, an Excel serial number, or text like 2025-03-10, 2025/3/10, 20250310. */
export function dateOf(v: CellValue | undefined): string {
  if (v instanceof Date) return toDate(v);
  if (typeof v === 'number') return toDate(new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000));
  const s = text(v);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : s;
}

function numberOf(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return v;
  const s = text(v);
  if (s === '' || !/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

export const overlaps = (
  a: { startDate: string; endDate: string },
  b: { startDate: string; endDate: string },
) => a.startDate <= b.endDate && b.startDate <= a.endDate;

/** The first checked record overlapping one stored for the same person and course. */
export function firstClash(
  records: readonly ImportRecord[],
  stored: Map<string, Map<string, { startDate: string; endDate: string }[]>>,
): ImportRecord | undefined {
  return records.find((r) =>
    stored
      .get(r.professionalId)
      ?.get(courseKey(r.courseName))
      ?.some((x) => overlaps(x, r)),
  );
}

/**
 * Checks every row (SPEC §6 rules, dictionaries, the employer's confirmed staff, overlapping
 * records in the file and in the database). Calls `progress` after each `every` rows.
 */
export async function checkRows(
  rows: readonly RawRow[],
  lookups: ImportLookups,
  progress: (processed: number) => Promise<void>,
  every = 500,
): Promise<{ records: ImportRecord[]; errors: ImportError[] }> {
  const records: ImportRecord[] = [];
  const errors: ImportError[] = [];
  /** professionalId + course → rows already accepted, to find overlaps inside the file */
  const seen = new Map<string, { row: number; startDate: string; endDate: string }[]>();

  for (const [i, raw] of rows.entries()) {
    const rowErrors = new Map<RecordImportHeader, string>();
    const fail = (column: RecordImportHeader, message: string) => {
      if (!rowErrors.has(column)) rowErrors.set(column, message);
    };
    const c = raw.cells;

    const name = text(c.姓名);
    const idRaw = c.公民身份号码;
    const idText = text(idRaw).toUpperCase();
    if (!name) fail('姓名', '请填写姓名');
    let professionalId: string | null = null;
    let series: string | null = null;
    if (!idText) fail('公民身份号码', '请填写公民身份号码');
    else if (typeof idRaw === 'number')
      fail('公民身份号码', '公民身份号码请以文本格式填写（数字格式会丢失末几位）');
    else {
      const id = checkIdNumber(idText);
      if (!id.ok) fail('公民身份号码', id.reason);
      else {
        const person = lookups.staff.get(id.idNumber);
        if (!person) fail('公民身份号码', '该人员不是本单位已确认的专业技术人员');
        else if (name && person.name !== name) fail('姓名', '姓名与公民身份号码不一致');
        else {
          professionalId = person.id;
          series = person.series;
        }
      }
    }

    const courseName = text(c.课程名称);
    if (courseName.length > 100) fail('课程名称', '课程名称不能超过100字');
    const subjectLabel = text(c.科目类型);
    const subjectType = SUBJECT_BY_LABEL.get(subjectLabel);
    if (!subjectType) {
      fail(
        '科目类型',
        subjectLabel ? `科目类型应为${[...SUBJECT_BY_LABEL.keys()].join('、')}之一` : '请选择科目类型',
      );
    }
    const studyForm = text(c.学习形式);
    if (!studyForm) fail('学习形式', '请选择学习形式');
    else if (!(STUDY_FORMS as readonly string[]).includes(studyForm)) {
      fail('学习形式', `学习形式应为${STUDY_FORMS.join('、')}之一`);
    }
    const assessmentLabel = text(c.考核结果);
    const assessment = ASSESSMENT_BY_LABEL.get(assessmentLabel);
    if (!assessment) fail('考核结果', assessmentLabel ? '考核结果应为合格或不合格' : '请选择考核结果');
    const days = numberOf(c.参训天数);
    if (days === null) fail('参训天数', text(c.参训天数) ? '参训天数应为数字' : '请填写参训天数');
    const declaredHours = numberOf(c.拟申报学时);
    if (declaredHours === null) {
      fail('拟申报学时', text(c.拟申报学时) ? '拟申报学时应为数字' : '请填写拟申报学时');
    }
    if (!text(c.学习开始时间)) fail('学习开始时间', '请填写学习开始时间');
    if (!text(c.学习结束时间)) fail('学习结束时间', '请填写学习结束时间');
    const optional = (column: '施教机构名称' | '学习地点' | '学习内容' | '备注') => {
      const v = text(c[column]);
      if (v.length > 100) fail(column, `${column}不能超过100字`);
      return v || null;
    };
    const institutionName = optional('施教机构名称');
    const location = optional('学习地点');
    const content = optional('学习内容');
    const remark = optional('备注');

    const facts: RecordFacts = {
      courseName,
      subjectType: subjectType ?? 'public',
      startDate: dateOf(c.学习开始时间),
      endDate: dateOf(c.学习结束时间),
      days: days ?? Number.NaN,
      declaredHours: declaredHours ?? Number.NaN,
      assessment: assessment ?? 'passed',
    };
    const year = /^\d{4}-/.test(facts.endDate) ? recordYear(facts.endDate) : null;
    const hoursPerDay = year ? lookups.hoursPerDay(year, series) : undefined;
    for (const issue of checkRecordRules(facts, { today: lookups.today, hoursPerDay })) {
      fail(RULE_COLUMNS[issue.field], issue.message);
    }

    if (rowErrors.size === 0 && professionalId) {
      const key = `${professionalId}\u0000${courseKey(courseName)}`;
      const earlier = seen.get(key)?.find((r) => overlaps(r, facts));
      const stored = lookups.existing
        .get(professionalId)
        ?.get(courseKey(courseName))
        ?.some((r) => overlaps(r, facts));
      if (earlier) fail('课程名称', `与第${earlier.row}行为同一人员的同一课程，学习时间重叠`);
      else if (stored) fail('课程名称', '该人员已有同一课程且学习时间重叠的继续教育记录');
      else {
        const list = seen.get(key) ?? [];
        list.push({ row: raw.row, startDate: facts.startDate, endDate: facts.endDate });
        seen.set(key, list);
        records.push({
          ...facts,
          row: raw.row,
          professionalId,
          studyForm,
          year: recordYear(facts.endDate),
          institutionId: institutionName ? (lookups.institutions.get(institutionName) ?? null) : null,
          institutionName,
          location,
          content,
          remark,
        });
      }
    }
    for (const [column, message] of rowErrors) errors.push({ row: raw.row, column, message });
    if ((i + 1) % every === 0) await progress(i + 1);
  }
  await progress(rows.length);
  return { records, errors };
}
