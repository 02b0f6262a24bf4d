import {
  declaredRecordsQuery,
  employerRecordInput,
  idParam,
  maskIdNumber,
  queryRecordsQuery,
  recordCorrectionRequest,
  recordDetail,
  recordList,
  SUBJECT_TYPE_LABELS,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { exportRoute, seqColumn } from '../../core/excel';
import type { Api } from '../../core/http';
import { correctRecord, queryApproved } from './records.correct.service';
import * as declare from './records.declare.service';
import { draftEditRoutes } from './records.draft.routes';

/** The employer's record pages: 继续教育记录申报, 培训信息维护, 继续教育培训记录查询 (manual 003 §1.6, §1.9.2). */
export function employerRecordRoutes(app: Api, s: Services) {
  const tags = ['继续教育记录申报'];
  const access = 'record.declare' as const;

  app.get('/api/employer/records', {
    config: { access },
    schema: {
      tags,
      summary: '继续教育记录申报列表（本单位申报的记录）',
      querystring: declaredRecordsQuery,
      response: { 200: recordList },
    },
    handler: (req) => declare.listDeclared(s, actorOf(req), req.query),
  });

  app.post('/api/employer/records', {
    config: { access },
    schema: {
      tags,
      summary: '添加培训记录（替本单位专业技术人员申报）',
      body: employerRecordInput,
      response: { 200: recordDetail },
    },
    handler: (req) => declare.createDeclared(s, req.ctx, actorOf(req), req.body),
  });

  app.get('/api/employer/records/query', {
    config: { access: 'record.query' },
    schema: {
      tags: ['继续教育培训记录查询'],
      summary: '继续教育培训记录查询（本单位人员认定通过的记录）',
      querystring: queryRecordsQuery,
      response: { 200: recordList },
    },
    handler: (req) => queryApproved(s, actorOf(req), req.query),
  });

  exportRoute(app, '/api/employer/records/query/export', {
    access: 'record.query',
    tags: ['继续教育培训记录查询'],
    summary: '继续教育培训记录导出Excel',
    querystring: queryRecordsQuery,
    fileName: '继续教育培训记录.xlsx',
    rows: async (query, req, page) => (await queryApproved(s, actorOf(req), query, page)).items,
    columns: [
      seqColumn,
      { header: '姓名', width: 12, value: (r) => r.name },
      { header: '公民身份号码', width: 22, value: (r) => maskIdNumber(r.idNumber) },
      { header: '施教机构名称', width: 28, value: (r) => r.institutionName },
      { header: '课程类型', width: 10, value: (r) => SUBJECT_TYPE_LABELS[r.subjectType] },
      { header: '课程名称', width: 30, value: (r) => r.courseName },
      { header: '拟申报学时', width: 12, value: (r) => r.declaredHours },
      { header: '认定学时', width: 12, value: (r) => r.recognisedHours },
    ],
  });

  app.get('/api/employer/records/:id', {
    config: { access },
    schema: { tags, summary: '继续教育培训记录查看', params: idParam, response: { 200: recordDetail } },
    handler: (req) => declare.employerDetail(s, actorOf(req), req.params.id),
  });

  app.put('/api/employer/records/:id', {
    config: { access },
    schema: {
      tags,
      summary: '修改培训记录（确认前）',
      params: idParam,
      body: employerRecordInput,
      response: { 200: recordDetail },
    },
    handler: (req) => declare.updateDeclared(s, req.ctx, actorOf(req), req.params.id, req.body),
  });

  draftEditRoutes(
    app,
    s,
    { base: '/api/employer/records', access, tags, deleteSummary: '删除培训记录（确认前）' },
    declare.declaredEdits,
  );

  app.post('/api/employer/records/:id/confirm', {
    config: { access },
    schema: { tags, summary: '确认（本单位人员获得学时）', params: idParam, response: { 200: recordDetail } },
    handler: (req) => declare.confirmDeclared(s, req.ctx, actorOf(req), req.params.id),
  });

  app.post('/api/employer/records/:id/correct', {
    config: { access: 'record.correct' },
    schema: {
      tags: ['培训信息维护'],
      summary: '培训信息维护（修改审核通过的记录，须填写修改原因）',
      params: idParam,
      body: recordCorrectionRequest,
      response: { 200: recordDetail },
    },
    handler: (req) => correctRecord(s, req.ctx, actorOf(req), req.params.id, req.body),
  });
}
