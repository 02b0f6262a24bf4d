import type {
  batchResult,
  EmployerBrief,
  MyProfileResponse,
  myProfileRequest,
  mySubmitRequest,
  PendingStaffItem,
  ProfessionalDetail,
  StaffListItem,
  StaffListQuery,
  staffCreateRequest,
  staffUpdateRequest,
} from '@ce/shared';
import type { z } from 'zod';
import { api } from './client';
import type { Ok, Paged } from './types';

export type { EmployerBrief, MyProfileResponse, PendingStaffItem, ProfessionalDetail, StaffListItem };
export type MyProfileInput = z.input<typeof myProfileRequest>;
export type MySubmitInput = z.input<typeof mySubmitRequest>;
export type StaffCreateInput = z.input<typeof staffCreateRequest>;
export type StaffUpdateInput = z.input<typeof staffUpdateRequest>;
export type StaffQuery = Partial<StaffListQuery>;
export type BatchResult = z.infer<typeof batchResult>;

interface SaveResponse {
  message: string;
  profile: ProfessionalDetail;
}

const id = (value: string) => encodeURIComponent(value);

/** 人员基本信息维护 (the person) and 专业技术人员信息管理 (the employer). */
export const peopleApi = {
  myProfile: () => api.get<MyProfileResponse>('/people/me'),
  saveMyProfile: (body: MyProfileInput) => api.put<SaveResponse>('/people/me', body),
  submitMyProfile: (body: MySubmitInput) => api.post<SaveResponse>('/people/me/submit', body),
  employers: (name?: string) => api.get<EmployerBrief[]>('/people/employers', { name }),

  pendingStaff: (query: StaffQuery) =>
    api.get<Paged<PendingStaffItem>>('/employer/staff-confirmations', { ...query }),
  confirmStaff: (staffId: string) => api.post<Ok>(`/employer/staff-confirmations/${id(staffId)}/confirm`),
  rejectStaff: (staffId: string) => api.post<Ok>(`/employer/staff-confirmations/${id(staffId)}/reject`),
  confirmStaffBatch: (ids: string[]) =>
    api.post<BatchResult>('/employer/staff-confirmations/confirm', { ids }),

  staff: (query: StaffQuery) => api.get<Paged<StaffListItem>>('/employer/staff', { ...query }),
  /** 导出Excel of 单位人员基本信息 (ListPage adds the search filters) */
  staffExportUrl: '/api/employer/staff/export',
  staffDetail: (staffId: string) => api.get<ProfessionalDetail>(`/employer/staff/${id(staffId)}`),
  addStaff: (body: StaffCreateInput) => api.post<ProfessionalDetail>('/employer/staff', body),
  updateStaff: (staffId: string, body: StaffUpdateInput) =>
    api.put<ProfessionalDetail>(`/employer/staff/${id(staffId)}`, body),
  unbindStaff: (staffId: string) => api.post<Ok>(`/employer/staff/${id(staffId)}/unbind`),
};
