// Response and request types of the shared contract (shared/src/api), derived from its zod schemas.
import type {
  actingUnitOption,
  agency,
  auditEvent,
  auditQuery,
  bindRequest,
  captchaResponse,
  changePasswordRequest,
  myRealnameResponse,
  realnameDetail,
  realnameListQuery,
  regionNode,
  registeredResponse,
  resetPasswordRequest,
  resetSmsRequest,
  smsMessage,
  smsSentResponse,
  unitAgent,
  unitAgentCheckRequest,
  unitAgentCheckResponse,
  unitRegisterRequest,
} from '@ce/shared';
import type { z } from 'zod';

export type {
  LoginRequest,
  Paged,
  RealnameApplication,
  RegisterPersonRequest,
  SessionInfo,
  UnitInfo,
  UploadedFile,
} from '@ce/shared';

export type Captcha = z.infer<typeof captchaResponse>;
export type ActingUnitOption = z.infer<typeof actingUnitOption>;
export type ChangePasswordRequest = z.input<typeof changePasswordRequest>;
export type ResetSmsRequest = z.input<typeof resetSmsRequest>;
export type ResetPasswordRequest = z.input<typeof resetPasswordRequest>;
export type SmsSent = z.infer<typeof smsSentResponse>;
export type Registered = z.infer<typeof registeredResponse>;
export type UnitAgentCheckRequest = z.input<typeof unitAgentCheckRequest>;
export type UnitAgentCheck = z.infer<typeof unitAgentCheckResponse>;
export type UnitRegisterRequest = z.input<typeof unitRegisterRequest>;
export type RegionNode = z.infer<typeof regionNode>;

export type MyRealname = z.infer<typeof myRealnameResponse>;
export type RealnameDetail = z.infer<typeof realnameDetail>;
export type RealnameListQuery = Partial<z.infer<typeof realnameListQuery>>;

export type Agency = z.infer<typeof agency>;
export type UnitAgent = z.infer<typeof unitAgent>;
export type BindRequest = z.input<typeof bindRequest>;

export type SmsMessage = z.infer<typeof smsMessage>;
export type AuditEvent = z.infer<typeof auditEvent>;
export type AuditQuery = Partial<z.infer<typeof auditQuery>>;

export interface Ok {
  ok: true;
  message?: string;
}
