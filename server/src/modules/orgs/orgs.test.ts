import type { EmployerProfile } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, orgRoles } from '../../db/schema';
import type { Client } from '../../test/client';
import { actingFor, bindAgent, hrssOperator, makePerson, makeUnit } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { pngBytes, upload } from '../../test/uploads';
import { makeEmployer } from '../../test/world';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const URL = '/api/orgs/employer-application';

const application = {
  nature: '民营企业',
  level: 'city',
  contactName: '李经办',
  officePhone: '020-88886666',
  mobilePhone: '13812345678',
  email: 'hr@example.com',
  postalCode: '510000',
  unitAddress: '广州市天河区体育西路1号',
  description: '软件开发与技术服务',
};

/** An agent acting for a unit in 广州 that holds no org role yet. */
async function newUnitAgent() {
  const unit = await makeUnit(t, { cityCode: '4401' });
  const agent = await makePerson(t);
  await bindAgent(t, unit, agent);
  return { unit, agent, client: await actingFor(t, agent, unit) };
}

async function auditActions(objectId: string) {
  const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, objectId));
  return rows.map((r) => r.action);
}

async function permissions(c: Client) {
  const r = await c.get<{ session: { permissions: string[] } }>('/api/auth/session');
  return r.body.session.permissions;
}

