import { makeIdNumber, type TeacherDetail } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, teachers } from '../../db/schema';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeAuthority, makeEmployer, makeInstitution, type TestOrg } from '../../test/world';
import { enabledTeachers, teacherReferences } from './teachers.repository';

let t: TestApp;
let institution: TestOrg;
let authority: TestOrg;
let employer: TestOrg;

beforeAll(async () => {
  t = await startTestApp();
  institution = await makeInstitution(t);
  authority = await makeAuthority(t, { level: 'city' });
  employer = await makeEmployer(t);
});
afterAll(() => t.close());

let n = 100;
/** A valid ID number; an odd sequence is a man's (GB 11643: the 17th digit). */
function idOf(sex: 'male' | 'female' = 'male') {
  n += 2;
  return makeIdNumber({ region: '440106', birthDate: '19800506', seq: sex === 'male' ? n + 1 : n });
}

const teacherBody = (over: Record<string, unknown> = {}) => ({
  name: '王老师',
  sex: 'male',
  idNumber: idOf('male'),
  teacherTitle: '副高级',
  contactPhone: '13912345678',
  teacherEmail: 'wang@example.com',
  teachableCourses: '建筑结构设计；工程造价',
  teacherIntro: '从事建筑结构设计二十年',
  ...over,
});

type List = {
  items: {
    id: string;
    name: string;
    idNumber: string;
    contactPhone: string;
    status: string;
    teacherTitle: string;
  }[];
  total: number;
};

const auditRows = (action: string, id: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.objectId, id)));

