import {
  FILE_MAX_BYTES,
  importJob,
  importJobListQuery,
  importJobListResponse,
  importJobParam,
  importStarted,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { AppError } from '../../core/errors';
import { toXlsx, xlsxHeaders } from '../../core/excel';
import type { Api } from '../../core/http';
import { readSinglePart } from '../../core/upload-part';
import { importJobDefinition } from './imports.job';
import * as imports from './imports.service';
import { buildTemplate } from './imports.workbook';

const noFile = () =>
  new AppError('VALIDATION', '文件：请选择要上传的模板文件', [
    { field: 'file', label: '文件', message: '请选择要上传的模板文件' },
  ]);

/** 继续教育记录批量申报 (manual 003 §1.6.2): 模板下载 → 上传模板 → 数据入库. */
export function importsRoutes(app: Api, s: Services) {
  const tags = ['继续教育记录批量申报'];
  s.jobs.define(importJobDefinition(s));

  app.get('/api/imports/records/template', {
    config: { access: 'record.declare' },
    schema: { tags, summary: '模板下载' },
    handler: async (_req, reply) =>
      reply.headers(xlsxHeaders('继续教育记录批量申报模板.xlsx')).send(await buildTemplate()),
  });

  app.post('/api/imports/records', {
    config: { access: 'record.declare' },
    schema: {
      tags,
      summary: '上传模板（multipart：file，.xlsx，不超过10MB）；返回导入批次，校验与入库在后台进行',
      consumes: ['multipart/form-data'],
      response: { 200: importStarted },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const part = await readSinglePart(req, { maxBytes: FILE_MAX_BYTES });
      if (!part) throw noFile();
      return imports.startImport(s, req.ctx, actor, {
        fileName: part.filename || '未命名.xlsx',
        bytes: part.bytes,
      });
    },
  });

  app.get('/api/imports/records', {
    config: { access: 'record.declare' },
    schema: {
      tags,
      summary: '导入记录',
      querystring: importJobListQuery,
      response: { 200: importJobListResponse },
    },
    handler: (req) => imports.jobs(s, actorOf(req), req.query),
  });

  app.get('/api/imports/records/:jobId', {
    config: { access: 'record.declare' },
    schema: { tags, summary: '导入进度与结果', params: importJobParam, response: { 200: importJob } },
    handler: (req) => imports.findJob(s, actorOf(req), req.params.jobId),
  });

  app.get('/api/imports/records/:jobId/errors.xlsx', {
    config: { access: 'record.declare' },
    schema: { tags, summary: '导出错误报告', params: importJobParam },
    handler: async (req, reply) => {
      const { errors } = await imports.jobErrors(s, actorOf(req), req.params.jobId);
      const xlsx = await toXlsx(
        '错误报告',
        [
          { header: '行号', width: 8, value: (e) => e.row },
          { header: '列', width: 16, value: (e) => e.column },
          { header: '错误原因', width: 60, value: (e) => e.message },
        ],
        errors,
      );
      return reply.headers(xlsxHeaders('继续教育记录批量申报错误报告.xlsx')).send(xlsx);
    },
  });
}
