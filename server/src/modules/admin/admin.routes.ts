import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPE_LABELS,
  type AuditAction,
  auditQuery,
  auditResponse,
  describeAuditDetail,
  smsOutboxQuery,
  smsOutboxResponse,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { exportRoute } from '../../core/excel';
import type { Api } from '../../core/http';
import { hrssScope } from '../../core/scope';
import { presentOutboxMessage } from '../../core/sms-gateway';
import { formatBeijing } from '../../core/time';
import * as repo from './admin.repository';

type AuditRow = Awaited<ReturnType<typeof repo.listAudit>>['items'][number];

function presentAudit(e: AuditRow) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorLoginName: e.actorLoginName,
    actorName: e.actorName,
    actingUnitName: e.actingUnitName,
    ip: e.ip,
    action: e.action,
    actionLabel: AUDIT_ACTIONS[e.action as AuditAction] ?? e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    outcome: e.outcome,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
}

export function adminRoutes(app: Api, s: Services) {
  app.get('/api/admin/sms-outbox', {
    config: { access: 'sms.outbox' },
    schema: {
      tags: ['人社部门'],
      summary: '短信发件箱',
      querystring: smsOutboxQuery,
      response: { 200: smsOutboxResponse },
    },
    handler: async (req) => {
      const { items, total } = await repo.listOutbox(s.db, hrssScope(actorOf(req)), req.query);
      return {
        items: items.map((m) =>
          presentOutboxMessage({ ...m, createdAt: m.createdAt.toISOString() }, s.config.demoMode),
        ),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
        demoMode: s.config.demoMode,
      };
    },
  });

  app.get('/api/admin/audit-events', {
    config: { access: 'audit.read' },
    schema: {
      tags: ['人社部门'],
      summary: '审计日志',
      querystring: auditQuery,
      response: { 200: auditResponse },
    },
    handler: async (req) => {
      const { items, total } = await repo.listAudit(s.db, hrssScope(actorOf(req)), req.query);
      return {
        items: items.map(presentAudit),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  });

  exportRoute(app, '/api/admin/audit-events/export', {
    access: 'audit.read',
    tags: ['人社部门'],
    summary: '审计日志导出Excel',
    querystring: auditQuery,
    fileName: '审计日志.xlsx',
    rows: async (query, req, page) =>
      (await repo.listAudit(s.db, hrssScope(actorOf(req)), { ...query, ...page })).items.map(presentAudit),
    columns: [
      { header: '时间（北京时间）', width: 22, value: (r) => formatBeijing(new Date(r.at)) },
      { header: '操作人账号', value: (r) => r.actorLoginName },
      { header: '操作人', value: (r) => r.actorName },
      { header: '所代表单位', width: 28, value: (r) => r.actingUnitName },
      { header: 'IP地址', value: (r) => r.ip },
      { header: '操作', value: (r) => r.actionLabel },
      {
        header: '对象类型',
        value: (r) => (r.objectType ? (AUDIT_OBJECT_TYPE_LABELS[r.objectType] ?? r.objectType) : null),
      },
      { header: '对象编号', width: 38, value: (r) => r.objectId },
      { header: '结果', width: 8, value: (r) => (r.outcome === 'success' ? '成功' : '失败') },
      {
        header: '详情',
        width: 40,
        value: (r) => (r.detail ? (describeAuditDetail(r.detail) ?? r.detail) : null),
      },
    ],
  });
}
