import {
  hoursQuery,
  idParam,
  myHoursResponse,
  okResponse,
  recountJob,
  recountJobState,
  recountResponse,
  requirementListQuery,
  requirementListResponse,
  requirementSaveRequest,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import * as hours from './hours.service';
import { recountJobDefinition } from './recount.job';
import * as recount from './recount.service';
import * as requirements from './requirements.service';

export function requirementsRoutes(app: Api, s: Services) {
  const tags = ['年度学时要求'];
  s.jobs.define(recountJobDefinition(s));

  app.get('/api/requirements', {
    config: { access: 'requirement.manage' },
    schema: {
      tags,
      summary: '年度学时要求设置列表（含系统默认）',
      querystring: requirementListQuery,
      response: { 200: requirementListResponse },
    },
    handler: (req) => requirements.list(s, actorOf(req), req.query),
  });

  app.post('/api/requirements', {
    config: { access: 'requirement.manage' },
    schema: {
      tags,
      summary: '新增 / 修改年度学时要求（修改生成新版本）',
      body: requirementSaveRequest,
      response: { 200: okResponse },
    },
    handler: (req) => requirements.save(s, req.ctx, actorOf(req), req.body),
  });

  app.post('/api/requirements/:id/deactivate', {
    config: { access: 'requirement.manage' },
    schema: { tags, summary: '停用年度学时要求', params: idParam, response: { 200: okResponse } },
    handler: (req) => requirements.deactivate(s, req.ctx, actorOf(req), req.params.id),
  });

  app.get('/api/hours/mine', {
    config: { access: 'record.self' },
    schema: {
      tags: ['年度学时情况'],
      summary: '我的年度学时情况（年度验证与逐条说明）',
      querystring: hoursQuery,
      response: { 200: myHoursResponse },
    },
    handler: (req) => hours.myHours(s, actorOf(req), req.query),
  });

  app.post('/api/hours/recount', {
    config: { access: 'record.self' },
    schema: { tags: ['年度学时情况'], summary: '重新统计学时（本人）', response: { 200: recountResponse } },
    handler: (req) => hours.recountMine(s, req.ctx, actorOf(req)),
  });

  app.post('/api/employer/hours/recount', {
    config: { access: 'certificate.staff' },
    schema: {
      tags: ['继续教育证书打印'],
      summary: '重新统计学时（本单位已确认的专业技术人员）',
      response: { 200: recountResponse },
    },
    handler: (req) => hours.recountStaff(s, req.ctx, actorOf(req)),
  });

  app.post('/api/hrss/hours/recount', {
    config: { access: 'totals.recount' },
    schema: {
      tags: ['重新统计学时'],
      summary: '重新统计学时（本地区全部专业技术人员，后台执行；同一地区同时只能进行一次）',
      response: { 200: recountJob },
    },
    handler: (req) => recount.startRecount(s, req.ctx, actorOf(req)),
  });

  app.get('/api/hrss/hours/recount', {
    config: { access: 'totals.recount' },
    schema: {
      tags: ['重新统计学时'],
      summary: '本地区最近一次重新统计学时的进度与结果',
      response: { 200: recountJobState },
    },
    handler: (req) => recount.recountState(s, actorOf(req)),
  });
}
