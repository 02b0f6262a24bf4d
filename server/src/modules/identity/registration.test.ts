import { makeIdNumber, makeUscc } from '@ce/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, smsCodes } from '../../db/schema';
import { Client } from '../../test/client';
import { makePerson, type TestPerson } from '../../test/factories';
import { lastSmsCode, startTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const validPerson = (n: number) => ({
  loginName: `reg_user_${n}`,
  password: 'Gd2024Edu',
  realName: '周杰',
  idNumber: makeIdNumber({ region: '440105', birthDate: '19880808', seq: n }),
  phone: '13612345678',
});

describe('个人注册', () => {
  it('registers a level-1 person who can then log in, and audits it', async () => {
    const c = new Client(t);
    const input = validPerson(11);
    const r = await c.post<{ accountId: string }>('/api/register/person', {
      ...input,
      ...(await c.captcha()),
    });
    expect(r.status).toBe(200);
    const login = await c.login(input.loginName, input.password);
    expect(login.status).toBe(200);
    const me = await c.get<{ session: { account: { realnameLevel: number; displayName: string } } }>(
      '/api/auth/session',
    );
    expect(me.body.session.account).toMatchObject({ realnameLevel: 1, displayName: '周杰' });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, r.body.accountId));
    expect(events.map((e) => e.action)).toContain('account.register_person');
    expect(JSON.stringify(events)).not.toContain(input.password);
  });

  it('rejects a wrong ID check digit, naming the field', async () => {
    const c = new Client(t);
    const input = validPerson(12);
    const bad = input.idNumber.slice(0, 17) + (input.idNumber[17] === '1' ? '2' : '1');
    const r = await c.post('/api/register/person', { ...input, idNumber: bad, ...(await c.captcha()) });
    expect(r.status).toBe(400);
    expect(r.error.message).toBe('公民身份号码：公民身份号码校验位错误');
    expect(r.error.fields?.[0]).toMatchObject({ field: 'idNumber', label: '公民身份号码' });
  });

  it('rejects an impossible birth date in the ID number', async () => {
    const c = new Client(t);
    const r = await c.post('/api/register/person', {
      ...validPerson(13),
      idNumber: makeIdNumber({ birthDate: '19900230' }),
      ...(await c.captcha()),
    });
    expect(r.status).toBe(400);
    expect(r.error.fields?.[0].field).toBe('idNumber');
    expect(r.error.message).toContain('出生日期');
  });

  it.each([
    ['Ab12', '长度'],
    ['abcdefgh', '字母和数字'],
    ['Gdabc2024', '连续或重复'],
    ['Gd321x9k7', '连续或重复'],
    ['Gdaaa2024', '连续或重复'],
  ])('rejects weak password %s', async (password, why) => {
    const c = new Client(t);
    const r = await c.post('/api/register/person', { ...validPerson(14), password, ...(await c.captcha()) });
    expect(r.status).toBe(400);
    expect(r.error.fields?.[0].field).toBe('password');
    expect(r.error.message).toContain(why);
  });

  it('rejects a login name with other characters', async () => {
    const c = new Client(t);
    const r = await c.post('/api/register/person', {
      ...validPerson(15),
      loginName: '张三abc',
      ...(await c.captcha()),
    });
    expect(r.status).toBe(400);
    expect(r.error.message).toBe('登录账号：登录账号只能包含字母、数字、下划线');
  });

  it('allows one account per ID number and per login name (409), writing nothing', async () => {
    const c = new Client(t);
    const input = validPerson(16);
    expect((await c.post('/api/register/person', { ...input, ...(await c.captcha()) })).status).toBe(200);
    const sameId = await c.post('/api/register/person', {
      ...input,
      loginName: 'other_name_16',
      ...(await c.captcha()),
    });
    expect(sameId.status).toBe(409);
    expect(sameId.error.fields?.[0].field).toBe('idNumber');
    const sameLogin = await c.post('/api/register/person', {
      ...validPerson(17),
      loginName: input.loginName.toUpperCase(),
      ...(await c.captcha()),
    });
    expect(sameLogin.status).toBe(409);
    expect(sameLogin.error.fields?.[0].field).toBe('loginName');
  });

  it('refuses a wrong captcha, and a captcha used twice', async () => {
    const c = new Client(t);
    const cap = await c.captcha();
    const wrong = await c.post('/api/register/person', {
      ...validPerson(18),
      captchaId: cap.captchaId,
      captcha: 'zzzz',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.error.code).toBe('CAPTCHA_INVALID');
    const reused = await c.post('/api/register/person', { ...validPerson(18), ...cap });
    expect(reused.status).toBe(422);
  });
});

