import {
  attachAuthorityLicenceRequest,
  authorityApplication,
  authorityApplicationRequest,
  authorityInfo,
  authorityProfileUpdateRequest,
  authorityQueryList,
  authorityQueryQuery,
  idParam,
  ORG_LEVEL_LABELS,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { exportRoute, seqColumn } from '../../core/excel';
import type { Api } from '../../core/http';
import * as application from './authorities.application.service';
import * as profile from './authorities.profile.service';
import { authorityReviewRoutes } from './authorities.review.routes';

/** 行业主管部门: 角色申请, 信息维护, the two review desks and 行业主管查询. */
export function authoritiesRoutes(app: Api, s: Services) {
  const tags = ['行业主管部门'];
  const url = '/api/authority/application';
  const apply = 'role.apply' as const;

  app.get(url, {
    config: { access: apply },
    schema: { tags, summary: '行业主管角色申请：查看', response: { 200: authorityApplication } },
    handler: (req) => application.getApplication(s, actorOf(req)),
  });
  app.put(url, {
    config: { access: apply },
    schema: {
      tags,
      summary: '行业主管角色申请：保存',
      body: authorityApplicationRequest,
      response: { 200: authorityApplication },
    },
    handler: (req) => application.saveApplication(s, req.ctx, actorOf(req), req.body),
  });
  app.post(`${url}/licence`, {
    config: { access: apply },
    schema: {
      tags,
      summary: '行业主管角色申请：上传统一社会信用代码证（先 POST /api/files purpose=licence）',
      body: attachAuthorityLicenceRequest,
      response: { 200: authorityApplication },
    },
    handler: (req) => application.attachLicence(s, req.ctx, actorOf(req), req.body),
  });
  app.post(`${url}/submit`, {
    config: { access: apply },
    schema: { tags, summary: '行业主管角色申请：送审', response: { 200: authorityApplication } },
    handler: (req) => application.submitApplication(s, req.ctx, actorOf(req)),
  });
  app.post(`${url}/withdraw`, {
    config: { access: apply },
    schema: { tags, summary: '行业主管角色申请：回收', response: { 200: authorityApplication } },
    handler: (req) => application.withdrawApplication(s, req.ctx, actorOf(req)),
  });

  app.get('/api/authority/profile', {
    config: { access: 'authority.profile' },
    schema: { tags, summary: '行业主管部门信息维护：查看', response: { 200: authorityInfo } },
    handler: (req) => profile.getProfile(s, actorOf(req)),
  });
  app.put('/api/authority/profile', {
    config: { access: 'authority.profile' },
    schema: {
      tags,
      summary: '行业主管部门信息维护：保存（只改联系人、电话、E-mail、邮编、地址、职能简介）',
      body: authorityProfileUpdateRequest,
      response: { 200: authorityInfo },
    },
    handler: (req) => profile.updateProfile(s, req.ctx, actorOf(req), req.body),
  });

  const query = 'authority.query' as const;
  app.get('/api/authority/lower', {
    config: { access: query },
    schema: {
      tags,
      summary: '行业主管查询（本专业系列、本地区的下级行业主管部门）',
      querystring: authorityQueryQuery,
      response: { 200: authorityQueryList },
    },
    handler: (req) => profile.queryAuthorities(s, actorOf(req), req.query),
  });
  exportRoute(app, '/api/authority/lower/export', {
    access: query,
    tags,
    summary: '行业主管查询导出Excel',
    querystring: authorityQueryQuery,
    fileName: '行业主管查询.xlsx',
    rows: async (q, req, page) => (await profile.queryAuthorities(s, actorOf(req), q, page)).items,
    columns: [
      seqColumn,
      { header: '所属行政区域', width: 20, value: (r) => r.regionName },
      { header: '行业主管(组织)名称', width: 30, value: (r) => r.unitName },
      { header: '专业系列', width: 16, value: (r) => r.series },
      { header: '隶属关系', width: 10, value: (r) => ORG_LEVEL_LABELS[r.level] },
      { header: '联系人', width: 12, value: (r) => r.contactName },
      { header: '联系电话', width: 16, value: (r) => r.phone },
      { header: '详细地址', width: 36, value: (r) => r.unitAddress },
    ],
  });
  app.get('/api/authority/lower/:id', {
    config: { access: query },
    schema: { tags, summary: '行业主管查询：查看', params: idParam, response: { 200: authorityInfo } },
    handler: (req) => profile.queryDetail(s, actorOf(req), req.params.id),
  });

  authorityReviewRoutes(app, s);
}
