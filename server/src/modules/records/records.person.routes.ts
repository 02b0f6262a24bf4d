import {
  achievementInput,
  idParam,
  institutionList,
  institutionQuery,
  myRecordsQuery,
  recordDetail,
  recordInput,
  recordList,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import type { Api } from '../../core/http';
import { draftEditRoutes } from './records.draft.routes';
import * as person from './records.person.service';

/** 继续教育记录 of a person (manual 001 §3.3.1). */
export function personRecordRoutes(app: Api, s: Services) {
  const tags = ['继续教育记录'];
  const access = 'record.self' as const;

  app.get('/api/records/mine', {
    config: { access },
    schema: { tags, summary: '我的继续教育记录', querystring: myRecordsQuery, response: { 200: recordList } },
    handler: (req) => person.listMine(s, actorOf(req), req.query),
  });

  app.post('/api/records', {
    config: { access },
    schema: { tags, summary: '添加继续教育记录（草稿）', body: recordInput, response: { 200: recordDetail } },
    handler: (req) => person.create(s, req.ctx, actorOf(req), req.body),
  });

  app.post('/api/records/achievements', {
    config: { access },
    schema: {
      tags,
      summary: '成果折算学时（专利、专著、省级课题、省级刊物论文）',
      body: achievementInput,
      response: { 200: recordDetail },
    },
    handler: (req) => person.createAchievement(s, req.ctx, actorOf(req), req.body),
  });

  app.get('/api/records/:id', {
    config: { access },
    schema: { tags, summary: '继续教育培训记录查看', params: idParam, response: { 200: recordDetail } },
    handler: (req) => person.detail(s, actorOf(req), req.params.id),
  });

  app.put('/api/records/:id', {
    config: { access },
    schema: {
      tags,
      summary: '修改继续教育记录（草稿或退回时）',
      params: idParam,
      body: recordInput,
      response: { 200: recordDetail },
    },
    handler: (req) => person.update(s, req.ctx, actorOf(req), req.params.id, req.body),
  });

  draftEditRoutes(
    app,
    s,
    { base: '/api/records', access, tags, deleteSummary: '删除继续教育记录' },
    person.ownEdits,
  );

  app.post('/api/records/:id/submit', {
    config: { access },
    schema: {
      tags,
      summary: '确认送审（送本人工作单位审核）',
      params: idParam,
      response: { 200: recordDetail },
    },
    handler: (req) => person.submitRecord(s, req.ctx, actorOf(req), req.params.id),
  });

  app.post('/api/records/:id/withdraw', {
    config: { access },
    schema: { tags, summary: '回收（单位尚未审核时）', params: idParam, response: { 200: recordDetail } },
    handler: (req) => person.withdrawRecord(s, req.ctx, actorOf(req), req.params.id),
  });

  app.get('/api/institutions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: '施教机构名称（已登记的施教机构，按名称最多20条）',
      querystring: institutionQuery,
      response: { 200: institutionList },
    },
    handler: (req) => person.institutions(s, req.query.name),
  });
}
