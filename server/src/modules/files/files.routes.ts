import { FILE_MAX_BYTES, idParam, uploadedFile } from '@ce/shared';
import { actorOf } from '../../core/access';
import { audit } from '../../core/audit';
import type { Actor, Services } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { findUpload, readUpload, saveUpload } from '../../core/files';
import type { Api } from '../../core/http';
import { readSinglePart } from '../../core/upload-part';
import { orgFileReadable } from '../orgs/orgs.files';
import { reviewerMaySeeFile } from '../realname/realname.service';
import { recordFileReadable } from '../records/records.files';

/** Purposes an upload may be for, and who may upload for it. */
const PURPOSES: Record<string, (a: Actor) => boolean> = {
  realname: (a) => a.permissions.has('realname.apply'),
  /** 营业执照 / 统一社会信用代码证 of a role application */
  licence: (a) => a.permissions.has('role.apply'),
  /** 附件材料 of a CE record */
  ce_record: (a) =>
    a.permissions.has('record.self') ||
    a.permissions.has('record.declare') ||
    a.permissions.has('record.correct'),
};

/** Who may download a file: its owner, or a reviewer whose object uses it and is in scope. */
async function mayRead(s: Services, actor: Actor, file: { ownerId: string; id: string }) {
  if (file.ownerId === actor.accountId && !actor.actingUnit) return true;
  return (
    (await reviewerMaySeeFile(s, actor, file.id)) ||
    (await orgFileReadable(s, actor, file.id)) ||
    (await recordFileReadable(s, actor, file.id))
  );
}

export function fileRoutes(app: Api, s: Services) {
  app.post('/api/files', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['附件'],
      summary: '上传附件（multipart：file, purpose）；仅 PDF/JPG/PNG，不超过10MB',
      consumes: ['multipart/form-data'],
      response: { 200: uploadedFile },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const part = await readSinglePart(req, { maxBytes: FILE_MAX_BYTES });
      if (!part)
        throw new AppError('VALIDATION', '文件：请选择要上传的文件', [
          { field: 'file', label: '文件', message: '请选择文件' },
        ]);
      const { bytes } = part;
      const purpose = part.fields.purpose ?? '';
      // own keys only: 'constructor' or 'toString' is no purpose
      const allowed = Object.hasOwn(PURPOSES, purpose) ? PURPOSES[purpose] : undefined;
      if (!allowed)
        throw new AppError('VALIDATION', '文件用途：不支持的文件用途', [
          { field: 'purpose', label: '文件用途', message: '不支持的文件用途' },
        ]);
      if (!allowed(actor)) throw new AppError('FORBIDDEN', '无权上传此类附件');
      return s.db.transaction(async (tx) => {
        const saved = await saveUpload(tx, s.files, {
          ownerId: actor.accountId,
          purpose,
          name: part.filename,
          bytes,
        });
        await audit(tx, req.ctx, {
          action: 'file.upload',
          objectType: 'file',
          objectId: saved.id,
          detail: { purpose, size: saved.size },
        });
        return saved;
      });
    },
  });

  app.get('/api/files/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['附件'], summary: '下载附件', params: idParam },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const file = await findUpload(s.db, req.params.id);
      if (!file || !(await mayRead(s, actor, file))) throw notFound('附件');
      const bytes = await readUpload(s.files, file);
      reply
        .header('content-type', file.mime)
        // 下载 saves the file under its name (an <img> still shows it; certificates have their own route)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff');
      return reply.send(bytes);
    },
  });
}
