import {
  authorityRecordList,
  authorityRecordsQuery,
  idParam,
  recordDetail,
  SUBJECT_TYPE_LABELS,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { exportRoute, seqColumn } from '../../core/excel';
import type { Api } from '../../core/http';
import { authorityRecordDetail, authorityRecords } from './records.authority.service';

/** 查询统计 > 继续教育记录查询 of an authority (manual 002 §1.7.1, MANUAL-MAP §3 B16). */
export function authorityRecordRoutes(app: Api, s: Services) {
  const tags = ['继续教育记录查询'];
  const access = 'authority.records' as const;

  app.get('/api/authority/records', {
    config: { access },
    schema: {
      tags,
      summary: '继续教育记录查询（本部门专业系列、本地区单位人员认定通过的记录）',
      querystring: authorityRecordsQuery,
      response: { 200: authorityRecordList },
    },
    handler: (req) => authorityRecords(s, actorOf(req), req.query),
  });

  exportRoute(app, '/api/authority/records/export', {
    access,
    tags,
    summary: '继续教育记录导出Excel',
    querystring: authorityRecordsQuery,
    fileName: '继续教育记录.xlsx',
    rows: async (query, req, page) => (await authorityRecords(s, actorOf(req), query, page)).items,
    columns: [
      seqColumn,
      { header: '姓名', width: 12, value: (r) => r.name },
      { header: '公民身份号码', width: 22, value: (r) => r.idNumber },
      { header: '施教机构名称', width: 28, value: (r) => r.institutionName },
      { header: '课程类型', width: 10, value: (r) => SUBJECT_TYPE_LABELS[r.subjectType] },
      { header: '课程名称', width: 30, value: (r) => r.courseName },
      { header: '拟申报学时', width: 12, value: (r) => r.declaredHours },
      { header: '认定学时', width: 12, value: (r) => r.recognisedHours },
      { header: '年度', width: 8, value: (r) => r.year },
    ],
  });

  app.get('/api/authority/records/:id', {
    config: { access },
    schema: { tags, summary: '继续教育记录查看', params: idParam, response: { 200: recordDetail } },
    handler: (req) => authorityRecordDetail(s, actorOf(req), req.params.id),
  });
}
