import type {
  MyHoursResponse,
  RecountJob,
  RecountJobState,
  RecountResponse,
  RequirementListResponse,
  RequirementSaveRequest,
} from '@ce/shared';
import { api } from './client';
import type { Ok } from './types';

export type {
  HoursRecordDto,
  MyHoursResponse,
  RecountJob,
  RecountJobState,
  RecountResponse,
  RequirementListResponse,
  RequirementRuleDto,
  YearVerdictDto,
} from '@ce/shared';

/** 年度学时要求设置 (HRSS), 年度学时情况 and 重新统计学时. */
export const requirementsApi = {
  rules: (history: boolean) =>
    api.get<RequirementListResponse>('/requirements', { history: history ? '1' : undefined }),
  saveRule: (input: RequirementSaveRequest) => api.post<Ok>('/requirements', input),
  deactivateRule: (id: string) => api.post<Ok>(`/requirements/${encodeURIComponent(id)}/deactivate`),

  myHours: (query: { year?: number; page: number; pageSize: number }) =>
    api.get<MyHoursResponse>('/hours/mine', query),
  recountMine: () => api.post<RecountResponse>('/hours/recount'),
  recountStaff: () => api.post<RecountResponse>('/employer/hours/recount'),
  /** HRSS: the region's recount runs in the background; its state is polled */
  recountRegion: () => api.post<RecountJob>('/hrss/hours/recount'),
  regionRecount: () => api.get<RecountJobState>('/hrss/hours/recount'),
};
