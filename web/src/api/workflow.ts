import type { reviewOpinion, reviewOpinionInput, workflowSettingsDto } from '@ce/shared';
import type { z } from 'zod';
import { api } from './client';
import type { Ok } from './types';

export type ReviewOpinion = z.infer<typeof reviewOpinion>;
export type ReviewOpinionInput = z.input<typeof reviewOpinionInput>;
export type WorkflowSettings = z.infer<typeof workflowSettingsDto>;

/** 批注管理 (canned 审核意见) and the org's 审核设置 (SPEC §5). */
export const workflowApi = {
  opinions: () => api.get<{ items: ReviewOpinion[] }>('/workflow/opinions'),
  createOpinion: (body: ReviewOpinionInput) => api.post<ReviewOpinion>('/workflow/opinions', body),
  updateOpinion: (id: string, body: ReviewOpinionInput) =>
    api.put<ReviewOpinion>(`/workflow/opinions/${encodeURIComponent(id)}`, body),
  deleteOpinion: (id: string) => api.delete<Ok>(`/workflow/opinions/${encodeURIComponent(id)}`),
  settings: () => api.get<WorkflowSettings>('/workflow/settings'),
  saveSettings: (body: WorkflowSettings) => api.put<WorkflowSettings>('/workflow/settings', body),
};
