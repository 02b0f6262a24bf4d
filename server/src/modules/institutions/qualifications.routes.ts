import {
  batchResult,
  batchReviewRequest,
  idParam,
  okResponse,
  QUALIFICATION_STATE_LABELS,
  qualificationDetail,
  qualificationList,
  qualificationRequest,
  qualificationReviewQuery,
  reviewRequest,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { exportRoute, seqColumn } from '../../core/excel';
import type { Api } from '../../core/http';
import * as reviews from './qualifications.review.service';
import * as apply from './qualifications.service';

export function qualificationRoutes(app: Api, s: Services) {
  applyRoutes(app, s);
  reviewRoutes(app, s);
}

/** 专业培训资格申请 (the institution). */
function applyRoutes(app: Api, s: Services) {
  const tags = ['专业培训资格申请'];
  const access = 'qualification.apply' as const;
  const url = '/api/institution/qualifications';

  app.get(url, {
    config: { access },
    schema: { tags, summary: '申请培训专业列表', response: { 200: qualificationList } },
    handler: (req) => apply.listOwn(s, actorOf(req)),
  });
  app.post(url, {
    config: { access },
    schema: {
      tags,
      summary: '新增申请培训专业',
      body: qualificationRequest,
      response: { 200: qualificationDetail },
    },
    handler: (req) => apply.create(s, req.ctx, actorOf(req), req.body),
  });
  app.get(`${url}/:id`, {
    config: { access },
    schema: { tags, summary: '查看申请培训专业', params: idParam, response: { 200: qualificationDetail } },
    handler: (req) => apply.detail(s, actorOf(req), req.params.id),
  });
  app.put(`${url}/:id`, {
    config: { access },
    schema: {
      tags,
      summary: '修改申请培训专业（草稿或退案）',
      params: idParam,
      body: qualificationRequest,
      response: { 200: qualificationDetail },
    },
    handler: (req) => apply.update(s, req.ctx, actorOf(req), req.params.id, req.body),
  });
  app.delete(`${url}/:id`, {
    config: { access },
    schema: {
      tags,
      summary: '删除申请培训专业（草稿或退案）',
      params: idParam,
      response: { 200: okResponse },
    },
    handler: (req) => apply.remove(s, req.ctx, actorOf(req), req.params.id),
  });
  app.post(`${url}/:id/submit`, {
    config: { access },
    schema: {
      tags,
      summary: '送审（省级机构默认通过）',
      params: idParam,
      response: { 200: qualificationDetail },
    },
    handler: (req) => apply.send(s, req.ctx, actorOf(req), req.params.id),
  });
  app.post(`${url}/:id/withdraw`, {
    config: { access },
    schema: { tags, summary: '回收', params: idParam, response: { 200: qualificationDetail } },
    handler: (req) => apply.takeBack(s, req.ctx, actorOf(req), req.params.id),
  });
}

/** 施教机构专业培训资格审核 (the authority, 002 §1.5.2). */
function reviewRoutes(app: Api, s: Services) {
  const tags = ['施教机构专业培训资格审核'];
  const access = 'qualification.review' as const;
  const url = '/api/review/qualifications';

  app.get(url, {
    config: { access },
    schema: {
      tags,
      summary: '施教机构专业培训资格审核列表（默认：待办）',
      querystring: qualificationReviewQuery,
      response: { 200: qualificationList },
    },
    handler: (req) => reviews.list(s, actorOf(req), req.query),
  });

  exportRoute(app, `${url}/export`, {
    access,
    tags,
    summary: '施教机构专业培训资格审核列表导出Excel',
    querystring: qualificationReviewQuery,
    fileName: '施教机构专业培训资格审核.xlsx',
    rows: async (query, req, page) => (await reviews.list(s, actorOf(req), query, page)).items,
    columns: [
      seqColumn,
      { header: '机构名称', width: 30, value: (r) => r.unitName },
      { header: '机构码', width: 22, value: (r) => r.certNumber },
      { header: '申请培训专业', width: 20, value: (r) => r.series },
      { header: '审核部门', width: 24, value: (r) => r.reviewerUnitName },
      { header: '审核环节', width: 24, value: (r) => r.step },
      { header: '审核状态', width: 12, value: (r) => QUALIFICATION_STATE_LABELS[r.state] },
    ],
  });

  app.post(`${url}/batch`, {
    config: { access },
    schema: { tags, summary: '批量审核', body: batchReviewRequest, response: { 200: batchResult } },
    handler: (req) => reviews.batchReview(s, req.ctx, actorOf(req), req.body),
  });

  app.get(`${url}/:id`, {
    config: { access },
    schema: { tags, summary: '专业资格审核：查看', params: idParam, response: { 200: qualificationDetail } },
    handler: (req) => reviews.detail(s, actorOf(req), req.params.id),
  });

  app.post(`${url}/:id/review`, {
    config: { access },
    schema: {
      tags,
      summary: '审核（同意 / 不同意并结束 / 不同意并退单）',
      params: idParam,
      body: reviewRequest,
      response: { 200: qualificationDetail },
    },
    handler: (req) => reviews.reviewQualification(s, req.ctx, actorOf(req), req.params.id, req.body),
  });
}
