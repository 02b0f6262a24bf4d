import type { ErrorBody } from '@ce/shared';
import ExcelJS from 'exceljs';
import type { TestApp } from './harness';
import { captchaAnswer } from './harness';

export interface Res<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  /** the error body, when status ≥ 400 */
  error: ErrorBody;
}

/** Applies Set-Cookie headers to a cookie jar as a browser does (an emptied or expired cookie is dropped). */
export function keepCookies(jar: Map<string, string>, setCookies: readonly string[]) {
  for (const c of setCookies) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    const name = pair.slice(0, i);
    const value = pair.slice(i + 1);
    if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
    else jar.set(name, value);
  }
}

/** A browser-like client: keeps cookies and sends the CSRF header, like the web app does. */
export class Client {
  cookies = new Map<string, string>();
  constructor(
    readonly t: TestApp,
    readonly ip = '127.0.0.1',
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; headers?: Record<string, string>; payload?: Buffer } = {},
  ): Promise<Res<T>> {
    if (method !== 'GET' && opts.csrf !== false && !this.cookies.has('ce_csrf'))
      await this.request('GET', '/api/auth/session');
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (method !== 'GET' && opts.csrf !== false) headers['x-csrf-token'] = this.cookies.get('ce_csrf') ?? '';
    const res = await this.t.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(opts.payload ? { payload: opts.payload } : body === undefined ? {} : { payload: body as object }),
    });
    const setCookie = res.headers['set-cookie'];
    keepCookies(this.cookies, Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []);
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('json')) parsed = res.json();
    return { status: res.statusCode, body: parsed as T, headers: res.headers, error: parsed as ErrorBody };
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }

  /** GET of a file (template, 导出Excel, PDF) with this session: status, type, name and raw bytes. */
  async download(url: string) {
    const res = await this.t.app.inject({
      method: 'GET',
      url,
      headers: this.cookies.size ? { cookie: this.cookieHeader() } : {},
      remoteAddress: this.ip,
    });
    return {
      status: res.statusCode,
      type: String(res.headers['content-type'] ?? ''),
      disposition: String(res.headers['content-disposition'] ?? ''),
      bytes: res.rawPayload,
    };
  }

  /**
   * Downloads an 导出Excel with this session: the file name and the first sheet's cells (header
   * row apart; an empty cell is null). Anything but a 200 workbook throws, naming the answer.
   */
  async downloadSheet(url: string) {
    const res = await this.download(url);
    if (res.status !== 200 || !res.type.includes('spreadsheetml')) {
      throw new Error(`${url}: expected a workbook, got ${res.status} ${res.bytes.toString('utf8', 0, 200)}`);
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    for (let i = 1; i <= sheet.rowCount; i += 1) {
      const row = sheet.getRow(i);
      rows.push(Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).value ?? null));
    }
    return { disposition: res.disposition, header: rows[0] ?? [], rows: rows.slice(1) };
  }
  post<T = unknown>(url: string, body: unknown = {}) {
    return this.request<T>('POST', url, body);
  }
  put<T = unknown>(url: string, body: unknown = {}) {
    return this.request<T>('PUT', url, body);
  }
  delete<T = unknown>(url: string) {
    return this.request<T>('DELETE', url);
  }

  /** A fresh captcha and its answer. */
  async captcha(): Promise<{ captchaId: string; captcha: string }> {
    const r = await this.get<{ captchaId: string }>('/api/auth/captcha');
    return { captchaId: r.body.captchaId, captcha: await captchaAnswer(this.t, r.body.captchaId) };
  }

  /** 密码找回 step 1: asks for a code for the login name and phone. */
  async requestResetCode(loginName: string, phone: string) {
    return this.post<{ message: string }>('/api/auth/password-reset/sms', {
      loginName,
      phone,
      ...(await this.captcha()),
    });
  }

  async login(loginName: string, password: string, accountType: 'person' | 'unit' = 'person') {
    return this.post('/api/auth/login', { accountType, loginName, password, ...(await this.captcha()) });
  }
}
