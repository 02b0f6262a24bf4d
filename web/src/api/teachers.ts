import type {
  TeacherBatchResult,
  TeacherDetail,
  TeacherListItem,
  TeacherQuery,
  teacherInput,
} from '@ce/shared';
import type { z } from 'zod';
import { api } from './client';
import type { Paged } from './types';

export type { TeacherBatchResult, TeacherDetail, TeacherListItem };
export type TeacherInput = z.input<typeof teacherInput>;

const id = (teacherId: string) => encodeURIComponent(teacherId);

/** 师资信息维护 (manual 002 §1.6.1, 003 §1.7.1): the acting org's own teachers. */
export const teachersApi = {
  list: (query: Partial<TeacherQuery>) => api.get<Paged<TeacherListItem>>('/org/teachers', { ...query }),
  exportUrl: '/api/org/teachers/export',
  get: (teacherId: string) => api.get<TeacherDetail>(`/org/teachers/${id(teacherId)}`),
  create: (body: TeacherInput) => api.post<TeacherDetail>('/org/teachers', body),
  update: (teacherId: string, body: TeacherInput) =>
    api.put<TeacherDetail>(`/org/teachers/${id(teacherId)}`, body),
  enable: (ids: string[]) => api.post<TeacherBatchResult>('/org/teachers/enable', { ids }),
  disable: (ids: string[]) => api.post<TeacherBatchResult>('/org/teachers/disable', { ids }),
  remove: (ids: string[]) => api.post<TeacherBatchResult>('/org/teachers/delete', { ids }),
};
