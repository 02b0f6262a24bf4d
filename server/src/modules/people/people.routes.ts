import {
  employerSearchQuery,
  employerSearchResponse,
  myProfileRequest,
  myProfileResponse,
  mySubmitRequest,
  profileSaveResponse,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import * as people from './people.service';
import { staffRoutes } from './staff.routes';

export function peopleRoutes(app: Api, s: Services) {
  const tags = ['人员基本信息维护'];

  app.get('/api/people/me', {
    config: { access: 'profile.self' },
    schema: { tags, summary: '我的人员基本信息', response: { 200: myProfileResponse } },
    handler: (req) => people.getMyProfile(s, req.ctx, actorOf(req)),
  });

  app.put('/api/people/me', {
    config: { access: 'profile.self' },
    schema: {
      tags,
      summary: '保存人员基本信息',
      body: myProfileRequest,
      response: { 200: profileSaveResponse },
    },
    handler: (req) => people.saveMyProfile(s, req.ctx, actorOf(req), req.body),
  });

  app.post('/api/people/me/submit', {
    config: { access: 'profile.self' },
    schema: {
      tags,
      summary: '提交人员基本信息给所属单位确认',
      body: mySubmitRequest,
      response: { 200: profileSaveResponse },
    },
    handler: (req) => people.submitMyProfile(s, req.ctx, actorOf(req), req.body),
  });

  app.get('/api/people/employers', {
    config: { access: 'profile.self' },
    schema: {
      tags,
      summary: '选择所属单位：按单位名称查询法人单位',
      querystring: employerSearchQuery,
      response: { 200: employerSearchResponse },
    },
    handler: (req) => people.searchEmployers(s, req.query),
  });

  staffRoutes(app, s);
}
