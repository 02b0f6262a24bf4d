import { z } from 'zod';
import {
  ACHIEVEMENT_KIND_LABELS,
  ASSESSMENT_LABELS,
  RECORD_SOURCE_LABELS,
  STUDY_FORMS,
  SUBJECT_TYPES,
} from '../dicts';
import { paged, pageQuery, yearFilter } from './common';
import { historyEntry, reviewDecision, workflowState, workflowStatus } from './workflow';

/** Request-field labels of this domain (merged into FIELD_LABELS in labels.ts). */
export const RECORDS_FIELD_LABELS: Record<string, string> = {
  courseName: '课程名称',
  subjectType: '科目类型',
  studyForm: '学习形式',
  startDate: '学习开始时间',
  endDate: '学习结束时间',
  days: '参训天数',
  declaredHours: '拟申报学时',
  assessment: '考核结果',
  reviewedHours: '审核学时',
  recognisedHours: '认定学时',
  institutionId: '施教机构名称',
  institutionName: '施教机构名称',
  year: '申报年度',
  location: '学习地点',
  content: '学习内容',
  remark: '备注',
  professionalId: '专业技术人员',
  achievementKind: '成果类型',
  achievementRole: '作者排名',
  fileId: '附件',
  name: '姓名',
  correctionReason: '修改原因',
};

export const subjectType = z.enum(SUBJECT_TYPES, { error: '请选择科目类型' });
export const assessment = z.enum(Object.keys(ASSESSMENT_LABELS) as ['passed', 'failed'], {
  error: '请选择考核结果',
});
export const recordSource = z.enum(Object.keys(RECORD_SOURCE_LABELS) as [keyof typeof RECORD_SOURCE_LABELS]);
export const achievementKind = z.enum(
  Object.keys(ACHIEVEMENT_KIND_LABELS) as ['patent', 'monograph', 'project', 'paper'],
  {
    error: '请选择成果类型',
  },
);
export const achievementRole = z.enum(['main', 'other'], { error: '请选择作者排名' });

