/** Stable error codes shared by the API and the web; the message is always Chinese. */
export const ERROR_CODES = {
  VALIDATION: 400,
  CSRF: 403,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  UNPROCESSABLE: 422,
  CAPTCHA_INVALID: 422,
  BAD_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  SMS_CODE_INVALID: 422,
  REALNAME_LEVEL_TOO_LOW: 422,
  RATE_LIMITED: 429,
  FILE_REJECTED: 422,
  /** the object store (S3, MinIO …) cannot be reached; nothing was saved */
  STORAGE_UNAVAILABLE: 503,
  INTERNAL: 500,
  /** the database (or another backing service) cannot be reached for now; retry later */
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  /** dotted path of the field, e.g. `idNumber` */
  field: string;
  /** Chinese label of the field, e.g. 公民身份号码 */
  label: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  /** the request's id (x-request-id), to find its log lines */
  requestId?: string;
}
