import {
  type MyProfileResponse,
  makeIdNumber,
  type ProfessionalDetail,
  SEX_LABELS,
  type StaffListItem,
} from '@ce/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { Client } from '../../test/client';
import { loggedIn, makePerson } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional } from '../../test/world';
import { profileFor } from './people.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

let seq = 500;
const freshId = () => makeIdNumber({ region: '440104', birthDate: '19850315', seq: seq++ });

async function auditActions(objectId: string) {
  const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, objectId));
  return rows.map((r) => r.action);
}

type Page = { items: StaffListItem[]; total: number };

describe('专业技术人员信息维护', () => {
  it('新增 by ID number; when that ID registers, the person sees the filled, confirmed profile', async () => {
    const employer = await makeEmployer(t);
    const idNumber = freshId();
    const added = await employer.client.post<ProfessionalDetail>('/api/employer/staff', {
      ...profileFor(idNumber, '陈新增'),
      idNumber,
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      idNumber,
      bindingStatus: 'confirmed',
      hasAccount: false,
      employer: { id: employer.unit.id, name: employer.unit.name },
    });
    expect(await auditActions(added.body.id)).toContain('staff.add');

    const c = new Client(t);
    const reg = await c.post<{ accountId: string }>('/api/register/person', {
      loginName: `staff_reg_${seq}`,
      password: 'Gd2024Edu',
      realName: '陈新增',
      idNumber,
      phone: '13612345678',
      ...(await c.captcha()),
    });
    expect(reg.status).toBe(200);
    expect(await auditActions(added.body.id)).toContain('staff.link');
    expect((await c.login(`staff_reg_${seq}`, 'Gd2024Edu')).status).toBe(200);
    const me = await c.get<MyProfileResponse>('/api/people/me');
    expect(me.body.profile).toMatchObject({
      id: added.body.id,
      name: '陈新增',
      major: '土木工程',
      bindingStatus: 'confirmed',
      hasAccount: true,
      employer: { id: employer.unit.id },
    });
  });

  it('新增 of an ID confirmed elsewhere → 409; an unbound one is taken over', async () => {
    const first = await makeEmployer(t);
    const second = await makeEmployer(t);
    const bound = await makeProfessional(t, first);
    const clash = await second.client.post('/api/employer/staff', {
      ...profileFor(bound.person.idNumber),
      idNumber: bound.person.idNumber,
    });
    expect(clash.status).toBe(409);
    expect(clash.error.message).toContain(first.unit.name);
    expect(clash.error.message).toContain('解除绑定');

    const pendingElsewhere = await makeProfessional(t, first, { status: 'pending' });
    const clash2 = await second.client.post('/api/employer/staff', {
      ...profileFor(pendingElsewhere.person.idNumber),
      idNumber: pendingElsewhere.person.idNumber,
    });
    expect(clash2.status).toBe(409);

    const free = await makeProfessional(t, null);
    const took = await second.client.post<ProfessionalDetail>('/api/employer/staff', {
      ...profileFor(free.person.idNumber),
      idNumber: free.person.idNumber,
    });
    expect(took.status).toBe(200);
    expect(took.body).toMatchObject({ id: free.id, bindingStatus: 'confirmed', hasAccount: true });
    const again = await second.client.post('/api/employer/staff', {
      ...profileFor(free.person.idNumber),
      idNumber: free.person.idNumber,
    });
    expect(again.status).toBe(409);
  });

  it('新增 links a person who registered before and checks the ID number and dates', async () => {
    const employer = await makeEmployer(t);
    const person = await makePerson(t);
    const r = await employer.client.post<ProfessionalDetail>('/api/employer/staff', {
      ...profileFor(person.idNumber),
      idNumber: person.idNumber,
    });
    expect(r.body.hasAccount).toBe(true);
    const own = await loggedIn(t, person);
    expect((await own.get<MyProfileResponse>('/api/people/me')).body.profile?.bindingStatus).toBe(
      'confirmed',
    );

    const idNumber = freshId();
    const badId = await employer.client.post('/api/employer/staff', {
      ...profileFor(idNumber),
      idNumber: `${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}`,
    });
    expect(badId.status).toBe(400);
    expect(badId.error.fields?.[0].field).toBe('idNumber');
    const badBirth = await employer.client.post('/api/employer/staff', {
      ...profileFor(idNumber),
      birthDate: '1985-03-16',
      idNumber,
    });
    expect(badBirth.status).toBe(400);
    expect(badBirth.error.fields?.[0]).toMatchObject({ field: 'birthDate', label: '出生日期' });
  });

  it('lists confirmed staff masked, searches, and shows the detail in full', async () => {
    const employer = await makeEmployer(t);
    const a = await makeProfessional(t, employer);
    await makeProfessional(t, employer);
    await makeProfessional(t, employer, { status: 'pending' });
    const all = await employer.client.get<Page>('/api/employer/staff');
    expect(all.body.total).toBe(2);
    const row = all.body.items.find((i) => i.id === a.id);
    expect(row).toMatchObject({
      name: a.person.realName,
      education: '大学本科教育',
      bindingStatus: 'confirmed',
    });
    expect(row?.idNumber).toBe(`${a.person.idNumber.slice(0, 4)}**********${a.person.idNumber.slice(-4)}`);

    const byName = await employer.client.get<Page>(
      `/api/employer/staff?name=${encodeURIComponent(a.person.realName)}`,
    );
    expect(byName.body.items.map((i) => i.id)).toEqual([a.id]);
    const byId = await employer.client.get<Page>(`/api/employer/staff?idNumber=${a.person.idNumber}`);
    expect(byId.body.items.map((i) => i.id)).toEqual([a.id]);
    const paged = await employer.client.get<Page & { pageSize: number }>(
      '/api/employer/staff?page=2&pageSize=1',
    );
    expect(paged.body).toMatchObject({ total: 2, pageSize: 1 });
    expect(paged.body.items).toHaveLength(1);

    const detail = await employer.client.get<ProfessionalDetail>(`/api/employer/staff/${a.id}`);
    expect(detail.body).toMatchObject({ idNumber: a.person.idNumber, contactPhone: a.person.phone });
  });

  it("导出Excel: the filtered list as shown, IDs masked, only this employer's staff", async () => {
    const employer = await makeEmployer(t);
    const a = await makeProfessional(t, employer);
    const b = await makeProfessional(t, employer);
    const pending = await makeProfessional(t, employer, { status: 'pending' });
    const other = await makeEmployer(t);
    const stranger = await makeProfessional(t, other);
    const asRow = (i: StaffListItem, n: number) => [
      n + 1,
      i.name,
      SEX_LABELS[i.sex],
      i.idNumber,
      i.education,
      i.workStartDate,
    ];

    const all = await employer.client.get<Page>('/api/employer/staff?pageSize=200');
    const x = await employer.client.downloadSheet('/api/employer/staff/export');
    expect(x.disposition).toContain(encodeURIComponent('专业技术人员信息.xlsx'));
    // 序号 first, as on the page (manual 003 §1.5.2)
    expect(x.header).toEqual(['序号', '姓名', '性别', '公民身份号码', '学历', '参加工作时间']);
    expect(x.rows).toEqual(all.body.items.map(asRow));
    expect(x.rows.map((r) => r[1]).sort()).toEqual([a.person.realName, b.person.realName].sort());
    const mask = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;
    expect(x.rows.map((r) => r[3]).sort()).toEqual([mask(a.person.idNumber), mask(b.person.idNumber)].sort());
    const names = x.rows.map((r) => r[1]);
    expect(names).not.toContain(pending.person.realName);
    expect(names).not.toContain(stranger.person.realName);

    // the list's filters, and the page is not what limits the export
    const query = `name=${encodeURIComponent(a.person.realName)}&page=2&pageSize=1`;
    const byName = await employer.client.get<Page>(
      `/api/employer/staff?name=${encodeURIComponent(a.person.realName)}`,
    );
    const filtered = await employer.client.downloadSheet(`/api/employer/staff/export?${query}`);
    expect(filtered.rows).toEqual(byName.body.items.map(asRow));
    expect(filtered.rows).toHaveLength(1);

    // another employer, even asking for this one's person by ID, gets only its own
    const theirs = await other.client.downloadSheet(`/api/employer/staff/export`);
    expect(theirs.rows.map((r) => r[1])).toEqual([stranger.person.realName]);
    const probe = await other.client.downloadSheet(
      `/api/employer/staff/export?idNumber=${a.person.idNumber}`,
    );
    expect(probe.rows).toEqual([]);
    expect((await stranger.client.get('/api/employer/staff/export')).status).toBe(403);
  });

  it('修改 keeps the ID number and checks the same rules', async () => {
    const employer = await makeEmployer(t);
    const a = await makeProfessional(t, employer);
    const fields = profileFor(a.person.idNumber, a.person.realName);
    const r = await employer.client.put<ProfessionalDetail>(`/api/employer/staff/${a.id}`, {
      ...fields,
      specialty: '桥梁工程',
      idNumber: '440101199001011234',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ specialty: '桥梁工程', idNumber: a.person.idNumber });
    const bad = await employer.client.put(`/api/employer/staff/${a.id}`, {
      ...fields,
      sex: fields.sex === 'male' ? 'female' : 'male',
    });
    expect(bad.status).toBe(400);
    expect(bad.error.fields?.[0].field).toBe('sex');
    const other = await makeEmployer(t);
    expect((await other.client.put(`/api/employer/staff/${a.id}`, fields)).status).toBe(404);
    expect(await auditActions(a.id)).toContain('staff.update');
  });

  it('解除绑定 ends the binding; the person keeps the profile and must pick an employer again', async () => {
    const employer = await makeEmployer(t);
    const a = await makeProfessional(t, employer);
    const other = await makeEmployer(t);
    expect((await other.client.post(`/api/employer/staff/${a.id}/unbind`)).status).toBe(404);
    const r = await employer.client.post(`/api/employer/staff/${a.id}/unbind`);
    expect(r.status).toBe(200);
    const list = await employer.client.get<Page>('/api/employer/staff');
    expect(list.body.total).toBe(0);
    const me = await a.client.get<MyProfileResponse>('/api/people/me');
    expect(me.body.profile).toMatchObject({ id: a.id, bindingStatus: 'none', employer: null });
    expect(await auditActions(a.id)).toContain('staff.unbind');
    expect((await employer.client.post(`/api/employer/staff/${a.id}/unbind`)).status).toBe(404);
  });

  it('is closed to persons and to units without the employer role', async () => {
    const prof = await makeProfessional(t, null);
    expect((await prof.client.get('/api/employer/staff')).status).toBe(403);
    expect(
      (await prof.client.post('/api/employer/staff-confirmations/confirm', { ids: [prof.id] })).status,
    ).toBe(403);
  });
});