const dateString = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`);
const text100 = z.string().trim().max(100, '不能超过100字');

/**
 * The fields a person or an employer fills in (继续教育培训记录申报填写). 申报年度 is not sent: it is
 * the year of 学习结束时间. 施教机构名称: a registered institution's id, or the typed name.
 */
export const recordInput = z.object({
  courseName: z.string({ error: '请填写课程名称' }).trim().min(1, '请填写课程名称').max(100, '不能超过100字'),
  subjectType,
  studyForm: z.enum(STUDY_FORMS, { error: `请选择学习形式（${STUDY_FORMS.join('、')}）` }),
  startDate: dateString('学习开始时间'),
  endDate: dateString('学习结束时间'),
  days: z.number({ error: '请填写参训天数' }),
  declaredHours: z.number({ error: '请填写拟申报学时' }),
  assessment,
  institutionId: z.uuid('施教机构编号格式错误').nullable().optional(),
  institutionName: text100.nullable().optional(),
  location: text100.nullable().optional(),
  content: text100.nullable().optional(),
  remark: text100.nullable().optional(),
});
export type RecordInput = z.infer<typeof recordInput>;

/** 继续教育记录申报 by the employer: the same fields for one of its confirmed staff. */
export const employerRecordInput = recordInput.extend({ professionalId: z.uuid('请选择专业技术人员') });

/** Achievements (SPEC §6): 28 学时 of 专业课 for the main author, 14 for others. */
export const achievementInput = z.object({
  achievementKind,
  achievementRole,
  /** 成果名称 (shown as 课程名称) */
  courseName: z.string({ error: '请填写成果名称' }).trim().min(1, '请填写成果名称').max(100, '不能超过100字'),
  /** 取得时间 (授权 / 出版 / 结题 / 发表日期) */
  endDate: dateString('取得时间'),
  remark: text100.nullable().optional(),
});

/** One row of a record list (继续教育记录, 继续教育记录认定, 继续教育记录申报). ID masked. */
export const recordListItem = z.object({
  id: z.string(),
  name: z.string(),
  idNumber: z.string(),
  subjectType,
  courseName: z.string(),
  studyForm: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  year: z.number().int(),
  declaredHours: z.number(),
  reviewedHours: z.number().nullable(),
  recognisedHours: z.number().nullable(),
  assessment,
  institutionName: z.string().nullable(),
  source: recordSource,
  /** 审核部门 and 审核环节 (the employer and step waiting, or the last) */
  reviewerUnitName: z.string().nullable(),
  step: z.string().nullable(),
  /** 审核状态 */
  state: workflowState,
  employerName: z.string().nullable(),
});
export type RecordListItem = z.infer<typeof recordListItem>;
export const recordList = paged(recordListItem);

export const recordAttachment = z.object({
  id: z.string(),
  fileId: z.string(),
  /** 附件名称 */
  name: z.string(),
  /** 附件类型 (PDF/JPG/PNG) */
  type: z.string(),
  /** 附件大小(kb) */
  sizeKb: z.number(),
  uploadedAt: z.string(),
  /** 经办人 */
  uploadedByName: z.string(),
});

/** 继续教育培训记录申报查看: the record, its 附件材料, 审批流程 and what the viewer may do. */
export const recordDetail = recordListItem.extend({
  /** the professional the record belongs to */
  professionalId: z.string(),
  sex: z.string(),
  /** 所属地区, 主管部门, 工作单位, 行业序列 (from the person's profile and employer) */
  regionName: z.string().nullable(),
  authorityName: z.string().nullable(),
  employerName: z.string().nullable(),
  series: z.string().nullable(),
  days: z.number(),
  institutionId: z.string().nullable(),
  location: z.string().nullable(),
  content: z.string().nullable(),
  remark: z.string().nullable(),
  achievementKind: achievementKind.nullable(),
  achievementRole: achievementRole.nullable(),
  attachments: z.array(recordAttachment),
  history: z.array(historyEntry),
  workflow: workflowStatus,
  /** why the record counts or not (SPEC §7: explain, don't just judge) */
  countsNote: z.string(),
  can: z.object({
    edit: z.boolean(),
    delete: z.boolean(),
    attach: z.boolean(),
    submit: z.boolean(),
    withdraw: z.boolean(),
    confirm: z.boolean(),
    review: z.boolean(),
    correct: z.boolean(),
  }),
});
export type RecordDetail = z.infer<typeof recordDetail>;

export const attachRequest = z.object({
  fileId: z.uuid('请先选择文件上传'),
  name: z.string({ error: '请填写附件名称' }).trim().min(1, '请填写附件名称').max(100, '不能超过100字'),
});
export const attachmentParams = z.object({
  id: z.uuid('编号格式错误'),
  attachmentId: z.uuid('编号格式错误'),
});

/** 审核 of a record: 同意 needs 认定学时 (≤ 拟申报学时); the others an opinion. */
export const recordReviewRequest = z
  .object({
    decision: reviewDecision,
    opinion: z.string().trim().max(200, '审核意见不能超过200字').optional(),
    recognisedHours: z.number().min(0, '认定学时不能小于0').optional(),
    version: z.number().int().optional(),
  })
  .refine((r) => r.decision === 'approve' || (r.opinion ?? '').length > 0, {
    message: '不同意时请填写审核意见',
    path: ['opinion'],
  })
  .refine((r) => r.decision !== 'approve' || r.recognisedHours !== undefined, {
    message: '请填写认定学时',
    path: ['recognisedHours'],
  });

/** 培训信息维护: correct an approved record; the reason goes into the 审批流程. */
export const recordCorrectionRequest = z.object({
  courseName: recordInput.shape.courseName.optional(),
  subjectType: subjectType.optional(),
  startDate: dateString('学习开始时间').optional(),
  endDate: dateString('学习结束时间').optional(),
  days: z.number().optional(),
  assessment: assessment.optional(),
  recognisedHours: z.number().min(0, '认定学时不能小于0').optional(),
  correctionReason: z
    .string({ error: '请填写修改原因' })
    .trim()
    .min(1, '请填写修改原因')
    .max(200, '不能超过200字'),
});

/** 继续教育记录 (person): by 审核状态, 年度, 科目类型, 课程名称 */
export const myRecordsQuery = pageQuery.extend({
  state: workflowState.optional(),
  year: yearFilter.optional(),
  subjectType: subjectType.optional(),
  courseName: z.string().trim().optional(),
});

/** 继续教育记录认定 (manual 003 §1.6.3): 课程类型, 课程名称, 姓名, 公民身份号码, 年度 (+ 审核状态). */
export const reviewRecordsQuery = pageQuery.extend({
  subjectType: subjectType.optional(),
  courseName: z.string().trim().optional(),
  name: z.string().trim().optional(),
  idNumber: z.string().trim().optional(),
  year: yearFilter.optional(),
  /** default: 待办 (submitted) */
  state: workflowState.optional(),
});

/** 继续教育记录申报 (manual 003 §1.6.1): 课程名称, 课程类型, 学习形式, 认定结果, 年度. */
export const declaredRecordsQuery = pageQuery.extend({
  courseName: z.string().trim().optional(),
  subjectType: subjectType.optional(),
  studyForm: z.string().trim().optional(),
  state: workflowState.optional(),
  year: yearFilter.optional(),
});

/** 继续教育培训记录查询 (manual 003 §1.9.2): approved records of the staff. */
export const queryRecordsQuery = pageQuery.extend({
  name: z.string().trim().optional(),
  courseName: z.string().trim().optional(),
  subjectType: subjectType.optional(),
  institutionName: z.string().trim().optional(),
  year: yearFilter.optional(),
});

/** 施教机构名称 picker: registered institutions by name. */
export const institutionQuery = z.object({ name: z.string().trim().optional() });
export const institutionList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

/**
 * 继续教育记录查询 of an authority (002 §1.7.1, MANUAL-MAP §3 B16): 姓名, 公民身份号码, 课程名称,
 * 科目类型, 年度; 专业系列 is the authority's own (the answer names it).
 */
export const authorityRecordsQuery = pageQuery.extend({
  name: z.string().trim().max(50).optional(),
  idNumber: z.string().trim().max(18).optional(),
  courseName: z.string().trim().max(100).optional(),
  subjectType: subjectType.optional(),
  year: yearFilter.optional(),
});
export type AuthorityRecordsQuery = z.infer<typeof authorityRecordsQuery>;
export const authorityRecordList = recordList.extend({
  /** 专业系列: the authority's own, fixed in the search form */
  series: z.string(),
});
export type AuthorityRecordList = z.infer<typeof authorityRecordList>;
