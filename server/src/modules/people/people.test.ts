import type { MyProfileResponse, ProfessionalDetail } from '@ce/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, professionals } from '../../db/schema';
import { loggedIn, makePerson } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional } from '../../test/world';
import { profileFor } from './people.fixtures';
import { confirmedProfessionalOf } from './people.policy';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function auditActions(objectId: string) {
  const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, objectId));
  return rows.map((r) => r.action);
}

async function newPerson() {
  const person = await makePerson(t);
  return { person, client: await loggedIn(t, person) };
}

describe('人员基本信息维护', () => {
  it('prefills name, ID number, sex and birth date from the account before the first save', async () => {
    const { person, client } = await newPerson();
    const r = await client.get<MyProfileResponse>('/api/people/me');
    expect(r.status).toBe(200);
    expect(r.body.profile).toBeNull();
    const expected = profileFor(person.idNumber);
    expect(r.body.prefill).toMatchObject({
      name: person.realName,
      idNumber: person.idNumber,
      sex: expected.sex,
      birthDate: expected.birthDate,
    });
  });

  it('rejects a sex or birth date that disagrees with the ID number, naming the field', async () => {
    const { person, client } = await newPerson();
    const good = profileFor(person.idNumber);
    const sex = await client.put('/api/people/me', { ...good, sex: good.sex === 'male' ? 'female' : 'male' });
    expect(sex.status).toBe(400);
    expect(sex.error.fields?.[0]).toMatchObject({ field: 'sex', label: '性别' });
    expect(sex.error.message).toContain('性别与公民身份号码不一致');
    const birth = await client.put('/api/people/me', { ...good, birthDate: '1999-12-31' });
    expect(birth.status).toBe(400);
    expect(birth.error.fields?.[0]).toMatchObject({ field: 'birthDate', label: '出生日期' });
  });

  it('names missing and malformed fields', async () => {
    const { person, client } = await newPerson();
    const good = profileFor(person.idNumber);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ethnicity: undefined }, 'ethnicity', '民族：请选择民族'],
      [{ education: '幼儿园' }, 'education', '最高学历：请选择最高学历'],
      [{ major: '' }, 'major', '所学专业：请填写所学专业'],
      [{ contactPhone: '123' }, 'contactPhone', '联系电话'],
      [{ email: 'x@' }, 'email', '邮箱格式错误'],
      [{ postalCode: '12345' }, 'postalCode', '6位数字'],
      [{ graduationDate: '2020-02-30' }, 'graduationDate', '不是有效日期'],
      [{ series: '魔法师' }, 'series', '请选择专业系列'],
      [{ workStartDate: '2999-01-01' }, 'workStartDate', '不能晚于今天'],
    ];
    for (const [patch, field, text] of cases) {
      const r = await client.put('/api/people/me', { ...good, ...patch });
      expect(r.status, field).toBe(400);
      expect(r.error.fields?.[0].field).toBe(field);
      expect(r.error.message).toContain(text);
    }
  });

  it('lists only units holding the employer role in the picker', async () => {
    const employer = await makeEmployer(t);
    const { client } = await newPerson();
    const r = await client.get<{ id: string; name: string; regionName: string }[]>(
      `/api/people/employers?name=${encodeURIComponent(employer.unit.name)}`,
    );
    expect(r.body).toEqual([{ id: employer.unit.id, name: employer.unit.name, regionName: '广东省广州市' }]);
    const submit = await client.post('/api/people/me/submit', {
      ...profileFor((await client.get<MyProfileResponse>('/api/people/me')).body.prefill.idNumber),
      employerId: employer.agent.id,
    });
    expect(submit.status).toBe(400);
    expect(submit.error.fields?.[0]).toMatchObject({ field: 'employerId', label: '所属单位' });
  });

  it('保存 → 提交 → 是: pending, then confirmed, and records may be declared', async () => {
    const employer = await makeEmployer(t);
    const { person, client } = await newPerson();
    const fields = profileFor(person.idNumber);
    const saved = await client.put<{ profile: ProfessionalDetail }>('/api/people/me', {
      ...fields,
      employerId: employer.unit.id,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toMatchObject({ bindingStatus: 'none', employer: { id: employer.unit.id } });
    await expect(confirmedProfessionalOf(t.db, person.id)).rejects.toThrow('请先在“人员基本信息维护”');

    const submitted = await client.post<{ message: string; profile: ProfessionalDetail }>(
      '/api/people/me/submit',
      { ...fields, employerId: employer.unit.id },
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.profile.bindingStatus).toBe('pending');
    expect(submitted.body.message).toContain(employer.unit.name);
    await expect(confirmedProfessionalOf(t.db, person.id)).rejects.toThrow('尚未确认');
    const id = submitted.body.profile.id;

    const list = await employer.client.get<{ items: { id: string; idNumber: string }[]; total: number }>(
      '/api/employer/staff-confirmations',
    );
    expect(list.body.items.map((i) => i.id)).toEqual([id]);
    expect(list.body.items[0].idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);

    const yes = await employer.client.post(`/api/employer/staff-confirmations/${id}/confirm`);
    expect(yes.status).toBe(200);
    const me = await client.get<MyProfileResponse>('/api/people/me');
    expect(me.body.profile?.bindingStatus).toBe('confirmed');
    const confirmed = await confirmedProfessionalOf(t.db, person.id);
    expect(confirmed.employerId).toBe(employer.unit.id);

    const staff = await employer.client.get<{ items: { id: string }[] }>('/api/employer/staff');
    expect(staff.body.items.map((i) => i.id)).toContain(id);
    expect((await employer.client.post(`/api/employer/staff-confirmations/${id}/confirm`)).status).toBe(404);
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['profile.save', 'profile.submit', 'staff.confirm']),
    );
  });

  it('否 marks the binding rejected; the person may submit again', async () => {
    const employer = await makeEmployer(t);
    const prof = await makeProfessional(t, employer, { status: 'pending' });
    const no = await employer.client.post(`/api/employer/staff-confirmations/${prof.id}/reject`);
    expect(no.status).toBe(200);
    const me = await prof.client.get<MyProfileResponse>('/api/people/me');
    expect(me.body.profile?.bindingStatus).toBe('rejected');
    await expect(confirmedProfessionalOf(t.db, prof.person.id)).rejects.toThrow('未通过');
    expect(await auditActions(prof.id)).toContain('staff.reject');
    const again = await prof.client.post<{ profile: ProfessionalDetail }>('/api/people/me/submit', {
      ...profileFor(prof.person.idNumber),
      employerId: employer.unit.id,
    });
    expect(again.body.profile.bindingStatus).toBe('pending');
  });

  it('another employer can neither see nor confirm it', async () => {
    const employer = await makeEmployer(t);
    const other = await makeEmployer(t);
    const prof = await makeProfessional(t, employer, { status: 'pending' });
    const list = await other.client.get<{ total: number }>('/api/employer/staff-confirmations');
    expect(list.body.total).toBe(0);
    expect((await other.client.post(`/api/employer/staff-confirmations/${prof.id}/confirm`)).status).toBe(
      404,
    );
    expect((await other.client.post(`/api/employer/staff-confirmations/${prof.id}/reject`)).status).toBe(404);
    expect((await other.client.get(`/api/employer/staff/${prof.id}`)).status).toBe(404);
  });

  it('saving another employer while confirmed is refused; 提交 ends the old binding', async () => {
    const first = await makeEmployer(t);
    const second = await makeEmployer(t);
    const prof = await makeProfessional(t, first);
    const fields = profileFor(prof.person.idNumber);
    const save = await prof.client.put('/api/people/me', { ...fields, employerId: second.unit.id });
    expect(save.status).toBe(409);
    expect(save.error.message).toContain('提交');
    const submit = await prof.client.post<{ message: string; profile: ProfessionalDetail }>(
      '/api/people/me/submit',
      { ...fields, employerId: second.unit.id },
    );
    expect(submit.body.profile).toMatchObject({ bindingStatus: 'pending', employer: { id: second.unit.id } });
    expect(submit.body.message).toContain('原单位');
    const old = await first.client.get<{ total: number }>('/api/employer/staff');
    expect(old.body.total).toBe(0);
  });

  it('人员确认 confirms a batch and reports each failure', async () => {
    const employer = await makeEmployer(t);
    const other = await makeEmployer(t);
    const a = await makeProfessional(t, employer, { status: 'pending' });
    const b = await makeProfessional(t, employer, { status: 'pending' });
    const foreign = await makeProfessional(t, other, { status: 'pending' });
    const r = await employer.client.post<{ succeeded: number; failed: { id: string; message: string }[] }>(
      '/api/employer/staff-confirmations/confirm',
      { ids: [a.id, b.id, foreign.id] },
    );
    expect(r.status).toBe(200);
    expect(r.body.succeeded).toBe(2);
    expect(r.body.failed).toEqual([{ id: foreign.id, message: '待确认的人员信息不存在或无权查看' }]);
    const [row] = await t.db.select().from(professionals).where(eq(professionals.id, foreign.id));
    expect(row.bindingStatus).toBe('pending');
    const empty = await employer.client.post('/api/employer/staff-confirmations/confirm', { ids: [] });
    expect(empty.status).toBe(400);
  });
});

describe('confirmedProfessionalOf / 个人 without a profile', () => {
  it('asks a person without a profile to fill it in', async () => {
    const { person } = await newPerson();
    await expect(confirmedProfessionalOf(t.db, person.id)).rejects.toMatchObject({ status: 409 });
  });
});
