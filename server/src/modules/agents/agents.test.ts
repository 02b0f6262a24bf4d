import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../test/client';
import { bindAgent, loggedIn, makePerson, makeUnit } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Agents = { items: { id: string; loginName: string; status: string; authorized: boolean }[] };
type Agencies = { items: { id: string; unitName: string; status: string }[] };
type Session = {
  session: { actorKind: string; actingUnit: { name: string } | null; permissions: string[] } | null;
};

describe('经办人绑定与授权', () => {
  it('walks the manual: 新增绑定 → person 通过 → 授权 → 使用选中的单位账号登录 → 切换回个人', async () => {
    const unit = await makeUnit(t);
    const person = await makePerson(t);
    const u = await loggedIn(t, unit, 'unit');
    const req = await u.post<{ id: string }>('/api/unit/agents', {
      realName: person.realName,
      loginName: person.loginName,
      idNumber: person.idNumber,
    });
    expect(req.status).toBe(200);
    expect((await u.get<Agents>('/api/unit/agents')).body.items[0]).toMatchObject({
      status: 'pending',
      authorized: false,
    });
    const early = await u.post(`/api/unit/agents/${req.body.id}/authorize`);
    expect(early.status).toBe(409);
    expect(early.error.message).toBe('经办人尚未通过绑定申请，不能授权');

    const p = await loggedIn(t, person);
    const agencies = await p.get<Agencies>('/api/me/agencies');
    expect(agencies.body.items[0]).toMatchObject({ unitName: unit.name, status: 'pending' });
    expect((await p.post(`/api/me/agencies/${req.body.id}/accept`)).status).toBe(200);
    expect((await p.post(`/api/me/agencies/${req.body.id}/accept`)).status).toBe(409);
    // accepted but not authorized: cannot act for the unit yet
    expect((await p.post('/api/auth/switch-unit', { unitId: unit.id })).status).toBe(403);

    expect((await u.post(`/api/unit/agents/${req.body.id}/authorize`)).status).toBe(200);
    const units = await p.get<{ items: { unitId: string; unitName: string }[] }>('/api/auth/acting-units');
    expect(units.body.items.map((x) => x.unitName)).toEqual([unit.name]);
    const before = p.cookies.get('ce_session');
    const sw = await p.post<Session>('/api/auth/switch-unit', { unitId: unit.id });
    expect(sw.status).toBe(200);
    expect(p.cookies.get('ce_session')).not.toBe(before);
    expect(sw.body.session).toMatchObject({ actorKind: 'agent', actingUnit: { name: unit.name } });
    // acting for a unit is not acting as the person
    expect((await p.get('/api/me/agencies')).status).toBe(403);
    const back = await p.post<Session>('/api/auth/switch-person');
    expect(back.body.session).toMatchObject({ actorKind: 'person', actingUnit: null });
  });

  it('only level-2 persons can be bound; all three facts must match', async () => {
    const unit = await makeUnit(t);
    const u = await loggedIn(t, unit, 'unit');
    const level1 = await makePerson(t, { level: 1 });
    const r = await u.post('/api/unit/agents', {
      realName: level1.realName,
      loginName: level1.loginName,
      idNumber: level1.idNumber,
    });
    expect(r.status).toBe(422);
    expect(r.error.message).toBe('只有通过实名认证（二级）后的用户才有权被绑定');
    const p = await makePerson(t);
    const mismatch = await u.post('/api/unit/agents', {
      realName: '别人',
      loginName: p.loginName,
      idNumber: p.idNumber,
    });
    expect(mismatch.status).toBe(404);
    const ok = await u.post('/api/unit/agents', {
      realName: p.realName,
      loginName: p.loginName,
      idNumber: p.idNumber.toLowerCase(),
    });
    expect(ok.status).toBe(200);
    const dup = await u.post('/api/unit/agents', {
      realName: p.realName,
      loginName: p.loginName,
      idNumber: p.idNumber,
    });
    expect(dup.status).toBe(409);
  });

  it('a person cannot act for a unit that has not authorized them, nor for another unit', async () => {
    const mine = await makeUnit(t);
    const other = await makeUnit(t);
    const person = await makePerson(t);
    await bindAgent(t, mine, person, { authorized: false });
    const p = await loggedIn(t, person);
    const r = await p.post('/api/auth/switch-unit', { unitId: mine.id });
    expect(r.status).toBe(403);
    expect(r.error.message).toBe('您不是该单位的已授权经办人，不能使用该单位账号登录');
    expect((await p.post('/api/auth/switch-unit', { unitId: other.id })).status).toBe(403);
  });

  it('a unit account cannot act for units, and a unit sees only its own bindings', async () => {
    const a = await makeUnit(t);
    const b = await makeUnit(t);
    const person = await makePerson(t);
    const binding = await bindAgent(t, a, person);
    const ub = await loggedIn(t, b, 'unit');
    expect((await ub.post('/api/auth/switch-unit', { unitId: a.id })).status).toBe(403);
    expect((await ub.get<Agents>('/api/unit/agents')).body.items).toEqual([]);
    expect((await ub.delete(`/api/unit/agents/${binding.id}`)).status).toBe(404);
    expect((await ub.post(`/api/unit/agents/${binding.id}/unauthorize`)).status).toBe(404);
    const stranger = await loggedIn(t, await makePerson(t));
    expect((await stranger.post(`/api/me/agencies/${binding.id}/reject`)).status).toBe(404);
  });

  it('取消绑定 and 取消授权 end the sessions in which the agent acts for the unit', async () => {
    const unit = await makeUnit(t);
    const person = await makePerson(t);
    const binding = await bindAgent(t, unit, person);
    const u = await loggedIn(t, unit, 'unit');

    const acting = await loggedIn(t, person);
    await acting.post('/api/auth/switch-unit', { unitId: unit.id });
    expect((await u.post(`/api/unit/agents/${binding.id}/unauthorize`)).status).toBe(200);
    expect((await acting.get<Session>('/api/auth/session')).body.session).toBeNull();

    await u.post(`/api/unit/agents/${binding.id}/authorize`);
    const acting2 = await loggedIn(t, person);
    await acting2.post('/api/auth/switch-unit', { unitId: unit.id });
    const plain = await loggedIn(t, person);
    expect((await u.delete(`/api/unit/agents/${binding.id}`)).status).toBe(200);
    expect((await acting2.get<Session>('/api/auth/session')).body.session).toBeNull();
    expect((await plain.get<Session>('/api/auth/session')).body.session).not.toBeNull();
    expect((await u.get<Agents>('/api/unit/agents')).body.items[0].status).toBe('cancelled');
    expect((await u.delete(`/api/unit/agents/${binding.id}`)).status).toBe(409);
  });

  it('a person may reject a request; the unit sees 已拒绝 and may ask again', async () => {
    const unit = await makeUnit(t);
    const person = await makePerson(t);
    const u = await loggedIn(t, unit, 'unit');
    const body = { realName: person.realName, loginName: person.loginName, idNumber: person.idNumber };
    const req = await u.post<{ id: string }>('/api/unit/agents', body);
    const p = await loggedIn(t, person);
    expect((await p.post(`/api/me/agencies/${req.body.id}/reject`)).status).toBe(200);
    expect((await u.get<Agents>('/api/unit/agents')).body.items[0].status).toBe('rejected');
    expect((await u.post('/api/unit/agents', body)).status).toBe(200);
  });

  it('the HRSS role gives its permissions only while acting for the HRSS unit', async () => {
    const hrssUnit = await makeUnit(t, { roles: [{ role: 'hrss', level: 'province', regionCode: '44' }] });
    const person = await makePerson(t);
    await bindAgent(t, hrssUnit, person);
    const c = new Client(t);
    await c.login(person.loginName, person.password);
    expect((await c.get('/api/admin/audit-events')).status).toBe(403);
    await c.post('/api/auth/switch-unit', { unitId: hrssUnit.id });
    expect((await c.get('/api/admin/audit-events')).status).toBe(200);
    const s = await c.get<Session>('/api/auth/session');
    expect(s.body.session?.permissions).toEqual(
      expect.arrayContaining(['realname.review', 'sms.outbox', 'audit.read']),
    );
  });
});
