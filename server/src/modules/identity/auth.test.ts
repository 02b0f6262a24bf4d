import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, sessions, smsCodes } from '../../db/schema';
import { Client } from '../../test/client';
import { loggedIn, makePerson, makeUnit } from '../../test/factories';
import { lastSmsCode, startTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ authRateLimit: 1000 });
});
afterAll(() => t.close());

const sessionOf = (c: Client) =>
  c.get<{ session: { account: { loginName: string } } | null }>('/api/auth/session');

describe('登录', () => {
  it('logs in with captcha; the cookie is httpOnly + SameSite and the token long', async () => {
    const p = await makePerson(t);
    const c = new Client(t);
    const r = await c.login(p.loginName, p.password);
    expect(r.status).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/ce_session=[A-Za-z0-9_-]{43};/); // 256 bits, base64url
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await sessionOf(c)).body.session?.account.loginName).toBe(p.loginName);
  });

  it('issues a new token at every login', async () => {
    const p = await makePerson(t);
    const c = new Client(t);
    await c.login(p.loginName, p.password);
    const first = c.cookies.get('ce_session');
    await c.login(p.loginName, p.password);
    expect(c.cookies.get('ce_session')).not.toBe(first);
  });

  it('refuses a wrong captcha before looking at the password', async () => {
    const p = await makePerson(t);
    const c = new Client(t);
    const cap = await c.captcha();
    const r = await c.post('/api/auth/login', {
      loginName: p.loginName,
      password: p.password,
      captchaId: cap.captchaId,
      captcha: 'xxxx',
    });
    expect(r.status).toBe(422);
    expect(r.error.message).toBe('验证码错误或已过期，请重新输入');
  });

  it('says the same for an unknown name and a wrong password, and audits both', async () => {
    const p = await makePerson(t);
    const c = new Client(t);
    const unknown = await c.login('nobody_here', 'Whatever12');
    const wrong = await c.login(p.loginName, 'Wrong2468x');
    expect(unknown.status).toBe(401);
    expect(wrong.error.message).toBe(unknown.error.message);
    const failed = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.login_failed'));
    expect(failed.some((e) => e.actorId === p.id && e.outcome === 'failure')).toBe(true);
    expect(JSON.stringify(failed)).not.toContain('Wrong2468x');
  });

  it('locks the account for 1 hour at the 5th failure, says until when, and ends its sessions', async () => {
    const p = await makePerson(t);
    const other = await loggedIn(t, p);
    const c = new Client(t);
    for (let i = 1; i <= 4; i++) expect((await c.login(p.loginName, 'Wrong2468x')).status).toBe(401);
    const fifth = await c.login(p.loginName, 'Wrong2468x');
    expect(fifth.status).toBe(423);
    expect(fifth.error.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.error.message).toMatch(
      /账号已被锁定1小时，请于 \d{4}-\d{1,2}-\d{1,2} \d{2}:\d{2}:\d{2} 后再登录/,
    );
    const sixth = await c.login(p.loginName, p.password); // even the right password
    expect(sixth.status).toBe(423);
    expect((await sessionOf(other)).body.session).toBeNull();
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, p.id));
    const minutes = ((row.lockedUntil?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);
    // an hour later the right password works again
    await t.db
      .update(accounts)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(accounts.id, p.id));
    expect((await c.login(p.loginName, p.password)).status).toBe(200);
  });

  it('resets the failure count after a successful login', async () => {
    const p = await makePerson(t);
    const c = new Client(t);
    for (let i = 0; i < 4; i++) await c.login(p.loginName, 'Wrong2468x');
    expect((await c.login(p.loginName, p.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await c.login(p.loginName, 'Wrong2468x')).status).toBe(401);
  });

  it('keeps person and unit logins apart', async () => {
    const u = await makeUnit(t);
    const c = new Client(t);
    expect((await c.login(u.loginName, u.password, 'person')).status).toBe(401);
    expect((await c.login(u.loginName, u.password, 'unit')).status).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const p = await makePerson(t);
    await t.db.update(accounts).set({ disabled: true }).where(eq(accounts.id, p.id));
    const r = await new Client(t).login(p.loginName, p.password);
    expect(r.status).toBe(403);
    expect(r.error.message).toBe('账号已停用，请联系管理员');
  });
});

