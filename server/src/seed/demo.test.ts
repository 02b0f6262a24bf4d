import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ceRecords, orgRoles, professionals } from '../db/schema';
import { totalsOf } from '../modules/requirements/totals';
import { Client } from '../test/client';
import { startTestApp, type TestApp } from '../test/harness';
import { DEMO_PASSWORD, DEMO_PERSONS, DEMO_UNIT, seedDemo } from './demo';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  expect(await seedDemo(t.db, { onlyIfEmpty: true })).toBe('seeded');
});
afterAll(() => t.close());

type Session = {
  session: { actingUnit: { name: string } | null; permissions: string[]; account: { realnameLevel: number } };
};

describe('演示数据 (README accounts)', () => {
  it('seeds 广东省人社厅 and the 21 city bureaus as HRSS orgs, and is idempotent', async () => {
    expect(await seedDemo(t.db, { onlyIfEmpty: true })).toBe('skipped');
    await seedDemo(t.db, { onlyIfEmpty: false });
    const hrss = await t.db.select().from(orgRoles).where(eq(orgRoles.role, 'hrss'));
    expect(hrss).toHaveLength(22);
    expect(hrss.filter((r) => r.level === 'province')).toHaveLength(1);
  });

  it('every demo person logs in with the README password, at the README level', async () => {
    for (const p of DEMO_PERSONS) {
      const c = new Client(t);
      expect((await c.login(p.loginName, DEMO_PASSWORD)).status, p.loginName).toBe(200);
      const s = await c.get<Session>('/api/auth/session');
      expect(s.body.session.account.realnameLevel).toBe(p.level);
    }
    for (const unit of ['gdjs_unit', 'gdhrss', 'hrss4403']) {
      expect((await new Client(t).login(unit, DEMO_PASSWORD, 'unit')).status, unit).toBe(200);
    }
  });

  it('hrss_admin acts for 广东省人力资源和社会保障厅; zhangwei acts for the demo unit', async () => {
    const hrss = new Client(t);
    await hrss.login('hrss_admin', DEMO_PASSWORD);
    const units = await hrss.get<{ items: { unitId: string; unitName: string }[] }>('/api/auth/acting-units');
    const gd = units.body.items.find((u) => u.unitName === '广东省人力资源和社会保障厅');
    const s = await hrss.post<Session>('/api/auth/switch-unit', { unitId: gd?.unitId });
    expect(s.body.session.permissions).toEqual(
      expect.arrayContaining(['realname.review', 'sms.outbox', 'audit.read']),
    );

    const agent = new Client(t);
    await agent.login(DEMO_UNIT.agent, DEMO_PASSWORD);
    const mine = await agent.get<{ items: { unitId: string; unitName: string }[] }>('/api/auth/acting-units');
    expect(mine.body.items.map((u) => u.unitName)).toEqual([DEMO_UNIT.name]);
    const acting = await agent.post<Session>('/api/auth/switch-unit', { unitId: mine.body.items[0].unitId });
    expect(acting.body.session.actingUnit?.name).toBe(DEMO_UNIT.name);
  });

  it('李娜 is the demo unit’s confirmed professional: 2025 meets 90 学时, one 待办 for the unit', async () => {
    const [lina] = await t.db.select().from(professionals).where(eq(professionals.name, '李娜'));
    expect(lina.bindingStatus).toBe('confirmed');
    const y2025 = (await totalsOf(t.db, lina.id)).filter((x) => x.year === 2025);
    const hours = Object.fromEntries(y2025.map((x) => [x.subjectType, x.hours]));
    expect(hours).toEqual({ public: 30, professional: 42, elective: 18 });
    await seedDemo(t.db, { onlyIfEmpty: false });
    expect(await t.db.select().from(ceRecords).where(eq(ceRecords.professionalId, lina.id))).toHaveLength(12);

    const agent = new Client(t);
    await agent.login(DEMO_UNIT.agent, DEMO_PASSWORD);
    const mine = await agent.get<{ items: { unitId: string }[] }>('/api/auth/acting-units');
    const s = await agent.post<Session>('/api/auth/switch-unit', { unitId: mine.body.items[0].unitId });
    expect(s.body.session.permissions).toEqual(expect.arrayContaining(['record.review', 'record.declare']));
    const pending = await agent.get<{ total: number }>('/api/review/records');
    if (pending.status !== 404) expect(pending.body.total).toBe(1);
  });
});
