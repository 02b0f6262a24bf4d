import { z } from 'zod';
import { SERIES, UNIT_NATURES } from '../dicts';
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '../workflow-states';
import { paged, pageQuery, yearFilter } from './common';
import { ORG_LEVELS, ORG_PROFILE_STATUS_LABELS, type OrgProfileStatus } from './orgs';
import { historyEntry, workflowState, workflowStatus } from './workflow';

/**
 * 施教机构 (training institution): 角色申请, 信息维护 and 专业培训资格 (manual 002 §1.5.2).
 * Request-field labels of this domain (merged into FIELD_LABELS in labels.ts).
 */
export const INSTITUTIONS_FIELD_LABELS: Record<string, string> = {
  parentAuthorityName: '上级行业主管部门名称',
  legalName: '法人姓名',
  legalPhone: '法人联系电话',
  legalEmail: '法人E-Mail',
  contactMobile: '联系人电话',
  contactEmail: '联系人E-Mail',
  institutionAddress: '机构详细地址',
  institutionIntro: '机构基地简介',
  overview: '专业概述',
};

const required = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}字`);
const mobile = (label: string) => required(label, 11).regex(/^1[3-9]\d{9}$/, `${label}应为11位手机号码`);
const email = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(100, `${label}不能超过100字`)
    .pipe(z.email(`${label}格式错误`));

/** The fields 施教机构信息维护 changes without review (the contact-type ones). */
export const institutionContactFields = z.object({
  legalPhone: mobile('法人联系电话'),
  legalEmail: email('法人E-Mail'),
  contactName: required('联系人姓名', 50),
  contactMobile: mobile('联系人电话'),
  contactEmail: email('联系人E-Mail'),
  institutionAddress: required('机构详细地址', 100),
  institutionIntro: required('机构基地简介', 500),
});

/**
 * 施教机构角色申请 保存. 机构名称 and 机构代码 come from the unit account; 机构/基地级别 must agree
 * with the unit's region (县(区)级 needs a unit registered in a county).
 */
export const institutionApplicationRequest = institutionContactFields.extend({
  level: z.enum(ORG_LEVELS, { error: '请选择机构/基地级别' }),
  nature: z.enum(UNIT_NATURES, { error: '请选择性质' }),
  parentAuthorityName: required('上级行业主管部门名称', 100),
  legalName: required('法人姓名', 50),
});
export type InstitutionApplicationRequest = z.infer<typeof institutionApplicationRequest>;

/** 施教机构信息维护 保存: locked fields may come back unchanged; a different value is refused. */
export const institutionProfileUpdateRequest = institutionContactFields.extend({
  unitName: z.string().optional(),
  certNumber: z.string().optional(),
  level: z.string().optional(),
  nature: z.string().optional(),
  parentAuthorityName: z.string().optional(),
  legalName: z.string().optional(),
});
export type InstitutionProfileUpdateRequest = z.infer<typeof institutionProfileUpdateRequest>;

/** The institution's info as 角色申请, 信息维护 and the reviewer's 基本信息 show it. */
export const institutionProfile = z.object({
  status: z.enum(Object.keys(ORG_PROFILE_STATUS_LABELS) as [OrgProfileStatus]),
  unitName: z.string(),
  certType: z.enum(['uscc', 'orgcode']),
  certNumber: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  level: z.enum(ORG_LEVELS).nullable(),
  nature: z.string().nullable(),
  parentAuthorityName: z.string().nullable(),
  legalName: z.string().nullable(),
  legalPhone: z.string().nullable(),
  legalEmail: z.string().nullable(),
  contactName: z.string().nullable(),
  contactMobile: z.string().nullable(),
  contactEmail: z.string().nullable(),
  institutionAddress: z.string().nullable(),
  institutionIntro: z.string().nullable(),
  licence: z
    .object({ id: z.string(), name: z.string(), size: z.number().int(), uploadedAt: z.string() })
    .nullable(),
  updatedAt: z.string().nullable(),
});
export type InstitutionProfile = z.infer<typeof institutionProfile>;

/** 申请培训专业: 专业系列 (one row per series and institution) + 专业概述. */
export const qualificationRequest = z.object({
  series: z.enum(SERIES, { error: '请选择专业系列' }),
  overview: required('专业概述', 500),
});
export type QualificationRequest = z.infer<typeof qualificationRequest>;

/** One 申请培训专业 row, with where its review stands. */
export const qualificationItem = z.object({
  id: z.string(),
  unitName: z.string(),
  certNumber: z.string(),
  series: z.string(),
  overview: z.string(),
  /** 所属行业: the 行业主管部门 of the series that reviews (or reviewed) it */
  industry: z.string().nullable(),
  state: workflowState,
  reviewerUnitName: z.string().nullable(),
  step: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type QualificationItem = z.infer<typeof qualificationItem>;
export const qualificationList = paged(qualificationItem);

export const qualificationDetail = z.object({
  qualification: qualificationItem,
  institution: institutionProfile,
  status: workflowStatus,
  history: z.array(historyEntry),
});
export type QualificationDetail = z.infer<typeof qualificationDetail>;

/** 施教机构专业培训资格审核 search: 培训机构, 专业, 年度 (+ 审核状态, default 待办). */
export const qualificationReviewQuery = pageQuery.extend({
  unitName: z.string().trim().max(100).optional(),
  series: z.string().trim().max(50).optional(),
  year: yearFilter.optional(),
  state: workflowState.optional(),
});
export type QualificationReviewQuery = z.infer<typeof qualificationReviewQuery>;

/** 审核状态 on 施教机构专业培训资格审核, in that page's words (002 §1.5.2). */
export const QUALIFICATION_STATE_LABELS: Record<WorkflowState, string> = {
  ...WORKFLOW_STATE_LABELS,
  rejected: '不同意并结束',
  returned: '不同意并退单',
};

/** The manual's labels of the engine's decisions on this page. */
export const QUALIFICATION_DECISION_LABELS = {
  approve: '同意',
  reject: '不同意并结束',
  return: '不同意并退单',
} as const;
