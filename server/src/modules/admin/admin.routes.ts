import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPE_LABELS,
  AUDIT_OUTCOME_LABELS,
  type AuditAction,
  auditQuery,
  auditResponse,
  describeAuditDetail,
  smsOutboxQuery,
  smsOutboxResponse,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { exportRoute, seqColumn } from '../../core/excel';
import type { Api } from '../../core/http';
import { hrssScope } from '../../core/scope';
import { presentOutboxMessage } from '../../core/sms-gateway';
import { formatBeijing } from '../../core/time';
import * as repo from './admin.repository';

type AuditRow = Awaited<ReturnType<typeof repo.listAudit>>['items'][number];

function presentAudit(e: AuditRow, names: Record<string, string>) {
  const detail = e.detail ? JSON.stringify(e.detail) : null;
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
    objectName: e.objectId ? (names[e.objectId] ?? null) : null,
    outcome: e.outcome,
    detail,
    detailText: detail ? (describeAuditDetail(detail, names) ?? detail) : null,
  };
}

async function presentAudits(s: Services, items: AuditRow[]) {
  const names = await repo.auditNames(s.db, items);
  return items.map((e) => presentAudit(e, names));
}

/** 操作对象 as the page shows it: what it is, and its name (or, when gone, its id). */
const objectText = (r: ReturnType<typeof presentAudit>) =>
  [r.objectType ? (AUDIT_OBJECT_TYPE_LABELS[r.objectType] ?? r.objectType) : null, r.objectName ?? r.objectId]
    .filter(Boolean)
    .join('：') || null;

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
        items: await presentAudits(s, items),
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
      presentAudits(s, (await repo.listAudit(s.db, hrssScope(actorOf(req)), { ...query, ...page })).items),
    // the page's columns, in its order and words
    columns: [
      seqColumn,
      { header: '操作时间', width: 20, value: (r) => formatBeijing(new Date(r.at)) },
      {
        header: '操作人',
        width: 22,
        value: (r) =>
          r.actorName && r.actorLoginName
            ? `${r.actorName}（${r.actorLoginName}）`
            : (r.actorName ?? r.actorLoginName),
      },
      { header: '经办单位', width: 28, value: (r) => r.actingUnitName },
      { header: 'IP地址', value: (r) => r.ip },
      { header: '操作类型', value: (r) => r.actionLabel },
      { header: '操作对象', width: 30, value: objectText },
      { header: '操作结果', width: 10, value: (r) => AUDIT_OUTCOME_LABELS[r.outcome] },
      { header: '详情', width: 50, value: (r) => r.detailText },
    ],
  });
}
