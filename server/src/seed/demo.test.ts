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
  expect(await seedDemo(t.db, { onlyIfEmpty: true, files: t.services.files })).toBe('seeded');
});
afterAll(() => t.close());

type Session = {
  session: { actingUnit: { name: string } | null; permissions: string[]; account: { realnameLevel: number } };
};

describe('演示数据 (README accounts)', () => {
  it('seeds 广东省人社厅 and the 21 city bureaus as HRSS orgs, and is idempotent', async () => {
    expect(await seedDemo(t.db, { onlyIfEmpty: true, files: t.services.files })).toBe('skipped');
    await seedDemo(t.db, { onlyIfEmpty: false, files: t.services.files });
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
    await seedDemo(t.db, { onlyIfEmpty: false, files: t.services.files });
    expect(await t.db.select().from(ceRecords).where(eq(ceRecords.professionalId, lina.id))).toHaveLength(12);

    const agent = new Client(t);
    await agent.login(DEMO_UNIT.agent, DEMO_PASSWORD);
    const mine = await agent.get<{ items: { unitId: string }[] }>('/api/auth/acting-units');
    const s = await agent.post<Session>('/api/auth/switch-unit', { unitId: mine.body.items[0].unitId });
    expect(s.body.session.permissions).toEqual(expect.arrayContaining(['record.review', 'record.declare']));
    const pending = await agent.get<{ total: number }>('/api/review/records');
    if (pending.status !== 404) expect(pending.body.total).toBe(1);
  });

  it('every demo record past 草稿 has its 附件材料, stored as an upload: both sides download it, 退案 can be sent again', async () => {
    type Detail = {
      courseName: string;
      workflow: { state: string };
      attachments: { fileId: string; name: string; type: string }[];
    };
    const lina = new Client(t);
    expect((await lina.login('lina', DEMO_PASSWORD)).status).toBe(200);
    const list = await lina.get<{ items: { id: string; state: string }[] }>('/api/records/mine?pageSize=100');
    expect(list.body.items).toHaveLength(12);
    const agent = new Client(t);
    await agent.login(DEMO_UNIT.agent, DEMO_PASSWORD);
    const units = await agent.get<{ items: { unitId: string }[] }>('/api/auth/acting-units');
    await agent.post('/api/auth/switch-unit', { unitId: units.body.items[0].unitId });

    const states = new Set<string>();
    for (const item of list.body.items) {
      const d = (await lina.get<Detail>(`/api/records/${item.id}`)).body;
      states.add(d.workflow.state);
      if (d.workflow.state === 'draft') continue;
      // 确认送审 refuses a record without one (请先上传附件材料（学时证明）)
      expect(d.attachments.length, `${d.courseName}（${d.workflow.state}）`).toBeGreaterThan(0);
      for (const a of d.attachments) {
        expect(a.type).toBe('PDF');
        const mine = await lina.download(`/api/files/${a.fileId}`);
        expect(mine.status, d.courseName).toBe(200);
        expect(mine.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        // the bytes are in the app's FileStore under the file's id, as an upload's are
        expect(await t.services.files.get(a.fileId)).toEqual(mine.bytes);
      }
    }
    expect([...states].sort()).toEqual(['approved', 'draft', 'returned', 'submitted']);

    // the unit's reviewer opens the 待办's proof
    const pending = await agent.get<{ items: { id: string }[] }>('/api/review/records');
    const todo = (await agent.get<Detail>(`/api/review/records/${pending.body.items[0].id}`)).body;
    expect(todo.attachments).toHaveLength(1);
    expect((await agent.download(`/api/files/${todo.attachments[0].fileId}`)).status).toBe(200);

    // the 退案 record goes back to the unit by the app's own rule, nothing to add first
    const returned = list.body.items.find((i) => i.state === 'returned');
    const again = await lina.post<Detail>(`/api/records/${returned?.id}/submit`);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.workflow.state).toBe('submitted');
  });
});
