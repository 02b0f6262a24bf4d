import {
  batchResult,
  batchReviewRequest,
  idParam,
  recordDetail,
  recordList,
  recordReviewRequest,
  reviewRecordsQuery,
  SUBJECT_TYPE_LABELS,
  WORKFLOW_STATE_LABELS,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { exportRoute, seqColumn } from '../../core/excel';
import type { Api } from '../../core/http';
import * as reviews from './records.review.service';

/** 继续教育记录认定 (manual 003 §1.6.3; manual 000 step 9). */
export function reviewRecordRoutes(app: Api, s: Services) {
  const tags = ['继续教育记录认定'];
  const access = 'record.review' as const;

  app.get('/api/review/records', {
    config: { access },
    schema: {
      tags,
      summary: '继续教育记录认定列表（默认：待办）',
      querystring: reviewRecordsQuery,
      response: { 200: recordList },
    },
    handler: (req) => reviews.listForReview(s, actorOf(req), req.query),
  });

  exportRoute(app, '/api/review/records/export', {
    access,
    tags,
    summary: '继续教育记录认定列表导出Excel（含审核状态）',
    querystring: reviewRecordsQuery,
    fileName: '继续教育记录认定.xlsx',
    rows: async (query, req, page) => (await reviews.listForReview(s, actorOf(req), query, page)).items,
    columns: [
      seqColumn,
      { header: '姓名', width: 12, value: (r) => r.name },
      // already masked by the list's presenter
      { header: '公民身份号码', width: 22, value: (r) => r.idNumber },
      { header: '课程类型', width: 10, value: (r) => SUBJECT_TYPE_LABELS[r.subjectType] },
      { header: '课程名称', width: 30, value: (r) => r.courseName },
      { header: '拟申报学时', width: 12, value: (r) => r.declaredHours },
      { header: '审核学时', width: 12, value: (r) => r.reviewedHours },
      { header: '认定学时', width: 12, value: (r) => r.recognisedHours },
      { header: '审核部门', width: 24, value: (r) => r.reviewerUnitName },
      { header: '审核环节', width: 12, value: (r) => r.step },
      { header: '审核状态', width: 10, value: (r) => WORKFLOW_STATE_LABELS[r.state] },
    ],
  });

  app.post('/api/review/records/batch', {
    config: { access },
    schema: {
      tags,
      summary: '批量审核（同意时认定学时取拟申报学时）',
      body: batchReviewRequest,
      response: { 200: batchResult },
    },
    handler: (req) => reviews.batchReview(s, req.ctx, actorOf(req), req.body),
  });

  app.get('/api/review/records/:id', {
    config: { access },
    schema: { tags, summary: '继续教育培训记录申报查看', params: idParam, response: { 200: recordDetail } },
    handler: (req) => reviews.reviewDetail(s, actorOf(req), req.params.id),
  });

  app.post('/api/review/records/:id/review', {
    config: { access },
    schema: {
      tags,
      summary: '审核（同意 / 不同意并结案 / 不同意并退案）',
      params: idParam,
      body: recordReviewRequest,
      response: { 200: recordDetail },
    },
    handler: (req) => reviews.reviewRecord(s, req.ctx, actorOf(req), req.params.id, req.body),
  });
}
