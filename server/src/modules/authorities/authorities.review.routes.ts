import {
  authorityReviewDetail,
  authorityReviewList,
  authorityReviewQuery,
  batchResult,
  batchReviewRequest,
  idParam,
  type Permission,
  reviewRequest,
  WORKFLOW_STATE_LABELS,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { exportRoute, seqColumn } from '../../core/excel';
import type { Api } from '../../core/http';
import * as reviews from './authorities.review.service';

/**
 * The two desks that review authority applications: HRSS 行业主管角色审核 (provincial ones) and
 * an authority's 下级行业主管部门（行业组织）信息审核 (002 §1.5.1). Same screen, own permission.
 */
const DESKS: { desk: reviews.Desk; base: string; access: Permission; name: `${string}.xlsx`; tag: string }[] =
  [
    {
      desk: 'hrss',
      base: '/api/hrss/authority-reviews',
      access: 'authority.review',
      name: '行业主管角色审核.xlsx',
      tag: '行业主管角色审核',
    },
    {
      desk: 'parent',
      base: '/api/authority/lower-reviews',
      access: 'authority.lower.review',
      name: '下级行业主管部门信息审核.xlsx',
      tag: '下级行业主管部门信息审核',
    },
  ];

export function authorityReviewRoutes(app: Api, s: Services) {
  for (const { desk, base, access, name, tag } of DESKS) {
    const tags = [tag];
    app.get(base, {
      config: { access },
      schema: {
        tags,
        summary: `${tag}列表（默认：待办）`,
        querystring: authorityReviewQuery,
        response: { 200: authorityReviewList },
      },
      handler: (req) => reviews.listReviews(s, actorOf(req), desk, req.query),
    });
    exportRoute(app, `${base}/export`, {
      access,
      tags,
      summary: `${tag}导出Excel（含审核状态）`,
      querystring: authorityReviewQuery,
      fileName: name,
      rows: async (q, req, page) => (await reviews.listReviews(s, actorOf(req), desk, q, page)).items,
      columns: [
        seqColumn,
        { header: '单位名称', width: 30, value: (r) => r.unitName },
        { header: '单位代码', width: 22, value: (r) => r.certNumber },
        { header: '专业序列', width: 16, value: (r) => r.series },
        { header: '联系人', width: 12, value: (r) => r.contactName },
        { header: '联系电话', width: 16, value: (r) => r.phone },
        { header: '审核部门', width: 28, value: (r) => r.reviewerUnitName },
        { header: '审核环节', width: 22, value: (r) => r.step },
        { header: '审核状态', width: 14, value: (r) => WORKFLOW_STATE_LABELS[r.state] },
      ],
    });
    app.post(`${base}/batch`, {
      config: { access },
      schema: {
        tags,
        summary: '批量审核（同一审核结果和意见）',
        body: batchReviewRequest,
        response: { 200: batchResult },
      },
      handler: (req) => reviews.batchReview(s, req.ctx, actorOf(req), desk, req.body),
    });
    app.get(`${base}/:id`, {
      config: { access },
      schema: { tags, summary: `${tag}：查看`, params: idParam, response: { 200: authorityReviewDetail } },
      handler: (req) => reviews.reviewDetail(s, actorOf(req), desk, req.params.id),
    });
    app.post(`${base}/:id/review`, {
      config: { access },
      schema: {
        tags,
        summary: '审核（同意 / 不同意并结案 / 不同意并退案）',
        params: idParam,
        body: reviewRequest,
        response: { 200: authorityReviewDetail },
      },
      handler: (req) => reviews.reviewApplication(s, req.ctx, actorOf(req), desk, req.params.id, req.body),
    });
  }
}
