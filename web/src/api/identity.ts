import { api } from './client';
import type {
  ActingUnitOption,
  Captcha,
  ChangePasswordRequest,
  LoginRequest,
  Ok,
  RegionNode,
  Registered,
  RegisterPersonRequest,
  ResetPasswordRequest,
  ResetSmsRequest,
  SessionInfo,
  SmsSent,
  UnitAgentCheck,
  UnitAgentCheckRequest,
  UnitInfo,
  UnitRegisterRequest,
} from './types';

interface SessionResult {
  session: SessionInfo;
}

/** 统一认证: login, session, password and registration (SPEC §2). */
export const identityApi = {
  captcha: () => api.get<Captcha>('/auth/captcha'),
  session: () => api.get<{ session: SessionInfo | null }>('/auth/session'),
  login: (body: LoginRequest) => api.post<SessionResult>('/auth/login', body),
  logout: () => api.post<Ok>('/auth/logout'),
  actingUnits: () => api.get<{ items: ActingUnitOption[] }>('/auth/acting-units'),
  switchUnit: (unitId: string) => api.post<SessionResult>('/auth/switch-unit', { unitId }),
  switchPerson: () => api.post<SessionResult>('/auth/switch-person'),
  changePassword: (body: ChangePasswordRequest) => api.post<Ok>('/auth/password', body),
  resetSms: (body: ResetSmsRequest) => api.post<SmsSent>('/auth/password-reset/sms', body),
  resetPassword: (body: ResetPasswordRequest) => api.post<Ok>('/auth/password-reset', body),

  registerPerson: (body: RegisterPersonRequest) => api.post<Registered>('/register/person', body),
  unitAgentCheck: (body: UnitAgentCheckRequest) =>
    api.post<UnitAgentCheck>('/register/unit/agent-check', body),
  unitSms: (body: UnitInfo) => api.post<SmsSent>('/register/unit/sms', body),
  registerUnit: (body: UnitRegisterRequest) => api.post<Registered>('/register/unit', body),

  regions: (parent: string) => api.get<{ items: RegionNode[] }>('/regions', { parent }),
};
