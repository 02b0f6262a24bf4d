import type {
  AuthorityApplication,
  AuthorityInfo,
  AuthorityQueryItem,
  AuthorityReviewDetail,
  AuthorityReviewItem,
  authorityApplicationRequest,
  authorityProfileUpdateRequest,
  batchResult,
  ReviewDecision,
} from '@ce/shared';
import type { z } from 'zod';
import { api, type Query } from './client';
import type { Paged, UploadedFile } from './types';

export type {
  AuthorityApplication,
  AuthorityInfo,
  AuthorityQueryItem,
  AuthorityReviewDetail,
  AuthorityReviewItem,
};
export type AuthorityApplicationInput = z.input<typeof authorityApplicationRequest>;
export type AuthorityProfileUpdateInput = z.input<typeof authorityProfileUpdateRequest>;
type BatchResult = z.infer<typeof batchResult>;

const enc = encodeURIComponent;
const APPLICATION = '/authority/application';

/** 行业主管角色申请 and 行业主管部门信息维护. */
export const authorityApi = {
  application: () => api.get<AuthorityApplication>(APPLICATION),
  save: (body: AuthorityApplicationInput) => api.put<AuthorityApplication>(APPLICATION, body),
  /** uploads the 统一社会信用代码证 (POST /api/files purpose licence) and attaches it */
  uploadLicence: async (file: File) => {
    const data = new FormData();
    data.append('purpose', 'licence');
    data.append('file', file);
    const stored = await api.upload<UploadedFile>('/files', data);
    return api.post<AuthorityApplication>(`${APPLICATION}/licence`, { licenceFileId: stored.id });
  },
  submit: () => api.post<AuthorityApplication>(`${APPLICATION}/submit`),
  withdraw: () => api.post<AuthorityApplication>(`${APPLICATION}/withdraw`),
  profile: () => api.get<AuthorityInfo>('/authority/profile'),
  updateProfile: (body: AuthorityProfileUpdateInput) => api.put<AuthorityInfo>('/authority/profile', body),
};

/** One review desk: HRSS 行业主管角色审核 or an authority's 下级行业主管部门信息审核. */
export function authorityDeskApi(base: string) {
  return {
    list: (query: Query) => api.get<Paged<AuthorityReviewItem>>(base, query),
    exportUrl: `/api${base}/export`,
    get: (id: string) => api.get<AuthorityReviewDetail>(`${base}/${enc(id)}`),
    review: (id: string, body: { decision: ReviewDecision; opinion?: string; version?: number }) =>
      api.post<AuthorityReviewDetail>(`${base}/${enc(id)}/review`, body),
    batch: (body: { ids: string[]; decision: ReviewDecision; opinion?: string }) =>
      api.post<BatchResult>(`${base}/batch`, body),
  };
}
export type AuthorityDeskApi = ReturnType<typeof authorityDeskApi>;
export const hrssDeskApi = authorityDeskApi('/hrss/authority-reviews');
export const lowerDeskApi = authorityDeskApi('/authority/lower-reviews');

/** 行业主管查询. */
export const authorityQueryApi = {
  list: (query: Query) => api.get<Paged<AuthorityQueryItem>>('/authority/lower', query),
  exportUrl: '/api/authority/lower/export',
  get: (id: string) => api.get<AuthorityInfo>(`/authority/lower/${enc(id)}`),
};
