import { api } from './client';
import type {
  AuditEvent,
  AuditQuery,
  Ok,
  Paged,
  RealnameApplication,
  RealnameDetail,
  RealnameListQuery,
  SmsMessage,
} from './types';

/** 人社部门: 实名认证审核, 短信发件箱, 审计日志. */
export const hrssApi = {
  realnameApplications: (query: RealnameListQuery) =>
    api.get<Paged<RealnameApplication>>('/realname/applications', query),
  realnameApplication: (id: string) =>
    api.get<RealnameDetail>(`/realname/applications/${encodeURIComponent(id)}`),
  approveRealname: (id: string, opinion?: string) =>
    api.post<Ok>(`/realname/applications/${encodeURIComponent(id)}/approve`, { opinion }),
  rejectRealname: (id: string, reason: string) =>
    api.post<Ok>(`/realname/applications/${encodeURIComponent(id)}/reject`, { reason }),

  smsOutbox: (query: { phone?: string; page?: number; pageSize?: number }) =>
    api.get<Paged<SmsMessage> & { demoMode: boolean }>('/admin/sms-outbox', query),
  auditEvents: (query: AuditQuery) => api.get<Paged<AuditEvent>>('/admin/audit-events', query),
};
