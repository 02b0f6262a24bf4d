import {
  idParam,
  myRealnameResponse,
  realnameApplication,
  realnameApplyRequest,
  realnameApproveRequest,
  realnameDetail,
  realnameListQuery,
  realnameListResponse,
  realnameRejectRequest,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import * as realname from './realname.service';

export function realnameRoutes(app: Api, s: Services) {
  const tags = ['实名认证'];
  app.get('/api/realname/mine', {
    config: { access: 'realname.apply' },
    schema: { tags, summary: '我的实名认证', response: { 200: myRealnameResponse } },
    handler: (req) => realname.myRealname(s, actorOf(req)),
  });

  app.post('/api/realname/applications', {
    config: { access: 'realname.apply' },
    schema: {
      tags,
      summary: '申请二级实名认证',
      body: realnameApplyRequest,
      response: { 200: realnameApplication },
    },
    handler: (req) => realname.apply(s, req.ctx, actorOf(req), req.body),
  });

  app.get('/api/realname/applications', {
    config: { access: 'realname.review' },
    schema: {
      tags,
      summary: '实名认证审核列表',
      querystring: realnameListQuery,
      response: { 200: realnameListResponse },
    },
    handler: (req) => realname.list(s, actorOf(req), req.query),
  });

  app.get('/api/realname/applications/:id', {
    config: { access: 'realname.review' },
    schema: { tags, summary: '实名认证申请详情', params: idParam, response: { 200: realnameDetail } },
    handler: (req) => realname.detail(s, actorOf(req), req.params.id),
  });

  app.post('/api/realname/applications/:id/approve', {
    config: { access: 'realname.review' },
    schema: {
      tags,
      summary: '审核通过',
      params: idParam,
      body: realnameApproveRequest,
      response: { 200: realnameApplication },
    },
    handler: (req) =>
      realname.review(s, req.ctx, actorOf(req), req.params.id, { approve: true, opinion: req.body.opinion }),
  });

  app.post('/api/realname/applications/:id/reject', {
    config: { access: 'realname.review' },
    schema: {
      tags,
      summary: '审核不通过',
      params: idParam,
      body: realnameRejectRequest,
      response: { 200: realnameApplication },
    },
    handler: (req) =>
      realname.review(s, req.ctx, actorOf(req), req.params.id, { approve: false, reason: req.body.reason }),
  });
}
