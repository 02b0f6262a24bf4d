import type { ErrorBody } from '@ce/shared';
import type { Db } from '../../server/src/core/db';
import { keepCookies } from '../../server/src/test/client';
import { captchaAnswer } from '../../server/src/test/harness';
import { multipart } from '../../server/src/test/uploads';

export interface HttpRes<T = unknown> {
  status: number;
  body: T;
  /** the error body, when status ≥ 400 */
  error: ErrorBody;
  headers: Headers;
  bytes: Buffer;
}

/** One request of a client, for the bookkeeping of the kill test (times from Date.now()). */
export interface Sent {
  method: string;
  url: string;
  start: number;
  end: number;
  /** 0 when the request failed without an answer (connection reset, timeout) */
  status: number;
}

/** How long one request may take before it counts as failed. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A browser-like client over real HTTP (server/src/test/client.ts does the same over inject): keeps
 * cookies, sends the ce_csrf cookie back in x-csrf-token, reads captcha answers from the database
 * as a person reads the image. `ip` goes out as X-Forwarded-For, so each client is its own
 * "computer" for the per-IP rate limits behind the proxy.
 */
export class HttpClient {
  cookies = new Map<string, string>();
  readonly sent: Sent[] = [];
  constructor(
    public baseUrl: string,
    readonly db: Db,
    readonly ip: string,
  ) {}

  /** The same session against another address (an instance, bypassing the proxy). */
  via(baseUrl: string): HttpClient {
    const c = new HttpClient(baseUrl, this.db, this.ip);
    c.cookies = this.cookies;
    return c;
  }

  async request<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    opts: { payload?: Buffer; contentType?: string } = {},
  ): Promise<HttpRes<T>> {
    if (method !== 'GET' && !this.cookies.has('ce_csrf')) await this.request('GET', '/api/auth/session');
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get('ce_csrf') ?? '';
    let payload: Uint8Array<ArrayBuffer> | string | undefined;
    if (opts.payload) {
      payload = new Uint8Array(opts.payload);
      headers['content-type'] = opts.contentType ?? 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const sent: Sent = { method, url, start: Date.now(), end: 0, status: 0 };
    this.sent.push(sent);
    try {
      const res = await fetch(`${this.baseUrl}${url}`, {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      sent.end = Date.now();
      sent.status = res.status;
      keepCookies(this.cookies, res.headers.getSetCookie());
      const parsed: unknown = (res.headers.get('content-type') ?? '').includes('json')
        ? JSON.parse(bytes.toString('utf8'))
        : bytes.toString('latin1');
      return {
        status: res.status,
        body: parsed as T,
        error: parsed as ErrorBody,
        headers: res.headers,
        bytes,
      };
    } catch (err) {
      sent.end = Date.now();
      throw err;
    }
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = unknown>(url: string, body: unknown = {}) {
    return this.request<T>('POST', url, body);
  }

  /** A multipart upload as a browser sends it (file + fields). */
  upload<T = unknown>(url: string, fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
    const body = multipart(fields, file);
    return this.request<T>('POST', url, undefined, { payload: body.payload, contentType: body.contentType });
  }

  async login(loginName: string, password: string) {
    const cap = await this.get<{ captchaId: string }>('/api/auth/captcha');
    if (cap.status !== 200) throw new Error(`captcha: ${cap.status} ${JSON.stringify(cap.body)}`);
    const captcha = await captchaAnswer({ db: this.db }, cap.body.captchaId);
    const r = await this.post('/api/auth/login', {
      accountType: 'person',
      loginName,
      password,
      captchaId: cap.body.captchaId,
      captcha,
    });
    if (r.status !== 200) throw new Error(`login ${loginName}: ${r.status} ${JSON.stringify(r.body)}`);
  }

  /** 使用选中的单位账号登录 */
  async actFor(unitId: string) {
    const r = await this.post('/api/auth/switch-unit', { unitId });
    if (r.status !== 200) throw new Error(`switch-unit: ${r.status} ${JSON.stringify(r.body)}`);
  }
}
