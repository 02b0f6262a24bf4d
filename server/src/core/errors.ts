import { ERROR_CODES, type ErrorBody, type ErrorCode, FIELD_LABELS, type FieldError } from '@ce/shared';

/** The one error type of the server: a stable code, an HTTP status and a Chinese message. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.status = ERROR_CODES[code];
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export function fieldLabel(path: string): string {
  const last = path.split('.').pop() ?? path;
  return FIELD_LABELS[last] ?? FIELD_LABELS[path] ?? path;
}

/** A validation error on one field, named in the message. */
export function fieldError(field: string, message: string, code: ErrorCode = 'VALIDATION'): AppError {
  const label = fieldLabel(field);
  return new AppError(code, `${label}：${message}`, [{ field, label, message }]);
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (message = '无权执行此操作') => new AppError('FORBIDDEN', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const invalidState = (message: string) => new AppError('INVALID_STATE', message);
