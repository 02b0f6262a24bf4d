import type { EmployerProfile, employerApplicationRequest, employerProfileUpdateRequest } from '@ce/shared';
import type { z } from 'zod';
import { api } from './client';
import type { Ok, UploadedFile } from './types';

export type { EmployerProfile };
export type EmployerApplicationInput = z.input<typeof employerApplicationRequest>;
export type EmployerProfileUpdateInput = z.input<typeof employerProfileUpdateRequest>;

const APPLICATION = '/orgs/employer-application';

/** 法人单位角色申请 and 法人单位信息维护. */
export const orgsApi = {
  employerApplication: () => api.get<EmployerProfile>(APPLICATION),
  saveEmployerApplication: (body: EmployerApplicationInput) => api.put<EmployerProfile>(APPLICATION, body),
  /** uploads the 营业执照 (POST /api/files purpose licence) and attaches it to the application */
  uploadLicence: async (file: File) => {
    const data = new FormData();
    data.append('purpose', 'licence');
    data.append('file', file);
    const stored = await api.upload<UploadedFile>('/files', data);
    return api.post<EmployerProfile>(`${APPLICATION}/licence`, { licenceFileId: stored.id });
  },
  confirmEmployerApplication: () => api.post<Ok>(`${APPLICATION}/confirm`),

  employerProfile: () => api.get<EmployerProfile>('/employer/profile'),
  updateEmployerProfile: (body: EmployerProfileUpdateInput) =>
    api.put<EmployerProfile>('/employer/profile', body),
};
