import {
  attachmentParams,
  attachRequest,
  idParam,
  okResponse,
  type Permission,
  type RecordDetail,
  recordDetail,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import type { DraftEdits } from './records.write';

/**
 * 删除 and 附件材料 新增 / 删除 under `base` (/api/records, /api/employer/records): the same three
 * routes for whoever declared the record, each with its own permission and scope.
 */
export function draftEditRoutes(
  app: Api,
  s: Services,
  opts: { base: string; access: Permission; tags: string[]; deleteSummary: string },
  edits: DraftEdits<RecordDetail>,
) {
  const { base, access, tags } = opts;
  app.delete(`${base}/:id`, {
    config: { access },
    schema: { tags, summary: opts.deleteSummary, params: idParam, response: { 200: okResponse } },
    handler: (req) => edits.remove(s, req.ctx, actorOf(req), req.params.id),
  });

  app.post(`${base}/:id/attachments`, {
    config: { access },
    schema: {
      tags,
      summary: '附件材料新增',
      params: idParam,
      body: attachRequest,
      response: { 200: recordDetail },
    },
    handler: (req) => edits.attach(s, req.ctx, actorOf(req), req.params.id, req.body),
  });

  app.delete(`${base}/:id/attachments/:attachmentId`, {
    config: { access },
    schema: { tags, summary: '附件材料删除', params: attachmentParams, response: { 200: recordDetail } },
    handler: (req) => edits.detach(s, req.ctx, actorOf(req), req.params.id, req.params.attachmentId),
  });
}
