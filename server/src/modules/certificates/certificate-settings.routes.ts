import { certificateSettings, certificateSettingsSaveRequest, FILE_MAX_BYTES } from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import { readSinglePart } from '../../core/upload-part';
import * as settings from './certificate-settings.service';

/** 证书设置 (人社部门): 发证机关 and 公章 printed on the certificates of its region. */
export function certificateSettingsRoutes(app: Api, s: Services) {
  const tags = ['证书设置'];
  const access = 'certificate.settings' as const;
  const response = { 200: certificateSettings };

  app.get('/api/hrss/certificate-settings', {
    config: { access },
    schema: { tags, summary: '本地区证书设置（发证机关、公章）', response },
    handler: (req) => settings.get(s, actorOf(req)),
  });

  app.put('/api/hrss/certificate-settings', {
    config: { access },
    schema: { tags, summary: '保存发证机关', body: certificateSettingsSaveRequest, response },
    handler: (req) => settings.save(s, req.ctx, actorOf(req), req.body),
  });

  app.post('/api/hrss/certificate-settings/seal', {
    config: { access },
    schema: {
      tags,
      summary: '上传公章图片（multipart：file；PNG或JPEG，不超过1MB，建议透明背景PNG）',
      consumes: ['multipart/form-data'],
      response,
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const part = await readSinglePart(req, { maxBytes: FILE_MAX_BYTES });
      return settings.uploadSeal(s, req.ctx, actor, part);
    },
  });

  app.delete('/api/hrss/certificate-settings/seal', {
    config: { access },
    schema: { tags, summary: '删除公章', response },
    handler: (req) => settings.deleteSeal(s, req.ctx, actorOf(req)),
  });

  app.get('/api/hrss/certificate-settings/seal', {
    config: { access },
    schema: { tags, summary: '公章图片（预览）' },
    handler: async (req, reply) => {
      const { bytes, mime } = await settings.sealImage(s, actorOf(req));
      return reply
        .type(mime)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  });
}