/** Moves a session's clock: `interval` is a PostgreSQL interval such as '31 minutes'. */
const age = (accountId: string, column: 'lastSeenAt' | 'expiresAt', interval: string) =>
  t.db
    .update(sessions)
    .set({ [column]: sql`now() - ${interval}::interval` })
    .where(eq(sessions.accountId, accountId));

describe('会话', () => {
  it('logout ends every session of the account', async () => {
    const p = await makePerson(t);
    const elsewhere = await loggedIn(t, p);
    const c = await loggedIn(t, p);
    const token = c.cookies.get('ce_session');
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    const replay = new Client(t);
    replay.cookies.set('ce_session', token ?? '');
    expect((await sessionOf(replay)).body.session).toBeNull();
    expect((await replay.get('/api/realname/mine')).status).toBe(401);
    expect((await sessionOf(elsewhere)).body.session).toBeNull();
  });

  it('ends a session idle for 30 minutes, and any session after 8 hours', async () => {
    const p = await makePerson(t);
    const idle = await loggedIn(t, p);
    await age(p.id, 'lastSeenAt', '31 minutes');
    expect((await sessionOf(idle)).body.session).toBeNull();

    const old = await loggedIn(t, p);
    await age(p.id, 'expiresAt', '1 second');
    expect((await sessionOf(old)).body.session).toBeNull();

    const fresh = await loggedIn(t, p);
    await age(p.id, 'lastSeenAt', '29 minutes');
    expect((await sessionOf(fresh)).body.session).not.toBeNull();
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const p = await makePerson(t);
    const c = await loggedIn(t, p);
    const r = await c.request('POST', '/api/auth/logout', {}, { csrf: false });
    expect(r.status).toBe(403);
    expect(r.error.code).toBe('CSRF');
    const forged = await c.request(
      'POST',
      '/api/auth/logout',
      {},
      { csrf: false, headers: { 'x-csrf-token': 'forged' } },
    );
    expect(forged.status).toBe(403);
    expect((await sessionOf(c)).body.session).not.toBeNull();
  });

  it('hands a CSRF cookie to a caller without one, except on the public certificate check', async () => {
    const csrfCookie = (r: { headers: Record<string, unknown> }) =>
      [r.headers['set-cookie'] ?? []].flat().find((c) => String(c).startsWith('ce_csrf='));
    const captcha = await t.app.inject({ method: 'GET', url: '/api/auth/captcha' });
    expect(csrfCookie(captcha)).toMatch(/^ce_csrf=[\w-]{32}; Path=\/; SameSite=Strict$/);
    const check = await t.app.inject({ method: 'GET', url: '/api/public/certificates/GD0000000000' });
    expect(check.statusCode).toBe(404);
    expect(check.json().message).toBe('证书编号不存在');
    expect(csrfCookie(check)).toBeUndefined();
  });

  it('rate-limits login per IP', async () => {
    const limited = await startTestApp({ authRateLimit: 3 });
    try {
      const c = new Client(limited, '10.9.9.9');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await c.post('/api/auth/login', {})).status);
      expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
      expect(statuses[3]).toBe(429);
      const r = await c.post('/api/auth/login', {});
      expect(r.error.message).toBe('请求过于频繁，请稍后再试');
    } finally {
      await limited.close();
    }
  });
});

