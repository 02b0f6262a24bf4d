import { z } from 'zod';
import { paged, pageQuery } from './common';

export const SMS_PURPOSE_LABELS = { password_reset: '密码找回', unit_register: '单位注册' } as const;
export const smsMessage = z.object({
  id: z.string(),
  phone: z.string(),
  purpose: z.enum(['password_reset', 'unit_register']),
  content: z.string(),
  createdAt: z.string(),
});
export const smsOutboxQuery = pageQuery.extend({ phone: z.string().trim().optional() });
/** demoMode: phones and codes are shown in full (outside demo mode they are masked) */
export const smsOutboxResponse = paged(smsMessage).extend({ demoMode: z.boolean() });

export const AUDIT_OUTCOME_LABELS = { success: '成功', failure: '失败' } as const;
export const auditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorLoginName: z.string().nullable(),
  actorName: z.string().nullable(),
  actingUnitName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: z.enum(['success', 'failure']),
  detail: z.string().nullable(),
  /** the object by its name (单位, 人员, 记录) when it still resolves, else null (the id is shown) */
  objectName: z.string().nullable(),
  /** 详情 in words: labels for keys, names for the ids it resolves (page and export alike) */
  detailText: z.string().nullable(),
});
export const auditQuery = pageQuery.extend({
  from: z.iso.date('开始日期格式应为YYYY-MM-DD').optional(),
  to: z.iso.date('结束日期格式应为YYYY-MM-DD').optional(),
  actor: z.string().trim().optional(),
  action: z.string().trim().optional(),
  outcome: z.enum(['success', 'failure']).optional(),
});
export const auditResponse = paged(auditEvent);
