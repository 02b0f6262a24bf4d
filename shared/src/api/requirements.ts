import { z } from 'zod';
import { SERIES, SUBJECT_TYPES } from '../dicts';
import { pageQuery, yearFilter } from './common';
import { workflowState } from './workflow';

/** Request-field labels of this domain (merged into FIELD_LABELS in labels.ts). */
export const REQUIREMENTS_FIELD_LABELS: Record<string, string> = {
  fromYear: '起始年度',
  toYear: '截止年度',
  series: '专业系列',
  regionCode: '适用地区',
  totalHours: '总学时',
  publicHours: '公需课学时',
  professionalHours: '专业课学时',
  electiveHours: '选修课学时',
  hoursPerDay: '每天折算学时',
  note: '备注',
  replacesId: '修改的规则',
};

const hoursField = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .min(0, `${label}不能小于0`)
    .max(1000, `${label}不能超过1000`)
    .refine((n) => Math.round(n * 10) === n * 10, `${label}最多一位小数`);

const yearField = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(1990, `${label}不能早于1990年`)
    .max(2100, `${label}不能晚于2100年`);

/** 年度学时要求设置: a rule for a year range, optionally a series and a region (SPEC §7). */
export const requirementSaveRequest = z
  .object({
    fromYear: yearField('起始年度'),
    /** null: no end */
    toYear: yearField('截止年度').nullable().optional(),
    series: z.enum(SERIES, { error: '请选择正确的专业系列' }).nullable().optional(),
    /** a province, city or county code; null: the whole province */
    regionCode: z
      .string()
      .regex(/^\d{2}(\d{2}){0,2}$/, '请选择正确的地区')
      .nullable()
      .optional(),
    totalHours: hoursField('总学时'),
    publicHours: hoursField('公需课学时'),
    professionalHours: hoursField('专业课学时'),
    electiveHours: hoursField('选修课学时'),
    hoursPerDay: z
      .number({ error: '请填写每天折算学时' })
      .gt(0, '每天折算学时应大于0')
      .max(24, '每天折算学时不能超过24'),
    note: z.string().trim().max(200, '备注不能超过200字').nullable().optional(),
    /** 修改: the rule this one replaces (it is deactivated; the new one is its next version) */
    replacesId: z.uuid('编号格式错误').nullable().optional(),
  })
  .refine((r) => r.toYear == null || r.fromYear <= r.toYear, {
    message: '截止年度不能早于起始年度',
    path: ['toYear'],
  })
  .refine((r) => r.publicHours + r.professionalHours + r.electiveHours <= r.totalHours, {
    message: '公需课、专业课、选修课学时之和不能超过总学时',
    path: ['totalHours'],
  });
export type RequirementSaveRequest = z.infer<typeof requirementSaveRequest>;

