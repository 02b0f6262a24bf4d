import {
  attachLicenceRequest,
  institutionApplicationRequest,
  institutionProfile,
  institutionProfileUpdateRequest,
  okResponse,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import * as service from './institutions.service';
import { qualificationRoutes } from './qualifications.routes';

/** 施教机构: 角色申请, 信息维护, 专业培训资格申请 and the authorities' 专业培训资格审核. */
export function institutionsRoutes(app: Api, s: Services) {
  const tags = ['施教机构'];
  const url = '/api/orgs/institution-application';

  app.get(url, {
    config: { access: 'role.apply' },
    schema: { tags, summary: '施教机构角色申请：查看', response: { 200: institutionProfile } },
    handler: (req) => service.getApplication(s, actorOf(req)),
  });

  app.put(url, {
    config: { access: 'role.apply' },
    schema: {
      tags,
      summary: '施教机构角色申请：保存',
      body: institutionApplicationRequest,
      response: { 200: institutionProfile },
    },
    handler: (req) => service.saveApplication(s, req.ctx, actorOf(req), req.body),
  });

  app.post(`${url}/licence`, {
    config: { access: 'role.apply' },
    schema: {
      tags,
      summary: '施教机构角色申请：上传统一社会信用代码证 / 办学许可（先 POST /api/files purpose=licence）',
      body: attachLicenceRequest,
      response: { 200: institutionProfile },
    },
    handler: (req) => service.attachLicence(s, req.ctx, actorOf(req), req.body),
  });

  app.post(`${url}/confirm`, {
    config: { access: 'role.apply' },
    schema: { tags, summary: '施教机构角色申请：确认', response: { 200: okResponse } },
    handler: (req) => service.confirmApplication(s, req.ctx, actorOf(req)),
  });

  app.get('/api/institution/profile', {
    config: { access: 'institution.profile' },
    schema: { tags, summary: '施教机构信息维护：查看', response: { 200: institutionProfile } },
    handler: (req) => service.getProfile(s, actorOf(req)),
  });

  app.put('/api/institution/profile', {
    config: { access: 'institution.profile' },
    schema: {
      tags,
      summary: '施教机构信息维护：保存（只改法人电话与E-Mail、联系人、地址、简介）',
      body: institutionProfileUpdateRequest,
      response: { 200: institutionProfile },
    },
    handler: (req) => service.updateProfile(s, req.ctx, actorOf(req), req.body),
  });

  qualificationRoutes(app, s);
}
