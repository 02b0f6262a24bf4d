import {
  idParam,
  okResponse,
  reviewOpinion,
  reviewOpinionInput,
  reviewOpinionList,
  workflowSettingsDto,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import * as opinions from './workflow.opinions';

/** 批注管理 and 审核设置 of a reviewing org (SPEC §5). */
export function workflowRoutes(app: Api, s: Services) {
  const tags = ['审核流程'];
  const access = 'workflow.settings' as const;

  app.get('/api/workflow/opinions', {
    config: { access },
    schema: { tags, summary: '批注管理：本单位的常用审核意见', response: { 200: reviewOpinionList } },
    handler: (req) => opinions.listOpinions(s, actorOf(req)),
  });

  app.post('/api/workflow/opinions', {
    config: { access },
    schema: { tags, summary: '新增批注', body: reviewOpinionInput, response: { 200: reviewOpinion } },
    handler: (req) => opinions.createOpinion(s, req.ctx, actorOf(req), req.body),
  });

  app.put('/api/workflow/opinions/:id', {
    config: { access },
    schema: {
      tags,
      summary: '修改批注',
      params: idParam,
      body: reviewOpinionInput,
      response: { 200: reviewOpinion },
    },
    handler: (req) => opinions.updateOpinion(s, req.ctx, actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/workflow/opinions/:id', {
    config: { access },
    schema: { tags, summary: '删除批注', params: idParam, response: { 200: okResponse } },
    handler: (req) => opinions.deleteOpinion(s, req.ctx, actorOf(req), req.params.id),
  });

  app.get('/api/workflow/settings', {
    config: { access },
    schema: { tags, summary: '审核设置', response: { 200: workflowSettingsDto } },
    handler: (req) => opinions.getSettings(s, actorOf(req)),
  });

  app.put('/api/workflow/settings', {
    config: { access },
    schema: {
      tags,
      summary: '审核设置：本单位至少有2人审核后此记录才能作最终记录',
      body: workflowSettingsDto,
      response: { 200: workflowSettingsDto },
    },
    handler: (req) => opinions.saveSettings(s, req.ctx, actorOf(req), req.body),
  });
}
