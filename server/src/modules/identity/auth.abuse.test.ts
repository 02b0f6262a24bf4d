import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, captchas } from '../../db/schema';
import { Client } from '../../test/client';
import { bindAgent, loggedIn, makePerson, makeUnit } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { PASSWORD_CHANGES_PER_ACCOUNT } from './auth.routes';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const sessionOf = async (c: Client) =>
  (await c.get<{ session: { account: { loginName: string } } | null }>('/api/auth/session')).body.session;

/** A client that presents only the given session cookie (a stolen or remembered token). */
const replay = (app: TestApp, token: string | undefined) => {
  const c = new Client(app);
  c.cookies.set('ce_session', token ?? '');
  return c;
};

const wrongOld = (c: Client) =>
  c.post('/api/auth/password', { oldPassword: 'Wrong2468x', newPassword: 'Newpw2468' });

describe('rate limits per IP', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ captchaRateLimit: 5, authRateLimit: 3 });
  });
  afterAll(() => limited.close());

  it('图形验证码: 429 past CAPTCHA_RATE_LIMIT per IP, and no row for it; other IPs go on', async () => {
    const c = new Client(limited, '10.1.1.1');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await c.get('/api/auth/captcha')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const r = await c.get('/api/auth/captcha');
    expect(r.error.message).toBe('请求过于频繁，请稍后再试');
    expect((await new Client(limited, '10.1.1.2').get('/api/auth/captcha')).status).toBe(200);
    expect((await limited.db.select({ n: count() }).from(captchas))[0].n).toBe(6);
  });

  it('修改密码: 429 past AUTH_RATE_LIMIT per IP', async () => {
    const p = await makePerson(limited);
    const c = new Client(limited, '10.2.2.2');
    expect((await c.login(p.loginName, p.password)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await c.post('/api/auth/password', {})).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
  });
});

describe('修改密码 abuse', () => {
  it('is rate-limited per account, whatever the IP', async () => {
    const p = await makePerson(t);
    const first = await loggedIn(t, p);
    const statuses: number[] = [];
    for (let i = 0; i <= PASSWORD_CHANGES_PER_ACCOUNT; i += 1) {
      const c = new Client(t, `10.3.3.${i + 1}`);
      c.cookies = new Map(first.cookies);
      statuses.push((await c.post('/api/auth/password', {})).status);
    }
    expect(statuses.slice(0, PASSWORD_CHANGES_PER_ACCOUNT).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // another account is not held back
    const other = await loggedIn(t, await makePerson(t));
    expect((await other.post('/api/auth/password', {})).status).toBe(400);
  });

  it('counts wrong old passwords like login failures: the 5th locks for 1 hour and ends the sessions', async () => {
    const p = await makePerson(t);
    const elsewhere = await loggedIn(t, p);
    const c = await loggedIn(t, p);
    for (let i = 1; i <= 4; i += 1) {
      const r = await wrongOld(c);
      expect(r.status).toBe(400);
      expect(r.error.fields?.[0].field).toBe('oldPassword');
      expect(r.error.message).toContain('连续错误5次后账号将被锁定1小时');
    }
    const fifth = await wrongOld(c);
    expect(fifth.status).toBe(423);
    expect(fifth.error.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.error.message).toMatch(
      /密码连续错误5次，账号已被锁定1小时，请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 后再登录/,
    );
    expect(await sessionOf(c)).toBeNull();
    expect(await sessionOf(elsewhere)).toBeNull();
    expect((await new Client(t).login(p.loginName, p.password)).status).toBe(423);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, p.id));
    expect((row.lockedUntil?.getTime() ?? 0) - Date.now()).toBeGreaterThan(59 * 60_000);
    const locks = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.locked'), eq(auditEvents.objectId, p.id)));
    expect(locks).toHaveLength(1);
  });

  it('shares one counter with login, and a successful change resets it', async () => {
    const p = await makePerson(t);
    const c = await loggedIn(t, p);
    for (let i = 0; i < 3; i += 1)
      expect((await new Client(t).login(p.loginName, 'Wrong2468x')).status).toBe(401);
    expect((await wrongOld(c)).status).toBe(400);
    expect((await wrongOld(c)).status).toBe(423);

    const q = await makePerson(t);
    const d = await loggedIn(t, q);
    for (let i = 0; i < 4; i += 1) expect((await wrongOld(d)).status).toBe(400);
    expect(
      (await d.post('/api/auth/password', { oldPassword: q.password, newPassword: 'Newpw2468' })).status,
    ).toBe(200);
    for (let i = 0; i < 4; i += 1) {
      expect(
        (await d.post('/api/auth/password', { oldPassword: 'Wrong2468x', newPassword: 'Other2468' })).status,
      ).toBe(400);
    }
  });
});

describe('一个浏览器一个会话', () => {
  it('a new login ends the session the browser held, and audits it', async () => {
    const a = await makePerson(t);
    const b = await makePerson(t);
    const elsewhere = await loggedIn(t, a);
    const c = await loggedIn(t, a);
    const first = c.cookies.get('ce_session');
    expect((await c.login(a.loginName, a.password)).status).toBe(200);
    const second = c.cookies.get('ce_session');
    expect(second).not.toBe(first);
    expect(await sessionOf(replay(t, first))).toBeNull();
    expect((await replay(t, first).get('/api/realname/mine')).status).toBe(401);

    expect((await c.login(b.loginName, b.password)).status).toBe(200);
    expect((await replay(t, second).get('/api/realname/mine')).status).toBe(401);
    expect((await sessionOf(c))?.account.loginName).toBe(b.loginName);
    // the other browser's session of the same account is untouched
    expect((await sessionOf(elsewhere))?.account.loginName).toBe(a.loginName);
    const ended = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.logout'), eq(auditEvents.actorId, a.id)));
    expect(ended).toHaveLength(2);
  });

  it('a failed login leaves the held session as it was', async () => {
    const a = await makePerson(t);
    const c = await loggedIn(t, a);
    expect((await c.login(a.loginName, 'Wrong2468x')).status).toBe(401);
    expect((await sessionOf(c))?.account.loginName).toBe(a.loginName);
  });

  it('switching to a unit and back ends the session switched from', async () => {
    const unit = await makeUnit(t);
    const agent = await makePerson(t);
    await bindAgent(t, unit, agent);
    const c = await loggedIn(t, agent);
    const asPerson = c.cookies.get('ce_session');
    expect((await c.post('/api/auth/switch-unit', { unitId: unit.id })).status).toBe(200);
    const asUnit = c.cookies.get('ce_session');
    expect((await replay(t, asPerson).get('/api/realname/mine')).status).toBe(401);
    expect((await c.post('/api/auth/switch-person')).status).toBe(200);
    expect((await replay(t, asUnit).get('/api/auth/acting-units')).status).toBe(401);
    expect((await c.get('/api/auth/acting-units')).status).toBe(200);
  });
});
