import type { Db } from '../src/core/db';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { keepCookies } from '../src/test/client';
import { captchaAnswer } from '../src/test/harness';
import { multipart } from '../src/test/uploads';

/**
 * A real session on the app over HTTP, as a browser holds it: logged in with the captcha (its
 * answer read from the database), optionally 使用选中的单位账号登录; its cookies and CSRF token
 * are what the load sends.
 */
export class HttpSession {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  get cookie() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get csrf() {
    return this.cookies.get('ce_csrf') ?? '';
  }
  /** the headers of a request in this session (a write also carries the CSRF token) */
  headers(write = false): Record<string, string> {
    return { cookie: this.cookie, ...(write ? { 'x-csrf-token': this.csrf } : {}) };
  }

  async request<T = unknown>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    upload?: { name: string; bytes: Buffer },
  ): Promise<{ status: number; body: T }> {
    if (method !== 'GET' && !this.cookies.has('ce_csrf')) await this.request('GET', '/api/auth/session');
    const headers = this.headers(method !== 'GET');
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (upload) {
      const m = multipart({}, upload);
      payload = new Uint8Array(m.payload);
      headers['content-type'] = m.contentType;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body: payload });
    keepCookies(this.cookies, res.headers.getSetCookie());
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, body: (json ? JSON.parse(text) : text) as T };
  }

  /** the answer, or an error naming the request and what came back */
  async ok<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const r = await this.request<T>(method, path, body);
    if (r.status !== 200)
      throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return r.body;
  }

  static async login(base: string, db: Db, loginName: string, unitId?: string): Promise<HttpSession> {
    const s = new HttpSession(base);
    const { captchaId } = await s.ok<{ captchaId: string }>('GET', '/api/auth/captcha');
    const captcha = await captchaAnswer({ db }, captchaId);
    const login = { accountType: 'person', loginName, password: DEMO_PASSWORD, captchaId, captcha };
    await s.ok('POST', '/api/auth/login', login);
    if (unitId) await s.ok('POST', '/api/auth/switch-unit', { unitId });
    return s;
  }

  /** 批量申报导入 over HTTP: uploads the workbook and polls until the job is done. */
  async importAndWait(bytes: Buffer) {
    const up = await this.request<{ jobId: string }>('POST', '/api/imports/records', undefined, {
      name: 'bench.xlsx',
      bytes,
    });
    if (up.status !== 200) throw new Error(`导入上传失败 ${up.status} ${JSON.stringify(up.body)}`);
    for (;;) {
      const j = await this.ok<{ status: string; message: string | null }>(
        'GET',
        `/api/imports/records/${up.body.jobId}`,
      );
      if (j.status === 'done') return;
      if (j.status === 'invalid' || j.status === 'failed') throw new Error(`导入未成功：${j.message}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
