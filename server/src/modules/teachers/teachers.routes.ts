import {
  idParam,
  SEX_LABELS,
  TEACHER_STATUS_LABELS,
  teacherBatchResult,
  teacherDetail,
  teacherIdsRequest,
  teacherInput,
  teacherList,
  teacherQuery,
} from '@ce/shared';
import { actorOf } from '../../core/access';
import type { Services } from '../../core/context';
import { exportRoute, seqColumn } from '../../core/excel';
import type { Api } from '../../core/http';
import * as teachers from './teachers.service';

/** 师资管理 > 师资信息维护 of an authority, institution or employer (manual 002 §1.6.1, 003 §1.7.1). */
export function teachersRoutes(app: Api, s: Services) {
  const tags = ['师资信息维护'];
  const access = 'teacher.manage' as const;
  const base = '/api/org/teachers';

  app.get(base, {
    config: { access },
    schema: {
      tags,
      summary: '师资信息列表（本单位的教师）',
      querystring: teacherQuery,
      response: { 200: teacherList },
    },
    handler: (req) => teachers.listTeachers(s, actorOf(req), req.query),
  });

  exportRoute(app, `${base}/export`, {
    access,
    tags,
    summary: '师资信息导出Excel',
    querystring: teacherQuery,
    fileName: '师资信息.xlsx',
    rows: async (query, req, page) => (await teachers.listTeachers(s, actorOf(req), query, page)).items,
    columns: [
      seqColumn,
      { header: '姓名', width: 12, value: (r) => r.name },
      { header: '性别', width: 8, value: (r) => SEX_LABELS[r.sex] },
      { header: '公民身份号码', width: 22, value: (r) => r.idNumber },
      { header: '联系电话', width: 16, value: (r) => r.contactPhone },
      { header: '可教授课程', width: 40, value: (r) => r.teachableCourses },
      { header: '职称', width: 12, value: (r) => r.teacherTitle },
      { header: '状态', width: 8, value: (r) => TEACHER_STATUS_LABELS[r.status] },
    ],
  });

  app.post(base, {
    config: { access },
    schema: { tags, summary: '新增教师', body: teacherInput, response: { 200: teacherDetail } },
    handler: (req) => teachers.createTeacher(s, req.ctx, actorOf(req), req.body),
  });

  app.post(`${base}/enable`, {
    config: { access },
    schema: {
      tags,
      summary: '启用（可被选为授课教师或班主任）',
      body: teacherIdsRequest,
      response: { 200: teacherBatchResult },
    },
    handler: (req) => teachers.setEnabled(s, req.ctx, actorOf(req), req.body, true),
  });

  app.post(`${base}/disable`, {
    config: { access },
    schema: {
      tags,
      summary: '禁用（不能再被选为授课教师或班主任）',
      body: teacherIdsRequest,
      response: { 200: teacherBatchResult },
    },
    handler: (req) => teachers.setEnabled(s, req.ctx, actorOf(req), req.body, false),
  });

  app.post(`${base}/delete`, {
    config: { access },
    schema: {
      tags,
      summary: '删除（已被引用的教师不能删除，请禁用）',
      body: teacherIdsRequest,
      response: { 200: teacherBatchResult },
    },
    handler: (req) => teachers.deleteTeachers(s, req.ctx, actorOf(req), req.body),
  });

  app.get(`${base}/:id`, {
    config: { access },
    schema: { tags, summary: '教师信息查看', params: idParam, response: { 200: teacherDetail } },
    handler: (req) => teachers.getTeacher(s, actorOf(req), req.params.id),
  });

  app.put(`${base}/:id`, {
    config: { access },
    schema: {
      tags,
      summary: '修改教师信息',
      params: idParam,
      body: teacherInput,
      response: { 200: teacherDetail },
    },
    handler: (req) => teachers.updateTeacher(s, req.ctx, actorOf(req), req.params.id, req.body),
  });
}
