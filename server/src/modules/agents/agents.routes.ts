import { agenciesResponse, bindRequest, idParam, okResponse, unitAgentsResponse } from '@ce/shared';
import { z } from 'zod';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import * as agents from './agents.service';

const ok = { ok: true as const };

export function agentRoutes(app: Api, s: Services) {
  const unitTags = ['子账号信息'];
  app.get('/api/unit/agents', {
    config: { access: 'unit.agents' },
    schema: { tags: unitTags, summary: '子账号信息', response: { 200: unitAgentsResponse } },
    handler: async (req) => ({ items: await agents.listUnitAgents(s, actorOf(req)) }),
  });
  app.post('/api/unit/agents', {
    config: { access: 'unit.agents' },
    schema: {
      tags: unitTags,
      summary: '新增绑定',
      body: bindRequest,
      response: { 200: z.object({ id: z.string() }) },
    },
    handler: (req) => agents.requestBinding(s, req.ctx, actorOf(req), req.body),
  });
  app.post('/api/unit/agents/:id/authorize', {
    config: { access: 'unit.agents' },
    schema: { tags: unitTags, summary: '授权', params: idParam, response: { 200: okResponse } },
    handler: async (req) => {
      await agents.setAuthorized(s, req.ctx, actorOf(req), req.params.id, true);
      return ok;
    },
  });
  app.post('/api/unit/agents/:id/unauthorize', {
    config: { access: 'unit.agents' },
    schema: { tags: unitTags, summary: '取消授权', params: idParam, response: { 200: okResponse } },
    handler: async (req) => {
      await agents.setAuthorized(s, req.ctx, actorOf(req), req.params.id, false);
      return ok;
    },
  });
  app.delete('/api/unit/agents/:id', {
    config: { access: 'unit.agents' },
    schema: { tags: unitTags, summary: '取消绑定', params: idParam, response: { 200: okResponse } },
    handler: async (req) => {
      await agents.cancel(s, req.ctx, actorOf(req), req.params.id);
      return ok;
    },
  });

  const personTags = ['我经办的单位账号信息'];
  app.get('/api/me/agencies', {
    config: { access: 'agent.respond' },
    schema: { tags: personTags, summary: '我经办的单位账号信息', response: { 200: agenciesResponse } },
    handler: async (req) => ({ items: await agents.listAgencies(s, actorOf(req)) }),
  });
  app.post('/api/me/agencies/:id/accept', {
    config: { access: 'agent.respond' },
    schema: { tags: personTags, summary: '通过绑定申请', params: idParam, response: { 200: okResponse } },
    handler: async (req) => {
      await agents.respond(s, req.ctx, actorOf(req), req.params.id, true);
      return ok;
    },
  });
  app.post('/api/me/agencies/:id/reject', {
    config: { access: 'agent.respond' },
    schema: { tags: personTags, summary: '拒绝绑定申请', params: idParam, response: { 200: okResponse } },
    handler: async (req) => {
      await agents.respond(s, req.ctx, actorOf(req), req.params.id, false);
      return ok;
    },
  });
}
