import type { InstitutionProfile } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgRoles } from '../../db/schema';
import type { Client } from '../../test/client';
import { actingFor, bindAgent, makePerson, makeUnit } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { pngBytes, upload } from '../../test/uploads';
import { makeInstitution } from '../../test/world';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const URL = '/api/orgs/institution-application';

const application = {
  level: 'city',
  nature: '事业单位',
  parentAuthorityName: '广州市住房和城乡建设局',
  legalName: '王法人',
  legalPhone: '13800001111',
  legalEmail: 'legal@example.com',
  contactName: '李联系',
  contactMobile: '13900002222',
  contactEmail: 'contact@example.com',
  institutionAddress: '广州市天河区五山路1号',
  institutionIntro: '建筑工程继续教育培训基地',
};

async function newUnitAgent(opts: { countyCode?: string } = {}) {
  const unit = await makeUnit(t, { cityCode: '4401', countyCode: opts.countyCode });
  const agent = await makePerson(t);
  await bindAgent(t, unit, agent);
  return { unit, agent, client: await actingFor(t, agent, unit) };
}

async function permissions(c: Client) {
  const r = await c.get<{ session: { permissions: string[] } }>('/api/auth/session');
  return r.body.session.permissions;
}

describe('施教机构角色申请', () => {
  it('保存 → 上传附件 → 确认 grants the institution role at once', async () => {
    const { unit, agent, client } = await newUnitAgent();
    const before = await client.get<InstitutionProfile>(URL);
    expect(before.body).toMatchObject({ status: 'none', unitName: unit.name, licence: null });

    const saved = await client.put<InstitutionProfile>(URL, application);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      status: 'draft',
      level: 'city',
      regionCode: '4401',
      nature: '事业单位',
      parentAuthorityName: '广州市住房和城乡建设局',
      legalName: '王法人',
      contactMobile: '13900002222',
      contactEmail: 'contact@example.com',
      institutionAddress: application.institutionAddress,
      institutionIntro: application.institutionIntro,
    });

    const early = await client.post(`${URL}/confirm`);
    expect(early.status).toBe(409);
    expect(early.error.message).toContain('统一社会信用代码证');

    const file = await upload(client, 'licence', {
      name: '办学许可证.png',
      bytes: pngBytes(),
      type: 'image/png',
    });
    const attached = await client.post<InstitutionProfile>(`${URL}/licence`, { licenceFileId: file.body.id });
    expect(attached.status).toBe(200);
    expect(attached.body.licence).toMatchObject({ id: file.body.id, name: '办学许可证.png' });
    // the agent acting for the institution may read its own attachment
    expect((await client.get(`/api/files/${file.body.id}`)).status).toBe(200);

    expect(await permissions(client)).not.toContain('qualification.apply');
    const confirmed = await client.post<{ message: string }>(`${URL}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.message).toBe('确认成功，施教机构功能菜单已开通');
    const [role] = await t.db
      .select()
      .from(orgRoles)
      .where(and(eq(orgRoles.unitId, unit.id), eq(orgRoles.role, 'institution')));
    expect(role).toMatchObject({ status: 'active', level: 'city', regionCode: '4401' });

    const again = await actingFor(t, agent, unit);
    expect(await permissions(again)).toEqual(
      expect.arrayContaining(['qualification.apply', 'institution.profile']),
    );
    const resave = await again.put(URL, application);
    expect(resave.status).toBe(409);
    expect(resave.error.message).toContain('施教机构信息维护');
  });

  it('names the field: a county level needs a unit registered in a county, lengths are checked', async () => {
    const { client } = await newUnitAgent();
    const county = await client.put(URL, { ...application, level: 'county' });
    expect(county.status).toBe(400);
    expect(county.error.fields?.[0].field).toBe('level');
    expect(county.error.message).toContain('县(区)');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ institutionAddress: '地'.repeat(101) }, 'institutionAddress', '机构详细地址不能超过100字'],
      [{ institutionIntro: '简'.repeat(501) }, 'institutionIntro', '机构基地简介不能超过500字'],
      [{ legalEmail: 'x' }, 'legalEmail', '法人E-Mail格式错误'],
      [{ contactMobile: '123' }, 'contactMobile', '联系人电话应为11位手机号码'],
      [{ nature: '外星' }, 'nature', '请选择性质'],
    ];
    for (const [patch, field, text] of cases) {
      const r = await client.put(URL, { ...application, ...patch });
      expect(r.status, field).toBe(400);
      expect(r.error.fields?.[0].field).toBe(field);
      expect(r.error.message).toContain(text);
    }
    const inCounty = await newUnitAgent({ countyCode: '440106' });
    const ok = await inCounty.client.put<InstitutionProfile>(URL, { ...application, level: 'county' });
    expect(ok.status).toBe(200);
    expect(ok.body.regionCode).toBe('440106');
  });
});

describe('施教机构信息维护', () => {
  it('changes the contact-type fields, refuses the locked ones naming them', async () => {
    const inst = await makeInstitution(t);
    const before = await inst.client.get<InstitutionProfile>('/api/institution/profile');
    expect(before.status).toBe(200);
    const edit = {
      legalPhone: '13811112222',
      legalEmail: 'l2@example.com',
      contactName: '新联系人',
      contactMobile: '13722223333',
      contactEmail: 'c2@example.com',
      institutionAddress: '新地址',
      institutionIntro: '新简介',
    };
    // the locked fields sent back unchanged are accepted
    const r = await inst.client.put<InstitutionProfile>('/api/institution/profile', {
      ...edit,
      unitName: before.body.unitName,
      level: before.body.level,
      legalName: before.body.legalName,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ...edit, legalName: before.body.legalName, status: 'approved' });

    const locked = await inst.client.put('/api/institution/profile', { ...edit, legalName: '换人' });
    expect(locked.status).toBe(400);
    expect(locked.error.fields?.[0]).toMatchObject({ field: 'legalName', label: '法人姓名' });
    const level = await inst.client.put('/api/institution/profile', { ...edit, level: 'province' });
    expect(level.error.fields?.[0].field).toBe('level');
    const after = await inst.client.get<InstitutionProfile>('/api/institution/profile');
    expect(after.body.legalName).toBe(before.body.legalName);
    expect(after.body.level).toBe('city');
  });
});
