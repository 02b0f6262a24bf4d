import { z } from 'zod';
import { SERIES, UNIT_NATURES } from '../dicts';
import { paged, pageQuery, yearFilter } from './common';
import { ORG_LEVELS, ORG_PROFILE_STATUS_LABELS, type OrgProfileStatus, orgContactFields } from './orgs';
import { historyEntry, workflowState, workflowStatus } from './workflow';

/**
 * Request-field labels of this domain (merged into FIELD_LABELS in labels.ts). `series` keeps the
 * shared label 专业系列 (the same concept as 002's 专业序列): labels are global, one per field.
 */
export const AUTHORITIES_FIELD_LABELS: Record<string, string> = {
  parentUnitName: '上级行业主管部门',
};

/** 行业主管角色申请's status as its page shows it (the workflow's words, not the employer's 确认). */
export const AUTHORITY_STATUS_LABELS: Record<OrgProfileStatus, string> = {
  ...ORG_PROFILE_STATUS_LABELS,
  draft: '已保存（未送审）',
  submitted: '已送审，待审核',
  approved: '审核通过',
  returned: '不同意并退案（可修改后重新送审）',
  rejected: '不同意并结案',
};

/**
 * 行业主管角色申请 保存 (002 §1.2.1). 单位名称, 代码类型, 单位代码 and 行政区划 come from the unit
 * account; 隶属关系 must agree with the unit's region (县(区)级 needs a county).
 */
export const authorityApplicationRequest = orgContactFields.extend({
  nature: z.enum(UNIT_NATURES, { error: '请选择单位性质' }),
  level: z.enum(ORG_LEVELS, { error: '请选择隶属关系' }),
  series: z.enum(SERIES, { error: '请选择专业序列' }),
});
export type AuthorityApplicationRequest = z.infer<typeof authorityApplicationRequest>;

/**
 * 行业主管部门信息维护 保存 (002 §1.2.2): only the contact fields change; the others may be sent
 * back unchanged, a different value is refused naming the field.
 */
export const authorityProfileUpdateRequest = orgContactFields.extend({
  unitName: z.string().optional(),
  certType: z.string().optional(),
  certNumber: z.string().optional(),
  nature: z.string().optional(),
  level: z.string().optional(),
  series: z.string().optional(),
  regionCode: z.string().optional(),
});
export type AuthorityProfileUpdateRequest = z.infer<typeof authorityProfileUpdateRequest>;

/** An attachment row (序号 / 附件名称 / 附件类型 / 附件大小(kb) / 上传时间 / 经办人). */
export const orgAttachment = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploaderName: z.string().nullable(),
});

/** The authority's info as the application, 信息维护, review and 查询 pages show it. */
export const authorityInfo = z.object({
  id: z.string().nullable(),
  status: z.enum(Object.keys(ORG_PROFILE_STATUS_LABELS) as [OrgProfileStatus]),
  unitName: z.string(),
  certType: z.enum(['uscc', 'orgcode']),
  certNumber: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  nature: z.string().nullable(),
  level: z.enum(ORG_LEVELS).nullable(),
  series: z.string().nullable(),
  contactName: z.string().nullable(),
  officePhone: z.string().nullable(),
  mobilePhone: z.string().nullable(),
  email: z.string().nullable(),
  postalCode: z.string().nullable(),
  unitAddress: z.string().nullable(),
  description: z.string().nullable(),
  /** 上级行业主管部门 (an approved authority's parent; null when the HRSS approved it) */
  parentUnitName: z.string().nullable(),
  /** 人社业务主管部门 */
  hrssUnitName: z.string().nullable(),
  licence: orgAttachment.nullable(),
  updatedAt: z.string().nullable(),
});
export type AuthorityInfo = z.infer<typeof authorityInfo>;

/** 行业主管角色申请: the info, where it goes, and its 审批流程. */
export const authorityApplication = authorityInfo.extend({
  /** 保存 / 上传 allowed (none, draft, returned) */
  editable: z.boolean(),
  /** the reviewer a 送审 now would reach (null: none yet) */
  reviewerName: z.string().nullable(),
  /** the parent that must approve first but has not registered (null: none missing) */
  missingParent: z.string().nullable(),
  workflow: workflowStatus.nullable(),
  history: z.array(historyEntry),
});
export type AuthorityApplication = z.infer<typeof authorityApplication>;

export const attachAuthorityLicenceRequest = z.object({
  licenceFileId: z.uuid('请先上传统一社会信用代码证'),
});

/** 行业主管角色审核 / 下级行业主管部门信息审核: search 单位, 审核状态 (default 待办), 年度. */
export const authorityReviewQuery = pageQuery.extend({
  unitName: z.string().trim().max(100).optional(),
  state: workflowState.optional(),
  year: yearFilter.optional(),
});

export const authorityReviewItem = z.object({
  id: z.string(),
  unitName: z.string(),
  certNumber: z.string(),
  contactName: z.string(),
  /** 联系电话 (masked) */
  phone: z.string(),
  series: z.string().nullable(),
  level: z.enum(ORG_LEVELS),
  reviewerUnitName: z.string().nullable(),
  step: z.string().nullable(),
  state: workflowState,
  submittedAt: z.string().nullable(),
});
export type AuthorityReviewItem = z.infer<typeof authorityReviewItem>;
export const authorityReviewList = paged(authorityReviewItem);

export const authorityReviewDetail = authorityInfo.extend({
  workflow: workflowStatus,
  history: z.array(historyEntry),
  /** this org may decide now */
  canReview: z.boolean(),
});
export type AuthorityReviewDetail = z.infer<typeof authorityReviewDetail>;

/** 行业主管查询 (002 §1.7.4): search 行业主管(组织)名称. */
export const authorityQueryQuery = pageQuery.extend({
  name: z.string().trim().max(100).optional(),
});

export const authorityQueryItem = z.object({
  id: z.string(),
  /** 所属行政区域 */
  regionName: z.string(),
  unitName: z.string(),
  series: z.string(),
  level: z.enum(ORG_LEVELS),
  contactName: z.string(),
  /** 联系电话 (masked) */
  phone: z.string(),
  /** 详细地址 */
  unitAddress: z.string(),
});
export type AuthorityQueryItem = z.infer<typeof authorityQueryItem>;
export const authorityQueryList = paged(authorityQueryItem);