describe('单位注册', () => {
  let agent: TestPerson;
  beforeAll(async () => {
    agent = await makePerson(t, { level: 2 });
  });
  const unitInfo = (n: number, a: TestPerson) => ({
    agentLoginName: a.loginName,
    agentIdNumber: a.idNumber,
    loginName: `unit_reg_${n}`,
    password: 'Gd2024Edu',
    unitName: `广州市测试科技有限公司${n}`,
    certType: 'uscc',
    certNumber: makeUscc({ region: '440106', orgBase: `MA${String(n).padStart(6, '0')}` }),
    provinceCode: '44',
    cityCode: '4401',
    countyCode: '440106',
    address: '广州市天河区体育西路1号',
    legalRepresentative: '赵法人',
    contactName: a.realName,
    contactPhone: a.phone,
  });
  const clearCodes = () => t.db.delete(smsCodes);
  const lastCode = (phone: string) => lastSmsCode(t, phone);

  it('step 1 requires a level-2 person', async () => {
    const c = new Client(t);
    const ok = await c.post<{ agentName: string; agentPhoneMasked: string }>(
      '/api/register/unit/agent-check',
      {
        agentLoginName: agent.loginName,
        agentIdNumber: agent.idNumber,
        ...(await c.captcha()),
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.agentPhoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    const level1 = await makePerson(t, { level: 1 });
    const r = await c.post('/api/register/unit/agent-check', {
      agentLoginName: level1.loginName,
      agentIdNumber: level1.idNumber,
      ...(await c.captcha()),
    });
    expect(r.status).toBe(422);
    expect(r.error.message).toBe('当前账号实名认证等级不足，请至少提升至二级实名认证');
  });

  it('registers a unit through SMS confirmation; the unit logs in and sees only its account centre', async () => {
    const c = new Client(t);
    const info = unitInfo(1, agent);
    const sms = await c.post('/api/register/unit/sms', info);
    expect(sms.status).toBe(200);
    const code = await lastCode(agent.phone);
    expect(code).toMatch(/^\d{6}$/);
    const r = await c.post('/api/register/unit', { ...info, smsCode: code });
    expect(r.status).toBe(200);
    const again = await c.post('/api/register/unit', { ...info, loginName: 'unit_reg_1b', smsCode: code });
    expect(again.status).toBe(422); // the code was for the first login name, and is spent
    const u = new Client(t);
    expect((await u.login(info.loginName, info.password, 'unit')).status).toBe(200);
    const me = await u.get<{ session: { permissions: string[]; actorKind: string } }>('/api/auth/session');
    expect(me.body.session.actorKind).toBe('unit');
    expect(me.body.session.permissions.sort()).toEqual(['account.self', 'unit.agents']);
  });

  it('单位注册 says 联系电话 in the label’s words, not 手机号码', async () => {
    const c = new Client(t);
    const bad = await c.post('/api/register/unit/sms', {
      ...unitInfo(7, agent),
      contactPhone: '020-1234567',
    });
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.[0].field).toBe('contactPhone');
    expect(bad.error.message).toContain('联系电话应为11位手机号码');
    expect(bad.error.message).not.toContain('请输入手机号码');
  });

  it('accepts 组织机构代码 and 统一社会信用代码 starting with A, N, Y; rejects a wrong check digit', async () => {
    await clearCodes();
    const c = new Client(t);
    for (const [n, first] of [
      [2, 'A'],
      [3, 'N'],
      [4, 'Y'],
    ] as const) {
      const info = {
        ...unitInfo(n, agent),
        certNumber: makeUscc({ first, region: '440106', orgBase: `NY${n}00000` }),
      };
      const r = await c.post('/api/register/unit/sms', info);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      await clearCodes(); // one code a minute per phone: start each case afresh
    }
    const org = await c.post('/api/register/unit/sms', {
      ...unitInfo(5, agent),
      certType: 'orgcode',
      certNumber: 'D2143569-X',
    });
    expect(org.status, JSON.stringify(org.body)).toBe(200);
    const bad = await c.post('/api/register/unit/sms', {
      ...unitInfo(6, agent),
      certNumber: '91350100M000100Y44',
    });
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.[0].field).toBe('certNumber');
    expect(bad.error.message).toContain('校验位');
  });

  it('checks the 省/市/县 cascade (东莞 has towns, no counties)', async () => {
    const c = new Client(t);
    const wrongCounty = await c.post('/api/register/unit/sms', {
      ...unitInfo(7, agent),
      countyCode: '440304',
    });
    expect(wrongCounty.status).toBe(400);
    expect(wrongCounty.error.fields?.[0].field).toBe('countyCode');
    await clearCodes();
    const dongguan = await c.post('/api/register/unit/sms', {
      ...unitInfo(8, agent),
      cityCode: '4419',
      countyCode: '441900003',
    });
    expect(dongguan.status, JSON.stringify(dongguan.body)).toBe(200);
  });

  it('refuses a wrong or expired SMS code and creates nothing', async () => {
    await clearCodes();
    const c = new Client(t);
    const info = unitInfo(9, agent);
    expect((await c.post('/api/register/unit/sms', info)).status).toBe(200);
    const code = await lastCode(agent.phone);
    const wrong = await c.post('/api/register/unit', {
      ...info,
      smsCode: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.error.message).toBe('短信验证码错误');
    await t.db.update(smsCodes).set({ expiresAt: sql`now() - interval '1 minute'` });
    const expired = await c.post('/api/register/unit', { ...info, smsCode: code });
    expect(expired.status).toBe(422);
    expect(expired.error.message).toBe('短信验证码已过期，请重新获取');
    const u = new Client(t);
    expect((await u.login(info.loginName, info.password, 'unit')).status).toBe(401);
  });
});
