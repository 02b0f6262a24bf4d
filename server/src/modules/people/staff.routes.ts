import {
  batchResult,
  idParam,
  okResponse,
  pendingStaffResponse,
  professionalDetail,
  SEX_LABELS,
  staffCreateRequest,
  staffIdsRequest,
  staffListQuery,
  staffListResponse,
  staffUpdateRequest,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { exportRoute, seqColumn } from '../../core/excel';
import type { Api } from '../../core/http';
import * as staff from './staff.service';

/** 专业技术人员信息管理 of an employer (manual 003 §1.5). */
export function staffRoutes(app: Api, s: Services) {
  const tags = ['专业技术人员信息管理'];
  const pending = '/api/employer/staff-confirmations';

  app.get(pending, {
    config: { access: 'staff.confirm' },
    schema: {
      tags,
      summary: '专业技术人员信息确认：待确认人员',
      querystring: staffListQuery,
      response: { 200: pendingStaffResponse },
    },
    handler: (req) => staff.listPending(s, actorOf(req), req.query),
  });

  app.post(`${pending}/:id/confirm`, {
    config: { access: 'staff.confirm' },
    schema: { tags, summary: '是：确认该人员属于本单位', params: idParam, response: { 200: okResponse } },
    handler: (req) => staff.confirmOne(s, req.ctx, actorOf(req), req.params.id),
  });

  app.post(`${pending}/:id/reject`, {
    config: { access: 'staff.confirm' },
    schema: { tags, summary: '否：该人员不属于本单位', params: idParam, response: { 200: okResponse } },
    handler: (req) => staff.rejectOne(s, req.ctx, actorOf(req), req.params.id),
  });

  app.post(`${pending}/confirm`, {
    config: { access: 'staff.confirm' },
    schema: {
      tags,
      summary: '人员确认（批量）',
      body: staffIdsRequest,
      response: { 200: batchResult },
    },
    handler: (req) => staff.confirmBatch(s, req.ctx, actorOf(req), req.body.ids),
  });

  app.get('/api/employer/staff', {
    config: { access: 'staff.manage' },
    schema: {
      tags,
      summary: '专业技术人员信息维护：本单位已确认人员',
      querystring: staffListQuery,
      response: { 200: staffListResponse },
    },
    handler: (req) => staff.listStaff(s, actorOf(req), req.query),
  });

  exportRoute(app, '/api/employer/staff/export', {
    access: 'staff.manage',
    tags,
    summary: '专业技术人员信息导出Excel',
    querystring: staffListQuery,
    fileName: '专业技术人员信息.xlsx',
    rows: async (query, req, page) => (await staff.listStaff(s, actorOf(req), query, page)).items,
    // the page's columns, in its order and words
    columns: [
      seqColumn,
      { header: '姓名', width: 12, value: (r) => r.name },
      { header: '性别', width: 8, value: (r) => SEX_LABELS[r.sex] },
      // already masked by the list's presenter
      { header: '公民身份号码', width: 22, value: (r) => r.idNumber },
      { header: '学历', width: 12, value: (r) => r.education },
      { header: '参加工作时间', width: 14, value: (r) => r.workStartDate },
    ],
  });

  app.get('/api/employer/staff/:id', {
    config: { access: 'staff.manage' },
    schema: { tags, summary: '人员详情', params: idParam, response: { 200: professionalDetail } },
    handler: (req) => staff.staffDetail(s, actorOf(req), req.params.id),
  });

  app.post('/api/employer/staff', {
    config: { access: 'staff.manage' },
    schema: {
      tags,
      summary: '新增本单位专业技术人员',
      body: staffCreateRequest,
      response: { 200: professionalDetail },
    },
    handler: (req) => staff.addStaff(s, req.ctx, actorOf(req), req.body),
  });

  app.put('/api/employer/staff/:id', {
    config: { access: 'staff.manage' },
    schema: {
      tags,
      summary: '修改人员信息',
      params: idParam,
      body: staffUpdateRequest,
      response: { 200: professionalDetail },
    },
    handler: (req) => staff.updateStaff(s, req.ctx, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/employer/staff/:id/unbind', {
    config: { access: 'staff.manage' },
    schema: { tags, summary: '解除绑定', params: idParam, response: { 200: okResponse } },
    handler: (req) => staff.unbindStaff(s, req.ctx, actorOf(req), req.params.id),
  });
}
