import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsOutbox } from '../../db/schema';
import { Client } from '../../test/client';
import { hrssOperator, makePerson } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional } from '../../test/world';
import { profileFor } from '../people/people.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type AuditPage = {
  items: {
    action: string;
    actionLabel: string;
    actingUnitName: string | null;
    actorLoginName: string | null;
    outcome: string;
    ip: string | null;
    at: string;
  }[];
  total: number;
};

describe('审计日志', () => {
  it('records auth events with actor, IP and outcome; HRSS searches them by action, actor and outcome', async () => {
    const p = await makePerson(t);
    const c = new Client(t, '10.1.2.3');
    await c.login(p.loginName, 'Wrong2468x');
    await c.login(p.loginName, p.password);
    await c.post('/api/auth/logout');
    const hrss = (await hrssOperator(t)).client;
    const failed = await hrss.get<AuditPage>(`/api/admin/audit-events?actor=${p.loginName}&outcome=failure`);
    expect(failed.body.items).toHaveLength(1);
    expect(failed.body.items[0]).toMatchObject({
      action: 'auth.login_failed',
      actionLabel: '登录失败',
      ip: '10.1.2.3',
    });
    const all = await hrss.get<AuditPage>(`/api/admin/audit-events?actor=${p.loginName}`);
    expect(all.body.items.map((e) => e.actionLabel)).toEqual(['退出登录', '登录', '登录失败']);
    expect(new Date(all.body.items[0].at).toISOString()).toBe(all.body.items[0].at); // UTC
    const logins = await hrss.get<AuditPage>('/api/admin/audit-events?action=auth.login&pageSize=1');
    expect(logins.body.items).toHaveLength(1);
    expect(logins.body.total).toBeGreaterThanOrEqual(2);
  });

  it('exports the search result to Excel', async () => {
    const p = await makePerson(t);
    await new Client(t).login(p.loginName, 'Wrong2468x');
    const hrss = (await hrssOperator(t)).client;
    const sheet = await hrss.downloadSheet(`/api/admin/audit-events/export?actor=${p.loginName}`);
    // the page's columns, in its words, with 序号 first
    expect(sheet.header).toEqual([
      '序号',
      '操作时间',
      '操作人',
      '经办单位',
      'IP地址',
      '操作类型',
      '操作对象',
      '操作结果',
      '详情',
    ]);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0][0]).toBe(1);
    expect(String(sheet.rows[0][1])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/); // zero-padded
    expect(sheet.rows[0][5]).toBe('登录失败');
    expect(sheet.rows[0][7]).toBe('失败');
    // 详情 in words, as on the page, not the stored JSON
    expect(sheet.rows[0][8]).toBe('原因：密码错误；连续失败次数：1');
  });

  it('names the units and persons a row mentions instead of their ids, with labels for every key', async () => {
    const hrss = await hrssOperator(t);
    const a = await makeEmployer(t);
    const b = await makeEmployer(t);
    const prof = await makeProfessional(t, a);
    // 人员基本信息维护: the person moves from unit a to unit b (audited with previousEmployerId)
    const moved = await prof.client.post('/api/people/me/submit', {
      ...profileFor(prof.person.idNumber, prof.person.realName),
      employerId: b.unit.id,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const list = await hrss.client.get<{
      items: {
        action: string;
        detailText: string | null;
        objectName: string | null;
        detail: string | null;
      }[];
    }>(`/api/admin/audit-events?actor=${prof.person.loginName}`);
    const row = list.body.items.find((e) => e.detail?.includes('previousEmployerId'));
    expect(row?.detailText).toContain(`原所属单位：${a.unit.name}`);
    expect(row?.detailText).toContain(`所属单位：${b.unit.name}`);
    expect(row?.detailText).not.toMatch(/previousEmployerId|[0-9a-f]{8}-[0-9a-f]{4}/);
    const sheet = await hrss.client.downloadSheet(
      `/api/admin/audit-events/export?actor=${prof.person.loginName}`,
    );
    expect(sheet.rows.map((r) => r[8])).toContain(row?.detailText);
  });

  it('filters by Beijing calendar day', async () => {
    const hrss = (await hrssOperator(t)).client;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const inDay = await hrss.get<AuditPage>(`/api/admin/audit-events?from=${today}&to=${today}`);
    expect(inDay.body.total).toBeGreaterThan(0);
    const past = await hrss.get<AuditPage>('/api/admin/audit-events?from=2020-01-01&to=2020-01-02');
    expect(past.body.total).toBe(0);
    const bad = await hrss.get('/api/admin/audit-events?from=2020-13-01');
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.[0].label).toBe('开始时间');
  });

  it('a city HRSS sees only the events of units in its region', async () => {
    const gz = await hrssOperator(t, 'city', '4401');
    const sz = await hrssOperator(t, 'city', '4403');
    await gz.client.get('/api/realname/applications');
    await gz.client.post('/api/auth/switch-person'); // audited while acting for the 广州 unit
    const seenBySz = await sz.client.get<AuditPage>(`/api/admin/audit-events?actor=${gz.person.loginName}`);
    expect(seenBySz.body.total).toBe(0);
    const sz2 = await hrssOperator(t, 'city', '4401');
    const seenByGz = await sz2.client.get<AuditPage>(`/api/admin/audit-events?actor=${gz.person.loginName}`);
    expect(seenByGz.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.switch_unit', 'auth.switch_person']),
    );
    const switched = seenByGz.body.items.find((e) => e.action === 'auth.switch_unit');
    expect(switched?.actingUnitName).toBe(gz.unit.name);
  });
});

describe('短信发件箱', () => {
  it('shows the messages of the default SMS adapter to HRSS', async () => {
    const p = await makePerson(t);
    const c = new Client(t);
    await c.requestResetCode(p.loginName, p.phone);
    const hrss = (await hrssOperator(t)).client;
    const r = await hrss.get<{ items: { phone: string; purpose: string; content: string }[]; total: number }>(
      `/api/admin/sms-outbox?phone=${p.phone}`,
    );
    expect(r.body.total).toBe(1);
    expect(r.body.items[0]).toMatchObject({ phone: p.phone, purpose: 'password_reset' });
    expect(r.body.items[0].content).toMatch(/验证码：\d{6}，10分钟内有效/);
    const rows = await t.db.select().from(smsOutbox);
    expect(rows.length).toBeGreaterThan(0);
  });
});
