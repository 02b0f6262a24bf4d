import type {
  InstitutionProfile,
  institutionApplicationRequest,
  institutionProfileUpdateRequest,
  QualificationDetail,
  QualificationItem,
  QualificationRequest,
  QualificationReviewQuery,
  ReviewDecision,
} from '@ce/shared';
import type { z } from 'zod';
import { api, type Query } from './client';
import type { BatchResult } from './records';
import type { Ok, Paged, UploadedFile } from './types';

export type { InstitutionProfile, QualificationDetail, QualificationItem };
export type InstitutionApplicationInput = z.input<typeof institutionApplicationRequest>;
export type InstitutionProfileUpdateInput = z.input<typeof institutionProfileUpdateRequest>;

const APPLICATION = '/orgs/institution-application';
const MINE = '/institution/qualifications';
const REVIEW = '/review/qualifications';
const enc = encodeURIComponent;

/** 施教机构角色申请 and 施教机构信息维护. */
export const institutionsApi = {
  application: () => api.get<InstitutionProfile>(APPLICATION),
  saveApplication: (body: InstitutionApplicationInput) => api.put<InstitutionProfile>(APPLICATION, body),
  /** uploads the 统一社会信用代码证 / 办学许可 (POST /api/files purpose licence) and attaches it */
  uploadLicence: async (file: File) => {
    const data = new FormData();
    data.append('purpose', 'licence');
    data.append('file', file);
    const stored = await api.upload<UploadedFile>('/files', data);
    return api.post<InstitutionProfile>(`${APPLICATION}/licence`, { licenceFileId: stored.id });
  },
  confirmApplication: () => api.post<Ok>(`${APPLICATION}/confirm`),
  profile: () => api.get<InstitutionProfile>('/institution/profile'),
  updateProfile: (body: InstitutionProfileUpdateInput) =>
    api.put<InstitutionProfile>('/institution/profile', body),
};

/** 专业培训资格申请 (the institution's own 申请培训专业 rows). */
export const qualificationsApi = {
  list: () => api.get<Paged<QualificationItem>>(MINE),
  get: (id: string) => api.get<QualificationDetail>(`${MINE}/${enc(id)}`),
  create: (body: QualificationRequest) => api.post<QualificationDetail>(MINE, body),
  update: (id: string, body: QualificationRequest) =>
    api.put<QualificationDetail>(`${MINE}/${enc(id)}`, body),
  remove: (id: string) => api.delete<Ok>(`${MINE}/${enc(id)}`),
  submit: (id: string) => api.post<QualificationDetail>(`${MINE}/${enc(id)}/submit`),
  withdraw: (id: string) => api.post<QualificationDetail>(`${MINE}/${enc(id)}/withdraw`),
};

/** 施教机构专业培训资格审核 (the authority). */
export const qualificationReviewApi = {
  list: (query: Partial<QualificationReviewQuery>) =>
    api.get<Paged<QualificationItem>>(REVIEW, query as Query),
  exportUrl: `/api${REVIEW}/export`,
  get: (id: string) => api.get<QualificationDetail>(`${REVIEW}/${enc(id)}`),
  review: (id: string, body: { decision: ReviewDecision; opinion?: string; version?: number }) =>
    api.post<QualificationDetail>(`${REVIEW}/${enc(id)}/review`, body),
  batch: (body: { ids: string[]; decision: ReviewDecision; opinion?: string }) =>
    api.post<BatchResult>(`${REVIEW}/batch`, body),
};
