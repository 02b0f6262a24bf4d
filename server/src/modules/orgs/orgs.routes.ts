import {
  attachLicenceRequest,
  employerApplicationRequest,
  employerProfile,
  employerProfileUpdateRequest,
  okResponse,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import * as profile from './employer-profile.service';
import * as application from './orgs.service';

export function orgsRoutes(app: Api, s: Services) {
  const tags = ['法人单位'];
  const url = '/api/orgs/employer-application';

  app.get(url, {
    config: { access: 'role.apply' },
    schema: { tags, summary: '法人单位角色申请：查看', response: { 200: employerProfile } },
    handler: (req) => application.getEmployerApplication(s, actorOf(req)),
  });

  app.put(url, {
    config: { access: 'role.apply' },
    schema: {
      tags,
      summary: '法人单位角色申请：保存',
      body: employerApplicationRequest,
      response: { 200: employerProfile },
    },
    handler: (req) => application.saveEmployerApplication(s, req.ctx, actorOf(req), req.body),
  });

  app.post(`${url}/licence`, {
    config: { access: 'role.apply' },
    schema: {
      tags,
      summary: '法人单位角色申请：上传营业执照（先 POST /api/files purpose=licence）',
      body: attachLicenceRequest,
      response: { 200: employerProfile },
    },
    handler: (req) => application.attachLicence(s, req.ctx, actorOf(req), req.body),
  });

  app.post(`${url}/confirm`, {
    config: { access: 'role.apply' },
    schema: { tags, summary: '法人单位角色申请：确认', response: { 200: okResponse } },
    handler: (req) => application.confirmEmployerApplication(s, req.ctx, actorOf(req)),
  });

  app.get('/api/employer/profile', {
    config: { access: 'employer.profile' },
    schema: { tags, summary: '法人单位信息维护：查看', response: { 200: employerProfile } },
    handler: (req) => profile.getEmployerProfile(s, actorOf(req)),
  });

  app.put('/api/employer/profile', {
    config: { access: 'employer.profile' },
    schema: {
      tags,
      summary: '法人单位信息维护：保存（只改联系人、电话、Email、邮编、地址、职能简介）',
      body: employerProfileUpdateRequest,
      response: { 200: employerProfile },
    },
    handler: (req) => profile.updateEmployerProfile(s, req.ctx, actorOf(req), req.body),
  });
}
