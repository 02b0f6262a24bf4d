import { api } from './client';
import type { Agency, BindRequest, MyRealname, Ok, UnitAgent, UploadedFile } from './types';

/** 账号中心: 实名认证, 我经办的单位账号信息, 子账号信息 (manual 003 §1.1). */
export const accountApi = {
  uploadFile: (file: File, purpose: 'realname') => {
    const data = new FormData();
    data.append('purpose', purpose);
    data.append('file', file);
    return api.upload<UploadedFile>('/files', data);
  },

  myRealname: () => api.get<MyRealname>('/realname/mine'),
  applyRealname: (body: { frontFileId: string; backFileId: string }) =>
    api.post<unknown>('/realname/applications', body),

  agencies: () => api.get<{ items: Agency[] }>('/me/agencies'),
  acceptAgency: (id: string) => api.post<Ok>(`/me/agencies/${encodeURIComponent(id)}/accept`),
  rejectAgency: (id: string) => api.post<Ok>(`/me/agencies/${encodeURIComponent(id)}/reject`),

  agents: () => api.get<{ items: UnitAgent[] }>('/unit/agents'),
  bindAgent: (body: BindRequest) => api.post<unknown>('/unit/agents', body),
  authorizeAgent: (id: string) => api.post<Ok>(`/unit/agents/${encodeURIComponent(id)}/authorize`),
  unauthorizeAgent: (id: string) => api.post<Ok>(`/unit/agents/${encodeURIComponent(id)}/unauthorize`),
  cancelAgent: (id: string) => api.delete<Ok>(`/unit/agents/${encodeURIComponent(id)}`),
};
