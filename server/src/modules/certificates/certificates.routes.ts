import {
  type CertificateRow,
  certificateListResponse,
  certificateNumberParam,
  certificateParams,
  certificateVerification,
  reissueResponse,
  staffCertificateQuery,
} from '@ce/shared';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { exportRoute, seqColumn } from '../../core/excel';
import { type Api, certificateVerifyRateLimit } from '../../core/http';
import { certificateSettingsRoutes } from './certificate-settings.routes';
import * as printing from './certificates.print';
import { certificateRenderer } from './certificates.renderer';
import * as certificates from './certificates.service';

/** Where the QR code points: PUBLIC_URL when set (behind a proxy), else the origin of the request. */
export function publicBase(s: Services, req: FastifyRequest): string {
  return s.config.publicUrl || `${req.protocol}://${req.host}`;
}

export function certificatesRoutes(app: Api, s: Services) {
  const tags = ['继续教育证书打印'];
  // PDF_WORKERS threads, started with the first PDF, ended with the app
  const renderer = certificateRenderer(s.config.pdfWorkers, { log: app.log });
  app.addHook('onClose', () => renderer.close());
  certificateSettingsRoutes(app, s);

  app.get('/api/certificates/mine', {
    config: { access: 'certificate.self' },
    schema: { tags, summary: '我的继续教育证书（按年度）', response: { 200: certificateListResponse } },
    handler: (req) => certificates.listMine(s, actorOf(req)),
  });

  app.get('/api/employer/certificates', {
    config: { access: 'certificate.staff' },
    schema: {
      tags,
      summary: '本单位专业技术人员继续教育证书（按人员、年度）',
      querystring: staffCertificateQuery,
      response: { 200: certificateListResponse },
    },
    handler: (req) => certificates.listStaff(s, actorOf(req), req.query),
  });

  const category = (label: string, key: 'public' | 'professional' | 'elective') => [
    { header: `${label}门数`, width: 12, value: (r: CertificateRow) => r[key].courses },
    { header: `${label}学时`, width: 12, value: (r: CertificateRow) => r[key].hours },
  ];
  exportRoute<typeof staffCertificateQuery, CertificateRow>(app, '/api/employer/certificates/export', {
    access: 'certificate.staff',
    tags,
    summary: '本单位继续教育证书列表导出Excel',
    querystring: staffCertificateQuery,
    fileName: '继续教育证书.xlsx',
    rows: async (query, req, page) => (await certificates.listStaff(s, actorOf(req), query, page)).items,
    // the page's columns, in its order and words (门数/学时 under their category, one column each)
    columns: [
      seqColumn,
      { header: '姓名', width: 12, value: (r) => r.name },
      // already masked by the list's presenter
      { header: '公民身份号码', width: 22, value: (r) => r.idNumber },
      { header: '培训年度', width: 10, value: (r) => r.year },
      { header: '专业序列', width: 20, value: (r) => r.series },
      ...category('公需科目', 'public'),
      ...category('专业科目', 'professional'),
      ...category('个人选修科目', 'elective'),
      { header: '总学时', width: 10, value: (r) => r.totalHours },
      {
        header: '年度验证结果',
        width: 28,
        // the list shows the reason on hover; the sheet spells it out
        value: (r) => (r.passed ? '通过' : `不通过（${r.explanation}）`),
      },
      { header: '继续教育证书号', width: 22, value: (r) => r.certificateNumber ?? '未生成' },
    ],
  });

  // the person (own) or an employer agent (its confirmed staff); anyone else gets 404 from the service
  app.get('/api/certificates/:professionalId/:year/pdf', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '打印：继续教育证书PDF（横向A4；无有效证书时先生成）',
      params: certificateParams,
    },
    handler: async (req, reply) => {
      const { pdf, number } = await printing.certificatePdf(
        s,
        req.ctx,
        actorOf(req),
        req.params,
        publicBase(s, req),
        renderer,
      );
      const name = encodeURIComponent(`继续教育证书-${number}.pdf`);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="certificate-${number}.pdf"; filename*=UTF-8''${name}`,
        )
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });

  app.post('/api/certificates/:professionalId/:year/reissue', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '重新生成证书（作废原证书编号并生成新编号）',
      params: certificateParams,
      response: { 200: reissueResponse },
    },
    handler: (req) =>
      certificates.reissue(s, req.ctx, actorOf(req), req.params.professionalId, req.params.year),
  });

  app.get('/api/public/certificates/:number', {
    // answered to QR scanners at a certificate desk: no CSRF cookie to hand out, nothing here writes
    config: {
      access: 'public',
      csrfCookie: false,
      rateLimit: certificateVerifyRateLimit(s.config.certificateVerifyRateLimit),
    },
    schema: {
      tags: ['证书查验'],
      summary: '继续教育证书查验（公开）',
      params: certificateNumberParam,
      response: { 200: certificateVerification },
    },
    handler: (req) => printing.verify(s, req.params.number),
  });
}