describe('师资信息维护 (manual 002 §1.6.1, 003 §1.7.1)', () => {
  it('新增, list with masked phone and ID, 修改, every change audited', async () => {
    const body = teacherBody();
    const created = await institution.client.post<TeacherDetail>('/api/org/teachers', body);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: '王老师',
      idNumber: body.idNumber,
      teacherTitle: '副高级',
      status: 'enabled',
    });
    const id = created.body.id;
    expect(await auditRows('teacher.create', id)).toHaveLength(1);

    const list = await institution.client.get<List>(`/api/org/teachers?name=${encodeURIComponent('王')}`);
    const row = list.body.items.find((i) => i.id === id);
    expect(row).toMatchObject({
      contactPhone: '139****5678',
      idNumber: `${body.idNumber.slice(0, 4)}**********${body.idNumber.slice(-4)}`,
      status: 'enabled',
    });
    const byId = await institution.client.get<List>(`/api/org/teachers?idNumber=${body.idNumber}`);
    expect(byId.body.items.map((i) => i.id)).toEqual([id]);

    const edited = await institution.client.put<TeacherDetail>(`/api/org/teachers/${id}`, {
      ...body,
      teacherTitle: '正高级',
      teachableCourses: '工程造价',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ teacherTitle: '正高级', teachableCourses: '工程造价' });
    expect((await institution.client.get<TeacherDetail>(`/api/org/teachers/${id}`)).body).toMatchObject({
      contactPhone: '13912345678',
      teacherEmail: 'wang@example.com',
      teacherIntro: '从事建筑结构设计二十年',
    });
    expect(await auditRows('teacher.update', id)).toHaveLength(1);
  });

  it('checks the ID number (GB 11643), the sex against it and every required field, naming the field', async () => {
    const good = teacherBody();
    const badCheck = `${good.idNumber.slice(0, 17)}${good.idNumber[17] === '0' ? '1' : '0'}`;
    const r1 = await institution.client.post('/api/org/teachers', { ...good, idNumber: badCheck });
    expect(r1.status).toBe(400);
    expect(r1.error.message).toContain('公民身份号码');
    expect(r1.error.message).toContain('校验位');

    const r2 = await institution.client.post('/api/org/teachers', { ...good, sex: 'female' });
    expect(r2.status).toBe(400);
    expect(r2.error.message).toBe('性别：性别与公民身份号码不一致（应为男）');

    const r3 = await institution.client.post('/api/org/teachers', {
      ...good,
      teachableCourses: 'x'.repeat(501),
    });
    expect(r3.status).toBe(400);
    expect(r3.error.message).toContain('可以教授课程不能超过500字');
    const r4 = await institution.client.post('/api/org/teachers', {
      ...good,
      teacherIntro: 'x'.repeat(1001),
    });
    expect(r4.error.message).toContain('教师简介不能超过1000字');
    const r5 = await institution.client.post('/api/org/teachers', { ...good, teacherEmail: '' });
    expect(r5.error.message).toContain('E-Mail');
    const r6 = await institution.client.post('/api/org/teachers', { ...good, teacherTitle: '教授' });
    expect(r6.error.message).toContain('专业技术资格');
    // nothing was saved
    const rows = await t.db.select().from(teachers).where(eq(teachers.idNumber, good.idNumber));
    expect(rows).toHaveLength(0);
  });

  it('ID number unique per org: 409 naming the field; another org may hold the same person', async () => {
    const body = teacherBody();
    expect((await institution.client.post('/api/org/teachers', body)).status).toBe(200);
    const dup = await institution.client.post('/api/org/teachers', { ...body, name: '另一人' });
    expect(dup.status).toBe(409);
    expect(dup.error.message).toBe('公民身份号码：本单位已有该公民身份号码的教师');

    // 修改 another teacher to that ID number: 409 as well
    const other = await institution.client.post<TeacherDetail>('/api/org/teachers', teacherBody());
    const clash = await institution.client.put(`/api/org/teachers/${other.body.id}`, {
      ...teacherBody(),
      idNumber: body.idNumber,
    });
    expect(clash.status).toBe(409);
    expect(clash.error.message).toContain('公民身份号码');

    expect((await employer.client.post('/api/org/teachers', body)).status).toBe(200);
  });

  it('an org sees only its own teachers: another org’s teacher is 404 everywhere', async () => {
    const own = await authority.client.post<TeacherDetail>(
      '/api/org/teachers',
      teacherBody({ name: '主管部门教师' }),
    );
    expect(own.status).toBe(200);
    const id = own.body.id;
    const list = await institution.client.get<List>('/api/org/teachers?pageSize=200');
    expect(list.body.items.map((i) => i.id)).not.toContain(id);
    expect((await authority.client.get<List>('/api/org/teachers')).body.items.map((i) => i.id)).toEqual([id]);

    expect((await institution.client.get(`/api/org/teachers/${id}`)).status).toBe(404);
    expect((await institution.client.put(`/api/org/teachers/${id}`, teacherBody())).status).toBe(404);
    for (const action of ['enable', 'disable', 'delete']) {
      const r = await institution.client.post(`/api/org/teachers/${action}`, { ids: [id] });
      expect(r.status).toBe(404);
    }
    const after = await authority.client.get<TeacherDetail>(`/api/org/teachers/${id}`);
    expect(after.body).toMatchObject({ status: 'enabled', name: '主管部门教师' });
  });

  it('启用 / 禁用 in batch; only 启用 teachers may be chosen (enabledTeachers)', async () => {
    const a = (await employer.client.post<TeacherDetail>('/api/org/teachers', teacherBody())).body.id;
    const b = (
      await employer.client.post<TeacherDetail>(
        '/api/org/teachers',
        teacherBody({ sex: 'female', idNumber: idOf('female') }),
      )
    ).body.id;
    const off = await employer.client.post<{ message: string; count: number }>('/api/org/teachers/disable', {
      ids: [a, b],
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ count: 2, message: '已禁用2名教师' });
    const list = await employer.client.get<List>('/api/org/teachers?pageSize=200');
    expect(list.body.items.filter((i) => i.id === a || i.id === b).map((i) => i.status)).toEqual([
      'disabled',
      'disabled',
    ]);
    expect(await auditRows('teacher.disable', a)).toHaveLength(1);
    expect(await enabledTeachers(t.db, employer.unit.id, [a, b])).toEqual([]);

    const on = await employer.client.post<{ message: string }>('/api/org/teachers/enable', { ids: [b] });
    expect(on.body.message).toBe('已启用1名教师');
    expect(await auditRows('teacher.enable', b)).toHaveLength(1);
    expect((await enabledTeachers(t.db, employer.unit.id, [a, b])).map((r) => r.id)).toEqual([b]);
    // another org's teacher is never offered, enabled or not
    expect(await enabledTeachers(t.db, institution.unit.id, [b])).toEqual([]);
  });

  it('删除 in batch: all or none, audited; nothing refers to teachers yet', async () => {
    const a = (await institution.client.post<TeacherDetail>('/api/org/teachers', teacherBody())).body.id;
    const b = (await institution.client.post<TeacherDetail>('/api/org/teachers', teacherBody())).body.id;
    const foreign = (await employer.client.post<TeacherDetail>('/api/org/teachers', teacherBody())).body.id;
    // one of another org in the batch: nothing is deleted
    expect((await institution.client.post('/api/org/teachers/delete', { ids: [a, foreign] })).status).toBe(
      404,
    );
    expect((await institution.client.get(`/api/org/teachers/${a}`)).status).toBe(200);

    expect(await teacherReferences(t.db, a)).toEqual([]);
    const del = await institution.client.post<{ message: string }>('/api/org/teachers/delete', {
      ids: [a, b],
    });
    expect(del.status).toBe(200);
    expect(del.body.message).toBe('已删除2名教师');
    expect((await institution.client.get(`/api/org/teachers/${a}`)).status).toBe(404);
    expect(await auditRows('teacher.delete', a)).toHaveLength(1);
    expect(await auditRows('teacher.delete', b)).toHaveLength(1);
    expect((await employer.client.get(`/api/org/teachers/${foreign}`)).status).toBe(200);
  });

  it('导出Excel: 序号 first, masked phone and ID, 状态 in words, only the org’s own', async () => {
    const org = await makeInstitution(t);
    const body = teacherBody({ name: '导出教师' });
    const id = (await org.client.post<TeacherDetail>('/api/org/teachers', body)).body.id;
    await org.client.post('/api/org/teachers/disable', { ids: [id] });
    await org.client.post('/api/org/teachers', teacherBody({ name: '第二位' }));
    const sheet = await org.client.downloadSheet('/api/org/teachers/export');
    expect(sheet.header).toEqual([
      '序号',
      '姓名',
      '性别',
      '公民身份号码',
      '联系电话',
      '可教授课程',
      '职称',
      '状态',
    ]);
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows.map((r) => r[0])).toEqual([1, 2]);
    const row = sheet.rows.find((r) => r[1] === '导出教师');
    expect(row).toEqual([
      expect.any(Number),
      '导出教师',
      '男性',
      `${body.idNumber.slice(0, 4)}**********${body.idNumber.slice(-4)}`,
      '139****5678',
      '建筑结构设计；工程造价',
      '副高级',
      '禁用',
    ]);
  });
});