describe('密码', () => {
  it('forces a first-login password change for accounts created by others', async () => {
    const p = await makePerson(t, { mustChangePassword: true });
    const c = await loggedIn(t, p);
    const blocked = await c.get('/api/realname/mine');
    expect(blocked.status).toBe(403);
    expect(blocked.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post('/api/auth/password', { oldPassword: p.password, newPassword: 'abc12345' });
    expect(weak.status).toBe(400);
    const r = await c.post('/api/auth/password', { oldPassword: p.password, newPassword: 'Newpw2468' });
    expect(r.status).toBe(200);
    expect((await c.get('/api/realname/mine')).status).toBe(200);
  });

  it('changes the password: the old one fails, other sessions end, the wrong old password is refused', async () => {
    const p = await makePerson(t);
    const other = await loggedIn(t, p);
    const c = await loggedIn(t, p);
    const wrongOld = await c.post('/api/auth/password', {
      oldPassword: 'Nope24680',
      newPassword: 'Newpw2468',
    });
    expect(wrongOld.status).toBe(400);
    expect(wrongOld.error.fields?.[0].field).toBe('oldPassword');
    expect(
      (await c.post('/api/auth/password', { oldPassword: p.password, newPassword: 'Newpw2468' })).status,
    ).toBe(200);
    expect((await sessionOf(c)).body.session).not.toBeNull();
    expect((await sessionOf(other)).body.session).toBeNull();
    expect((await new Client(t).login(p.loginName, p.password)).status).toBe(401);
    expect((await new Client(t).login(p.loginName, 'Newpw2468')).status).toBe(200);
  });
});

describe('密码找回 (SMS)', () => {
  const codeFor = (phone: string) => lastSmsCode(t, phone);

  it('resets with a 6-digit code sent to the registered phone; the code is single use', async () => {
    const p = await makePerson(t);
    const c = new Client(t);
    const sent = await c.requestResetCode(p.loginName, p.phone);
    expect(sent.status).toBe(200);
    const code = await codeFor(p.phone);
    expect(code).toMatch(/^\d{6}$/);
    const [stored] = await t.db.select().from(smsCodes).where(eq(smsCodes.phone, p.phone));
    expect(stored.codeHash).not.toContain(code);
    expect(+stored.expiresAt - +stored.createdAt).toBe(10 * 60_000);
    const body = { loginName: p.loginName, phone: p.phone, code, newPassword: 'Reset2468' };
    expect((await c.post('/api/auth/password-reset', body)).status).toBe(200);
    expect((await new Client(t).login(p.loginName, 'Reset2468')).status).toBe(200);
    const again = await c.post('/api/auth/password-reset', { ...body, newPassword: 'Reset8642' });
    expect(again.status).toBe(422);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.password_reset'));
    expect(JSON.stringify(events)).not.toContain(code);
  });

  it('sends nothing when login name and phone do not match, but answers alike', async () => {
    const p = await makePerson(t);
    const c = new Client(t);
    const r = await c.requestResetCode(p.loginName, '13333333333');
    expect(r.status).toBe(200);
    expect(r.body.message).toContain('如账号与手机号码匹配');
    expect(await codeFor('13333333333')).toBe('');
  });

  it('refuses an expired code, a wrong code, and too many wrong guesses', async () => {
    const p = await makePerson(t);
    const c = new Client(t);
    await c.requestResetCode(p.loginName, p.phone);
    const code = await codeFor(p.phone);
    const wrong = code === '123456' ? '654321' : '123456';
    const body = { loginName: p.loginName, phone: p.phone, newPassword: 'Reset2468' };
    for (let i = 0; i < 5; i++)
      expect((await c.post('/api/auth/password-reset', { ...body, code: wrong })).error.message).toBe(
        '短信验证码错误',
      );
    const locked = await c.post('/api/auth/password-reset', { ...body, code });
    expect(locked.error.message).toBe('短信验证码错误次数过多，请重新获取');

    await t.db.delete(smsCodes).where(eq(smsCodes.phone, p.phone));
    await c.requestResetCode(p.loginName, p.phone);
    const fresh = await codeFor(p.phone);
    await t.db
      .update(smsCodes)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(smsCodes.phone, p.phone));
    const expired = await c.post('/api/auth/password-reset', { ...body, code: fresh });
    expect(expired.status).toBe(422);
    expect(expired.error.message).toBe('短信验证码已过期，请重新获取');
    expect((await new Client(t).login(p.loginName, p.password)).status).toBe(200);
  });

  it('unlocks a locked account', async () => {
    const p = await makePerson(t);
    await t.db
      .update(accounts)
      .set({ lockedUntil: sql`now() + interval '1 hour'` })
      .where(eq(accounts.id, p.id));
    const c = new Client(t);
    await c.requestResetCode(p.loginName, p.phone);
    const code = await codeFor(p.phone);
    await c.post('/api/auth/password-reset', {
      loginName: p.loginName,
      phone: p.phone,
      code,
      newPassword: 'Reset2468',
    });
    expect((await new Client(t).login(p.loginName, 'Reset2468')).status).toBe(200);
  });
});
