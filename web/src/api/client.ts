import type { ErrorBody, ErrorCode, FieldError } from '@ce/shared';

/** Every failed request ends up as one of these; `useApiError` shows it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly fields: FieldError[];

  constructor(
    status: number,
    body: Pick<ErrorBody, 'message'> & { code: ErrorCode | 'NETWORK' },
    fields: FieldError[] = [],
  ) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = fields;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  query?: Query;
  body?: unknown;
  formData?: FormData;
}

const CSRF_COOKIE = 'ce_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Session-level reactions, installed once by the AccessProvider. */
export interface ApiEventHandlers {
  onUnauthenticated?: () => void;
  onPasswordChangeRequired?: () => void;
}
let handlers: ApiEventHandlers = {};
export function setApiEventHandlers(next: ApiEventHandlers): void {
  handlers = next;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The server sets the CSRF cookie on any GET; fetch the session once if we have none yet. */
export async function csrfToken(refresh = false): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing && !refresh) return existing;
  await fetch('/api/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  return readCookie(CSRF_COOKIE) ?? '';
}

function buildUrl(path: string, query?: Query): string {
  const url = `/api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function send(method: Method, path: string, opts: RequestOptions, refreshCsrf: boolean) {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.formData) {
    body = opts.formData;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET') headers[CSRF_HEADER] = await csrfToken(refreshCsrf);
  return fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' });
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

function toApiError(status: number, payload: unknown): ApiError {
  if (isErrorBody(payload)) return new ApiError(status, payload, payload.fields ?? []);
  const message = status >= 500 ? '服务器繁忙，请稍后重试' : `请求失败（${status}）`;
  return new ApiError(status, { code: status >= 500 ? 'INTERNAL' : 'NETWORK', message });
}

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await send(method, path, opts, false);
    if (res.status === 403 && method !== 'GET') {
      const payload = await readJson(res.clone());
      // A stale CSRF cookie (e.g. after the session rotated): fetch a fresh one and retry once.
      if (isErrorBody(payload) && payload.code === 'CSRF') res = await send(method, path, opts, true);
    }
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' });
  }
  const payload = await readJson(res);
  if (res.ok) return payload as T;

  const error = toApiError(res.status, payload);
  if (error.code === 'UNAUTHENTICATED') handlers.onUnauthenticated?.();
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') handlers.onPasswordChangeRequired?.();
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, formData: FormData) => request<T>('POST', path, { formData }),
};

/** URL of a stored file for <img>/<a> (the browser sends the session cookie itself). */
export function fileUrl(id: string): string {
  return `/api/files/${encodeURIComponent(id)}`;
}
