import { z } from 'zod';
import { paged, pageQuery } from './common';

export const REALNAME_STATUS_LABELS = {
  pending: '待审核',
  approved: '审核通过',
  rejected: '审核不通过',
} as const;
export const realnameStatus = z.enum(['pending', 'approved', 'rejected']);

export const realnameApplyRequest = z.object({
  frontFileId: z.uuid('请上传身份证人像面照片'),
  backFileId: z.uuid('请上传身份证国徽面照片'),
});

export const realnameApplication = z.object({
  id: z.string(),
  accountId: z.string(),
  loginName: z.string(),
  realName: z.string(),
  /** masked in lists, full on the detail page */
  idNumber: z.string(),
  phone: z.string(),
  status: realnameStatus,
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewerName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type RealnameApplication = z.infer<typeof realnameApplication>;

export const myRealnameResponse = z.object({
  level: z.number().int(),
  latest: realnameApplication.nullable(),
});

export const realnameListQuery = pageQuery.extend({
  status: realnameStatus.optional(),
  realName: z.string().trim().optional(),
  idNumber: z.string().trim().optional(),
});
export const realnameListResponse = paged(realnameApplication);
export const realnameDetail = realnameApplication.extend({
  frontFileId: z.string(),
  backFileId: z.string(),
});

export const realnameApproveRequest = z.object({ opinion: z.string().max(200).optional() });
export const realnameRejectRequest = z.object({
  reason: z.string({ error: '请填写不通过原因' }).trim().min(1, '请填写不通过原因').max(200),
});
