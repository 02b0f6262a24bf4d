import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  institutionQualifications,
  orgProfiles,
  orgRoles,
  teachers,
  units,
  workflowItems,
} from '../db/schema';
import { Client } from '../test/client';
import { startTestApp, type TestApp } from '../test/harness';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { DEMO_ORGS } from './demo-orgs-data';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.db, { onlyIfEmpty: false, files: t.services.files });
  // a second run restores without duplicating anything
  await seedDemo(t.db, { onlyIfEmpty: false, files: t.services.files });
});
afterAll(() => t.close());

type Session = { session: { actingUnit: { name: string } | null; permissions: string[] } };

async function actingAs(login: string, unitName: string) {
  const c = new Client(t);
  expect((await c.login(login, DEMO_PASSWORD)).status, login).toBe(200);
  const mine = await c.get<{ items: { unitId: string; unitName: string }[] }>('/api/auth/acting-units');
  const unit = mine.body.items.find((u) => u.unitName === unitName);
  expect(unit, `${login} acts for ${unitName}`).toBeDefined();
  return c.post<Session>('/api/auth/switch-unit', { unitId: unit?.unitId });
}

const unitId = async (loginName: string) =>
  (await t.db.select({ id: units.accountId, name: units.name }).from(units)).find(
    (u) => u.name === DEMO_ORGS.find((o) => o.loginName === loginName)?.name,
  )?.id;

describe('演示数据：行业主管部门与施教机构 (README)', () => {
  it('each org’s agent acts for it with the role’s menus', async () => {
    const expected = {
      authority: ['authority.profile', 'authority.lower.review', 'qualification.review', 'teacher.manage'],
      institution: ['institution.profile', 'qualification.apply', 'teacher.manage'],
    };
    for (const org of DEMO_ORGS) {
      const s = await actingAs(org.agent.loginName, org.name);
      expect(s.body.session.actingUnit?.name).toBe(org.name);
      expect(s.body.session.permissions).toEqual(expect.arrayContaining(expected[org.role]));
    }
  });

  it('the two authorities hold 工程技术人员 at their level; the city one was approved by the province', async () => {
    const roles = await t.db.select().from(orgRoles).where(eq(orgRoles.role, 'authority'));
    const byUnit = new Map(roles.map((r) => [r.unitId, r]));
    expect(byUnit.get((await unitId('gdzjt')) ?? '')).toMatchObject({
      level: 'province',
      regionCode: '44',
      series: '工程技术人员',
    });
    expect(byUnit.get((await unitId('gzzjj')) ?? '')).toMatchObject({
      level: 'city',
      regionCode: '4401',
      series: '工程技术人员',
    });
    const items = await t.db
      .select()
      .from(workflowItems)
      .where(eq(workflowItems.objectType, 'authority_application'));
    expect(items.map((i) => i.state)).toEqual(['approved', 'approved']);
  });

  it('one 广州 institution is qualified for 工程技术人员, the other waits at 广州市住房和城乡建设局', async () => {
    const qualified = await t.db
      .select()
      .from(institutionQualifications)
      .where(eq(institutionQualifications.unitId, (await unitId('gzjszx')) ?? ''));
    expect(qualified.map((q) => [q.series, q.status])).toEqual([['工程技术人员', 'approved']]);
    const waiting = await t.db
      .select()
      .from(institutionQualifications)
      .where(eq(institutionQualifications.unitId, (await unitId('gzgcjx')) ?? ''));
    const [item] = await t.db
      .select()
      .from(workflowItems)
      .where(and(eq(workflowItems.objectType, 'qualification'), eq(workflowItems.objectId, waiting[0].id)));
    expect(item).toMatchObject({ state: 'submitted', reviewerUnitId: await unitId('gzzjj') });
  });

  it('every demo org’s 角色申请 carries its 统一社会信用代码证, readable by its own agent', async () => {
    for (const org of DEMO_ORGS) {
      const [profile] = await t.db
        .select()
        .from(orgProfiles)
        .where(
          and(eq(orgProfiles.unitId, (await unitId(org.loginName)) ?? ''), eq(orgProfiles.role, org.role)),
        );
      expect(profile.licenceFileId, org.name).not.toBeNull();
      const agent = await actingAs(org.agent.loginName, org.name);
      expect(agent.status).toBe(200);
    }
    const c = new Client(t);
    await c.login('wulh', DEMO_PASSWORD);
    const units = await c.get<{ items: { unitId: string; unitName: string }[] }>('/api/auth/acting-units');
    await c.post('/api/auth/switch-unit', { unitId: units.body.items[0].unitId });
    const [own] = await t.db
      .select()
      .from(orgProfiles)
      .where(eq(orgProfiles.unitId, (await unitId('gzzjj')) ?? ''));
    const file = await c.download(`/api/files/${own.licenceFileId}`);
    expect(file.status).toBe(200);
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('every demo org has its teachers, with valid ID numbers, once', async () => {
    for (const org of DEMO_ORGS) {
      const rows = await t.db
        .select()
        .from(teachers)
        .where(eq(teachers.unitId, (await unitId(org.loginName)) ?? ''));
      expect(rows.map((r) => r.name).sort(), org.name).toEqual(org.teachers.map((x) => x.name).sort());
    }
  });
});