describe('法人单位角色申请', () => {
  it('prefills the unit account and the HRSS of the unit’s city', async () => {
    const hrss = await hrssOperator(t, 'city', '4401');
    const { unit, client } = await newUnitAgent();
    const r = await client.get<EmployerProfile>(URL);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'none',
      unitName: unit.name,
      certType: 'uscc',
      regionCode: '4401',
      regionName: '广东省广州市',
      hrssUnitId: hrss.unit.id,
      hrssUnitName: hrss.unit.name,
      licence: null,
    });
  });

  it('falls back to the province HRSS when the city has none', async () => {
    const province = await hrssOperator(t, 'province');
    const unit = await makeUnit(t, { cityCode: '4405' });
    const agent = await makePerson(t);
    await bindAgent(t, unit, agent);
    const c = await actingFor(t, agent, unit);
    const r = await c.get<EmployerProfile>(URL);
    expect(r.body.hrssUnitId).toBe(province.unit.id);
  });

  it('names the missing or malformed field on 保存', async () => {
    const { client } = await newUnitAgent();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ contactName: '' }, 'contactName', '请填写联系人'],
      [{ officePhone: '88-88' }, 'officePhone', '办公电话'],
      [{ mobilePhone: '1381234567' }, 'mobilePhone', '11位'],
      [{ email: 'not-mail' }, 'email', '邮箱格式错误'],
      [{ postalCode: '51000' }, 'postalCode', '6位数字'],
      [{ unitAddress: '地'.repeat(101) }, 'unitAddress', '100'],
      [{ description: '简'.repeat(501) }, 'description', '500'],
      [{ nature: '外星企业' }, 'nature', '请选择单位性质'],
      [{ level: 'town' }, 'level', '请选择隶属关系'],
    ];
    for (const [patch, field, text] of cases) {
      const r = await client.put(URL, { ...application, ...patch });
      expect(r.status, field).toBe(400);
      expect(r.error.fields?.[0].field).toBe(field);
      expect(r.error.message).toContain(text);
    }
    const noNature = await client.put(URL, { ...application, nature: undefined });
    expect(noNature.error.message).toBe('单位性质：请选择单位性质');
  });

  it('保存 → 上传营业执照 → 确认 grants the employer role after switching again', async () => {
    const { unit, agent, client } = await newUnitAgent();
    const saved = await client.put<EmployerProfile>(URL, application);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      status: 'draft',
      contactName: '李经办',
      unitAddress: application.unitAddress,
    });

    const early = await client.post(`${URL}/confirm`);
    expect(early.status).toBe(409);
    expect(early.error.message).toContain('营业执照');

    const file = await upload(client, 'licence', {
      name: '营业执照.png',
      bytes: pngBytes(),
      type: 'image/png',
    });
    expect(file.status).toBe(200);
    const attached = await client.post<EmployerProfile>(`${URL}/licence`, { licenceFileId: file.body.id });
    expect(attached.status).toBe(200);
    expect(attached.body.licence).toEqual({ id: file.body.id, name: '营业执照.png' });
    // the agent acting for the unit may read its licence
    expect((await client.get(`/api/files/${file.body.id}`)).status).toBe(200);

    expect(await permissions(client)).not.toContain('record.review');
    const confirmed = await client.post<{ message: string }>(`${URL}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.message).toBe('确认成功，法人单位功能菜单已开通');

    const [role] = await t.db
      .select()
      .from(orgRoles)
      .where(and(eq(orgRoles.unitId, unit.id), eq(orgRoles.role, 'employer')));
    expect(role).toMatchObject({ status: 'active', level: 'city', regionCode: '4401' });

    const again = await actingFor(t, agent, unit);
    expect(await permissions(again)).toEqual(expect.arrayContaining(['record.review', 'staff.confirm']));
    expect((await again.get<EmployerProfile>(URL)).body.status).toBe('approved');

    // after approval, only 信息维护 changes the info
    const resave = await again.put(URL, application);
    expect(resave.status).toBe(409);
    expect(resave.error.message).toContain('法人单位信息维护');
    expect((await again.post(`${URL}/confirm`)).status).toBe(409);

    expect(await auditActions(unit.id)).toEqual(expect.arrayContaining(['org.save', 'org.confirm']));
  });

  it('refuses a licence that is not the uploader’s own', async () => {
    const other = await newUnitAgent();
    const theirs = await upload(other.client, 'licence', {
      name: 'a.png',
      bytes: pngBytes(),
      type: 'image/png',
    });
    const { client } = await newUnitAgent();
    await client.put(URL, application);
    const r = await client.post(`${URL}/licence`, { licenceFileId: theirs.body.id });
    expect(r.status).toBe(400);
    expect(r.error.fields?.[0]).toMatchObject({ field: 'licenceFileId', label: '营业执照' });
    // and another unit's agent cannot download it
    expect((await client.get(`/api/files/${theirs.body.id}`)).status).toBe(404);
  });

  it('asks to save the info before the licence', async () => {
    const { client } = await newUnitAgent();
    const file = await upload(client, 'licence', { name: 'a.png', bytes: pngBytes(), type: 'image/png' });
    const r = await client.post(`${URL}/licence`, { licenceFileId: file.body.id });
    expect(r.status).toBe(409);
    expect(r.error.message).toContain('保存');
  });

  it('is not offered to an HRSS org, which applies for no role', async () => {
    const hrss = await hrssOperator(t);
    const s = await hrss.client.get<{ session: { permissions: string[] } }>('/api/auth/session');
    expect(s.body.session.permissions).not.toContain('role.apply');
    expect((await hrss.client.get(URL)).status).toBe(403);
  });

  it('lets the HRSS of the region read the licence, not another city’s', async () => {
    const { client } = await newUnitAgent();
    await client.put(URL, application);
    const file = await upload(client, 'licence', { name: 'a.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF') });
    await client.post(`${URL}/licence`, { licenceFileId: file.body.id });
    const gz = await hrssOperator(t, 'city', '4401');
    const sz = await hrssOperator(t, 'city', '4403');
    expect((await gz.client.get(`/api/files/${file.body.id}`)).status).toBe(200);
    expect((await sz.client.get(`/api/files/${file.body.id}`)).status).toBe(404);
  });
});

describe('法人单位信息维护', () => {
  it('changes the contact fields and audits it', async () => {
    const employer = await makeEmployer(t);
    const before = await employer.client.get<EmployerProfile>('/api/employer/profile');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      status: 'approved',
      unitName: employer.unit.name,
      nature: '民营企业',
    });
    const r = await employer.client.put<EmployerProfile>('/api/employer/profile', {
      ...application,
      contactName: '王联系',
      description: '新的职能简介',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ contactName: '王联系', description: '新的职能简介', nature: '民营企业' });
    expect(await auditActions(employer.unit.id)).toContain('org.update');
  });

  it('accepts locked fields sent back unchanged, refuses a changed name naming the field', async () => {
    const employer = await makeEmployer(t);
    const current = (await employer.client.get<EmployerProfile>('/api/employer/profile')).body;
    const same = await employer.client.put('/api/employer/profile', {
      ...application,
      unitName: current.unitName,
      nature: current.nature,
    });
    expect(same.status).toBe(200);
    const renamed = await employer.client.put('/api/employer/profile', {
      ...application,
      unitName: '改名公司',
    });
    expect(renamed.status).toBe(400);
    expect(renamed.error.fields?.[0]).toMatchObject({ field: 'unitName', label: '单位名称' });
    expect(renamed.error.message).toContain('不能在信息维护中修改');
    const level = await employer.client.put('/api/employer/profile', { ...application, level: 'province' });
    expect(level.error.fields?.[0].field).toBe('level');
    const after = await employer.client.get<EmployerProfile>('/api/employer/profile');
    expect(after.body.unitName).toBe(current.unitName);
  });

  it('is not open to a unit without the employer role', async () => {
    const { client } = await newUnitAgent();
    expect((await client.get('/api/employer/profile')).status).toBe(403);
  });
});
