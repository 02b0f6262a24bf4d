import type {
  AuthorityRecordList,
  AuthorityRecordsQuery,
  achievementInput,
  batchResult,
  declaredRecordsQuery,
  employerRecordInput,
  institutionList,
  myRecordsQuery,
  queryRecordsQuery,
  recordAttachment,
  recordCorrectionRequest,
  recordDetail,
  recordInput,
  recordList,
  recordListItem,
  recordReviewRequest,
  reviewRecordsQuery,
  StaffListItem,
} from '@ce/shared';
import type { z } from 'zod';
import { api, type Query } from './client';
import type { Paged, UploadedFile } from './types';

export type RecordListItem = z.infer<typeof recordListItem>;
export type RecordList = z.infer<typeof recordList>;
export type RecordDetail = z.infer<typeof recordDetail>;
export type RecordAttachment = z.infer<typeof recordAttachment>;
export type RecordInput = z.input<typeof recordInput>;
export type EmployerRecordInput = z.input<typeof employerRecordInput>;
export type AchievementInput = z.input<typeof achievementInput>;
export type RecordReviewRequest = z.input<typeof recordReviewRequest>;
export type RecordCorrectionRequest = z.input<typeof recordCorrectionRequest>;
export type BatchResult = z.infer<typeof batchResult>;
export type Institution = z.infer<typeof institutionList>['items'][number];
export type MyRecordsQuery = Partial<z.input<typeof myRecordsQuery>>;
export type DeclaredRecordsQuery = Partial<z.input<typeof declaredRecordsQuery>>;
export type ReviewRecordsQuery = Partial<z.input<typeof reviewRecordsQuery>>;
export type QueryRecordsQuery = Partial<z.input<typeof queryRecordsQuery>>;

/** One row of the employer's staff picker (GET /api/employer/staff); the ID number is masked. */
export type StaffOption = StaffListItem;

const enc = encodeURIComponent;

/**
 * What a record editor needs from its owner's endpoints: the person's own records
 * (/records) or the employer's declarations for its staff (/employer/records).
 */
export interface RecordEndpoints {
  get: (id: string) => Promise<RecordDetail>;
  /** 保存 of an existing record (the detail as loaded, for what the form does not hold) */
  update: (detail: RecordDetail, body: RecordInput) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
  attach: (id: string, body: { fileId: string; name: string }) => Promise<unknown>;
  detach: (id: string, attachmentId: string) => Promise<unknown>;
}

function endpoints(base: '/records' | '/employer/records'): Omit<RecordEndpoints, 'update'> {
  return {
    get: (id) => api.get<RecordDetail>(`${base}/${enc(id)}`),
    remove: (id) => api.delete<unknown>(`${base}/${enc(id)}`),
    attach: (id, body) => api.post<unknown>(`${base}/${enc(id)}/attachments`, body),
    detach: (id, attachmentId) => api.delete<unknown>(`${base}/${enc(id)}/attachments/${enc(attachmentId)}`),
  };
}

/** 继续教育记录 of the signed-in person (manual 001 §3.3.1). */
export const myRecordsApi = {
  ...endpoints('/records'),
  update: (detail: RecordDetail, body: RecordInput) => api.put<unknown>(`/records/${enc(detail.id)}`, body),
  list: (query: MyRecordsQuery) => api.get<RecordList>('/records/mine', query as Query),
  create: (body: RecordInput) => api.post<RecordDetail>('/records', body),
  createAchievement: (body: AchievementInput) => api.post<RecordDetail>('/records/achievements', body),
  submit: (id: string) => api.post<unknown>(`/records/${enc(id)}/submit`),
  withdraw: (id: string) => api.post<unknown>(`/records/${enc(id)}/withdraw`),
};

/** 继续教育记录申报 by the employer for its staff (manual 003 §1.6.1), 培训信息维护 and 查询 (§1.9.2). */
export const employerRecordsApi = {
  ...endpoints('/employer/records'),
  /** PUT takes the staff member again (employerRecordInput) */
  update: (detail: RecordDetail, body: RecordInput) =>
    api.put<unknown>(`/employer/records/${enc(detail.id)}`, {
      ...body,
      professionalId: detail.professionalId,
    }),
  list: (query: DeclaredRecordsQuery) => api.get<RecordList>('/employer/records', query as Query),
  create: (body: EmployerRecordInput) => api.post<RecordDetail>('/employer/records', body),
  /** 确认: the hours are granted at once */
  confirm: (id: string) => api.post<unknown>(`/employer/records/${enc(id)}/confirm`),
  correct: (id: string, body: RecordCorrectionRequest) =>
    api.post<unknown>(`/employer/records/${enc(id)}/correct`, body),
  query: (query: QueryRecordsQuery) => api.get<RecordList>('/employer/records/query', query as Query),
  exportUrl: '/api/employer/records/query/export',
  staff: (query: { name?: string; idNumber?: string; page?: number; pageSize?: number }) =>
    api.get<Paged<StaffOption>>('/employer/staff', query),
};

/** 继续教育记录认定 (manual 003 §1.6.3). */
export const reviewRecordsApi = {
  list: (query: ReviewRecordsQuery) => api.get<RecordList>('/review/records', query as Query),
  /** 导出Excel: takes the same filters as `list`, 审核状态 included */
  exportUrl: '/api/review/records/export',
  get: (id: string) => api.get<RecordDetail>(`/review/records/${enc(id)}`),
  review: (id: string, body: RecordReviewRequest) =>
    api.post<unknown>(`/review/records/${enc(id)}/review`, body),
  batch: (body: { ids: string[]; decision: RecordReviewRequest['decision']; opinion?: string }) =>
    api.post<BatchResult>('/review/records/batch', body),
};

/** 施教机构名称 picker and the 附件材料 upload shared by every record page. */
export const recordSupportApi = {
  institutions: (name?: string) => api.get<{ items: Institution[] }>('/institutions', { name }),
  uploadFile: (file: File) => {
    const data = new FormData();
    data.append('purpose', 'ce_record');
    data.append('file', file);
    return api.upload<UploadedFile>('/files', data);
  },
};

/** 继续教育记录查询 of an authority (manual 002 §1.7.1): its series, its region. */
export const authorityRecordsApi = {
  list: (query: Partial<AuthorityRecordsQuery>) =>
    api.get<AuthorityRecordList>('/authority/records', query as Query),
  get: (id: string) => api.get<RecordDetail>(`/authority/records/${encodeURIComponent(id)}`),
  exportUrl: '/api/authority/records/export',
};
