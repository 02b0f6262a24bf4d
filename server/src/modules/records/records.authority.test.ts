import type { AuthorityRecordList, RecordDetail } from '@ce/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import {
  makeAuthority,
  makeEmployer,
  makeProfessional,
  makeRecord,
  type TestEmployer,
  type TestOrg,
} from '../../test/world';

/** 继续教育记录查询 of an authority (002 §1.7.1): its 专业序列, employers in its region (SPEC §13). */

let t: TestApp;
let cityAuthority: TestOrg;
let provincial: TestOrg;
let healthProvincial: TestOrg;
let gz: TestEmployer;
let sz: TestEmployer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  cityAuthority = await makeAuthority(t, { level: 'city', regionCode: '4401', series: '工程技术人员' });
  provincial = await makeAuthority(t, { level: 'province', series: '工程技术人员' });
  healthProvincial = await makeAuthority(t, { level: 'province', series: '卫生技术人员' });
  gz = await makeEmployer(t, { cityCode: '4401' });
  sz = await makeEmployer(t, { cityCode: '4403' });
  const gzEngineer = await makeProfessional(t, gz);
  const gzDoctor = await makeProfessional(t, gz, { series: '卫生技术人员' });
  const szEngineer = await makeProfessional(t, sz);
  const gzPending = await makeProfessional(t, gz, { status: 'pending' });
  ids.gzEngineer = (await makeRecord(t, gzEngineer, { courseName: '广州工程课', subjectType: 'public' })).id;
  ids.gzEngineerWaiting = (
    await makeRecord(t, gzEngineer, { courseName: '待审核课', state: 'submitted' })
  ).id;
  ids.gzDoctor = (await makeRecord(t, gzDoctor, { courseName: '广州卫生课' })).id;
  ids.szEngineer = (await makeRecord(t, szEngineer, { courseName: '深圳工程课', endDate: '2024-05-31' })).id;
  ids.gzPending = (await makeRecord(t, gzPending, { courseName: '未确认人员课' })).id;
});
afterAll(() => t.close());

const listOf = async (org: TestOrg, qs = '') => {
  const r = await org.client.get<AuthorityRecordList>(`/api/authority/records?pageSize=200${qs}`);
  expect(r.status).toBe(200);
  return r.body;
};

describe('继续教育记录查询 (authority)', () => {
  it('a city authority sees approved records of its series from employers in its city only', async () => {
    const list = await listOf(cityAuthority);
    expect(list.series).toBe('工程技术人员');
    expect(list.items.map((i) => i.courseName)).toEqual(['广州工程课']);
    expect(list.total).toBe(1);
    const row = list.items[0];
    // ID numbers masked in the list
    expect(row.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);

    const detail = await cityAuthority.client.get<RecordDetail>(`/api/authority/records/${ids.gzEngineer}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      courseName: '广州工程课',
      subjectType: 'public',
      series: '工程技术人员',
      sex: expect.any(String),
      studyForm: '面授',
      institutionName: '测试施教机构',
      year: 2025,
    });
    expect(detail.body.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(Object.values(detail.body.can).some(Boolean)).toBe(false);

    // another city's, another series', a record still waiting, a person not confirmed: 404
    for (const id of [ids.szEngineer, ids.gzDoctor, ids.gzEngineerWaiting, ids.gzPending]) {
      expect((await cityAuthority.client.get(`/api/authority/records/${id}`)).status).toBe(404);
    }
  });

  it('a provincial authority sees the whole province of its series, not another series', async () => {
    const list = await listOf(provincial);
    expect(list.items.map((i) => i.courseName).sort()).toEqual(['广州工程课', '深圳工程课']);
    expect((await provincial.client.get(`/api/authority/records/${ids.szEngineer}`)).status).toBe(200);
    expect((await provincial.client.get(`/api/authority/records/${ids.gzDoctor}`)).status).toBe(404);

    const health = await listOf(healthProvincial);
    expect(health.series).toBe('卫生技术人员');
    expect(health.items.map((i) => i.courseName)).toEqual(['广州卫生课']);
    expect((await healthProvincial.client.get(`/api/authority/records/${ids.gzEngineer}`)).status).toBe(404);
  });

  it('searches by 姓名, 公民身份号码, 课程名称, 科目类型 and 年度 within its scope', async () => {
    const all = await listOf(provincial);
    const sz = all.items.find((i) => i.courseName === '深圳工程课');
    expect(sz).toBeDefined();
    const detail = await provincial.client.get<RecordDetail>(`/api/authority/records/${sz?.id}`);
    const byId = await listOf(provincial, `&idNumber=${detail.body.idNumber}`);
    expect(byId.items.map((i) => i.courseName)).toEqual(['深圳工程课']);
    const byName = await listOf(provincial, `&name=${encodeURIComponent(detail.body.name)}`);
    expect(byName.items.map((i) => i.courseName)).toEqual(['深圳工程课']);
    expect((await listOf(provincial, '&year=2024')).items.map((i) => i.courseName)).toEqual(['深圳工程课']);
    expect((await listOf(provincial, '&subjectType=public')).items.map((i) => i.courseName)).toEqual([
      '广州工程课',
    ]);
    expect(
      (await listOf(provincial, `&courseName=${encodeURIComponent('深圳')}`)).items.map((i) => i.courseName),
    ).toEqual(['深圳工程课']);
    // a search never reaches outside the scope
    expect((await listOf(cityAuthority, `&idNumber=${detail.body.idNumber}`)).total).toBe(0);
  });

  it('导出Excel: 序号 first, the list’s columns, only its scope', async () => {
    const sheet = await cityAuthority.client.downloadSheet('/api/authority/records/export');
    expect(sheet.header).toEqual([
      '序号',
      '姓名',
      '公民身份号码',
      '施教机构名称',
      '课程类型',
      '课程名称',
      '拟申报学时',
      '认定学时',
      '年度',
    ]);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0][0]).toBe(1);
    expect(sheet.rows[0][2]).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(sheet.rows[0].slice(3)).toEqual(['测试施教机构', '公需课', '广州工程课', 12, 12, 2025]);
  });

  it('is the authority’s page only: an employer’s agent gets 403', async () => {
    expect((await gz.client.get('/api/authority/records')).status).toBe(403);
    expect((await gz.client.get(`/api/authority/records/${ids.gzEngineer}`)).status).toBe(403);
  });
});
