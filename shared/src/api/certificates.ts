import { z } from 'zod';
import { pageQuery, yearFilter } from './common';

/** Request-field labels of this domain (merged into FIELD_LABELS in labels.ts). */
export const CERTIFICATES_FIELD_LABELS: Record<string, string> = {
  number: '证书编号',
  no: '证书编号',
};

const categoryCell = z.object({ courses: z.number().int(), hours: z.number() });

/**
 * One row of 继续教育证书打印 (manual 003 §1.6.4): 姓名, 公民身份号码, 培训年度, 专业序列,
 * 公需科目 / 专业科目 / 个人选修科目 (门数, 学时), 总学时, 年度验证结果, 继续教育证书号.
 */
export const certificateRow = z.object({
  /** professionalId:year */
  key: z.string(),
  professionalId: z.string(),
  year: z.number().int(),
  name: z.string(),
  /** masked */
  idNumber: z.string(),
  series: z.string(),
  public: categoryCell,
  professional: categoryCell,
  elective: categoryCell,
  totalHours: z.number(),
  passed: z.boolean(),
  /** what is missing when not passed, e.g. 公需课还差 12 学时 */
  explanation: z.string(),
  certificateNumber: z.string().nullable(),
  issuedAt: z.string().nullable(),
});
export type CertificateRow = z.infer<typeof certificateRow>;

export const certificateListResponse = z.object({
  items: z.array(certificateRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const staffCertificateQuery = pageQuery.extend({
  name: z.string().trim().max(50).optional(),
  idNumber: z.string().trim().max(18).optional(),
  year: yearFilter.optional(),
});
export type StaffCertificateQuery = z.infer<typeof staffCertificateQuery>;

export const certificateParams = z.object({
  professionalId: z.uuid('编号格式错误'),
  year: yearFilter,
});

export const reissueResponse = z.object({
  number: z.string(),
  /** the voided number, if there was one */
  voidedNumber: z.string().nullable(),
  message: z.string(),
});
export type ReissueResponse = z.infer<typeof reissueResponse>;

/** 证书查验 (public): what anyone may learn from a certificate number. */
export const certificateNumberParam = z.object({
  number: z.string().trim().min(1, '请输入证书编号').max(40, '证书编号格式错误'),
});

export const certificateVerification = z.object({
  number: z.string(),
  status: z.enum(['valid', 'voided']),
  year: z.number().int(),
  /** partly masked, e.g. 张*丰 */
  name: z.string(),
  series: z.string(),
  publicHours: z.number(),
  professionalHours: z.number(),
  electiveHours: z.number(),
  totalHours: z.number(),
  issuedAt: z.string(),
  voidedAt: z.string().nullable(),
});
export type CertificateVerification = z.infer<typeof certificateVerification>;

export const CERTIFICATE_STATUS_LABELS = { valid: '有效', voided: '已作废' } as const;