/** One rule as the list shows it; the shipped defaults have no id and `isDefault` (系统默认). */
export const requirementRuleDto = z.object({
  id: z.string().nullable(),
  fromYear: z.number().int(),
  toYear: z.number().int().nullable(),
  series: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** 适用地区: 全省 or the region's name */
  regionName: z.string(),
  totalHours: z.number(),
  publicHours: z.number(),
  professionalHours: z.number(),
  electiveHours: z.number(),
  hoursPerDay: z.number(),
  version: z.number().int(),
  active: z.boolean(),
  isDefault: z.boolean(),
  /** the acting HRSS may 修改 it (its region) */
  editable: z.boolean(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type RequirementRuleDto = z.infer<typeof requirementRuleDto>;

export const requirementListQuery = z.object({
  /** '1': include superseded versions (历史版本) */
  history: z.enum(['0', '1']).optional(),
});

export const requirementListResponse = z.object({
  items: z.array(requirementRuleDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** the acting HRSS's region: null for the province (may set any region or none) */
  scopeRegionCode: z.string().nullable(),
  scopeRegionName: z.string(),
});
export type RequirementListResponse = z.infer<typeof requirementListResponse>;

/* ---------------- 年度学时情况 (the person's year explained) ---------------- */

/** 年度学时情况: the year, and the page of its records (the verdict always covers the whole year) */
export const hoursQuery = pageQuery.extend({
  year: yearFilter.optional(),
});

export const categoryVerdictDto = z.object({
  subjectType: z.enum(SUBJECT_TYPES),
  label: z.string(),
  required: z.number(),
  recognised: z.number(),
  courses: z.number().int(),
  missing: z.number(),
});

export const yearVerdictDto = z.object({
  year: z.number().int(),
  rule: z.object({
    fromYear: z.number().int(),
    toYear: z.number().int().nullable(),
    series: z.string().nullable(),
    regionCode: z.string().nullable(),
    totalHours: z.number(),
    publicHours: z.number(),
    professionalHours: z.number(),
    electiveHours: z.number(),
    hoursPerDay: z.number(),
  }),
  /** e.g. 2021年起全省默认要求 / 人社部门设置（工程技术人员，广州市） */
  ruleLabel: z.string(),
  categories: z.array(categoryVerdictDto),
  totalRequired: z.number(),
  totalRecognised: z.number(),
  totalMissing: z.number(),
  passed: z.boolean(),
  explanation: z.array(z.string()),
});
export type YearVerdictDto = z.infer<typeof yearVerdictDto>;

/** One record of the year with its place in the pipeline and why it counts or not. */
export const hoursRecordDto = z.object({
  id: z.string(),
  courseName: z.string(),
  subjectType: z.enum(SUBJECT_TYPES),
  startDate: z.string(),
  endDate: z.string(),
  declaredHours: z.number(),
  recognisedHours: z.number().nullable(),
  assessment: z.enum(['passed', 'failed']),
  state: workflowState,
  /** 草稿 / 待单位审核 / 已认定 / 退回 / 不同意并结案 */
  statusLabel: z.string(),
  /** hours that count toward the year */
  countedHours: z.number(),
  /** 说明: counted N 学时, or why not */
  reason: z.string(),
});
export type HoursRecordDto = z.infer<typeof hoursRecordDto>;

export const yearSummaryDto = z.object({
  year: z.number().int(),
  totalRecognised: z.number(),
  totalRequired: z.number(),
  passed: z.boolean(),
});

export const myHoursResponse = z.object({
  /** false: no 人员基本信息 yet */
  hasProfile: z.boolean(),
  hint: z.string().nullable(),
  name: z.string().nullable(),
  series: z.string().nullable(),
  /** every year with records, and the current year, newest first */
  years: z.array(yearSummaryDto),
  year: z.number().int(),
  verdict: yearVerdictDto.nullable(),
  /** one page of the year's records, newest first */
  records: z.array(hoursRecordDto),
  /** how many records the year has (共 N 条) */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MyHoursResponse = z.infer<typeof myHoursResponse>;

/** 重新统计学时 */
export const recountResponse = z.object({
  persons: z.number().int(),
  /** rows of the kept totals that changed */
  changed: z.number().int(),
  message: z.string(),
});
export type RecountResponse = z.infer<typeof recountResponse>;

export const RECOUNT_JOB_STATUSES = ['running', 'done', 'failed'] as const;
export const RECOUNT_JOB_STATUS_LABELS: Record<(typeof RECOUNT_JOB_STATUSES)[number], string> = {
  running: '统计中',
  done: '已完成',
  failed: '失败',
};

/** 重新统计学时 of an HRSS region (a background job): its progress and result. */
export const recountJob = z.object({
  id: z.uuid(),
  status: z.enum(RECOUNT_JOB_STATUSES),
  /** 全省 or the region's full name */
  regionName: z.string(),
  personsTotal: z.number().int(),
  personsDone: z.number().int(),
  /** persons whose kept totals were rewritten */
  changedPersons: z.number().int(),
  /** rows of the kept totals written or deleted */
  changedRows: z.number().int(),
  /** the result (重新统计完成，N 人学时已更新), or why it failed */
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RecountJob = z.infer<typeof recountJob>;

/** The region the HRSS recounts, and its latest recount (null: never). */
export const recountJobState = z.object({
  regionName: z.string(),
  job: recountJob.nullable(),
});
export type RecountJobState = z.infer<typeof recountJobState>;
