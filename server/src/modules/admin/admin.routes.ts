import {
  AUDIT_ACTIONS,
  type AuditAction,
  auditQuery,
  auditResponse,
  smsOutboxQuery,
  smsOutboxResponse,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import { hrssScope } from '../../core/scope';
import * as repo from './admin.repository';

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
        items: items.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
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
        items: items.map((e) => ({
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
        })),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  });
}
