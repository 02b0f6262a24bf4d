import {
  registeredResponse,
  registerPersonRequest,
  smsSentResponse,
  unitAgentCheckRequest,
  unitAgentCheckResponse,
  unitRegisterRequest,
  unitSmsRequest,
} from '@ce/shared';
import type { Services } from '../../core/context';
import { type Api, authRateLimit } from '../../core/http';
import * as registration from './registration.service';

export function registrationRoutes(app: Api, s: Services) {
  const limited = { rateLimit: authRateLimit(s.config.authRateLimit) };

  app.post('/api/register/person', {
    config: { access: 'public', ...limited },
    schema: {
      tags: ['注册'],
      summary: '个人注册',
      body: registerPersonRequest,
      response: { 200: registeredResponse },
    },
    handler: (req) => registration.registerPerson(s, req.ctx, req.body),
  });

  app.post('/api/register/unit/agent-check', {
    config: { access: 'public', ...limited },
    schema: {
      tags: ['注册'],
      summary: '单位注册：单位所属实名认证人员信息',
      body: unitAgentCheckRequest,
      response: { 200: unitAgentCheckResponse },
    },
    handler: (req) => registration.checkUnitAgent(s, req.body),
  });

  app.post('/api/register/unit/sms', {
    config: { access: 'public', ...limited },
    schema: {
      tags: ['注册'],
      summary: '单位注册：单位信息登记并发送短信验证码',
      body: unitSmsRequest,
      response: { 200: smsSentResponse },
    },
    handler: async (req) => ({
      ok: true as const,
      ...(await registration.sendUnitRegisterCode(s, req.ctx, req.body)),
    }),
  });

  app.post('/api/register/unit', {
    config: { access: 'public', ...limited },
    schema: {
      tags: ['注册'],
      summary: '单位注册：短信验证注册',
      body: unitRegisterRequest,
      response: { 200: registeredResponse },
    },
    handler: (req) => registration.registerUnit(s, req.ctx, req.body),
  });
}
