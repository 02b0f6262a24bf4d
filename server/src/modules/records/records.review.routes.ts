import {
  batchResult,
  batchReviewRequest,
  idParam,
  recordDetail,
  recordList,
  recordReviewRequest,
  reviewRecordsQuery,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
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
