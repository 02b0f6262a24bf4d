import type { QualificationDetail, QualificationItem } from '@ce/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutionQualifications, workflowSettings } from '../../db/schema';
import { actingFor, bindAgent, makePerson } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeAuthority, makeInstitution, type TestOrg } from '../../test/world';
import { isQualified } from './qualifications.repository';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const MINE = '/api/institution/qualifications';
const REVIEW = '/api/review/qualifications';
type Page = { items: QualificationItem[]; total: number };

/** Series not used by other tests in this file, so routing sees only the authorities made here. */
let n = 0;
const SERIES = [
  '翻译专业人员',
  '新闻专业人员',
  '出版专业人员',
  '播音专业人员',
  '档案专业人员',
  '律师',
  '公证员',
];
const freshSeries = () => SERIES[n++];

async function apply(inst: TestOrg, series: string, overview = '专业概述') {
  const r = await inst.client.post<QualificationDetail>(MINE, { series, overview });
  expect(r.status).toBe(200);
  return r.body.qualification.id;
}

async function stored(id: string) {
  const [row] = await t.db
    .select()
    .from(institutionQualifications)
    .where(eq(institutionQualifications.id, id));
  return row;
}

describe('专业培训资格申请', () => {
  it('a 省级 institution’s qualification is approved at 送审 without review', async () => {
    const inst = await makeInstitution(t, { level: 'province' });
    const id = await apply(inst, '工程技术人员');
    const r = await inst.client.post<QualificationDetail>(`${MINE}/${id}/submit`);
    expect(r.status).toBe(200);
    expect(r.body.status.state).toBe('approved');
    expect(r.body.history.at(-1)).toMatchObject({ step: '专业培训资格申请', opinion: '省级的机构默认通过' });
    expect((await stored(id)).status).toBe('approved');
    expect(await isQualified(t.db, inst.unit.id, '工程技术人员')).toBe(true);
  });

  it('routes a city institution’s qualification to its city’s authority of the series, else the province’s', async () => {
    const series = freshSeries();
    const province = await makeAuthority(t, { level: 'province', series });
    const shenzhen = await makeAuthority(t, { level: 'city', regionCode: '4403', series });
    const inst = await makeInstitution(t, { cityCode: '4401' });
    const id = await apply(inst, series);
    const r = await inst.client.post<QualificationDetail>(`${MINE}/${id}/submit`);
    expect(r.status).toBe(200);
    expect(r.body.status).toMatchObject({
      state: 'submitted',
      reviewerUnitName: province.unit.name,
      step: '施教机构专业培训资格审核',
    });
    expect((await stored(id)).status).toBe('submitted');
    // 深圳's authority of the same series does not see 广州's item
    expect((await shenzhen.client.get(`${REVIEW}/${id}`)).status).toBe(404);

    const guangzhou = await makeAuthority(t, { level: 'city', regionCode: '4401', series });
    const inst2 = await makeInstitution(t, { cityCode: '4401' });
    const id2 = await apply(inst2, series);
    const r2 = await inst2.client.post<QualificationDetail>(`${MINE}/${id2}/submit`);
    expect(r2.body.status.reviewerUnitName).toBe(guangzhou.unit.name);
    const todo = await guangzhou.client.get<Page>(REVIEW);
    expect(todo.body.items.map((i) => i.id)).toEqual([id2]);
    expect((await province.client.get<Page>(REVIEW)).body.items.map((i) => i.id)).toEqual([id]);
  });

  it('refuses 送审 with no authority of the series, naming the missing one (409)', async () => {
    const series = freshSeries();
    const inst = await makeInstitution(t, { cityCode: '4401' });
    const id = await apply(inst, series);
    const r = await inst.client.post(`${MINE}/${id}/submit`);
    expect(r.status).toBe(409);
    expect(r.error.message).toContain(`广州市或省级的“${series}”行业主管部门尚未开通`);
    expect((await stored(id)).status).toBe('draft');
  });

  it('one row per series; 修改 / 删除 only while 草稿 or 退案; 回收 before review', async () => {
    const series = freshSeries();
    await makeAuthority(t, { level: 'province', series });
    const inst = await makeInstitution(t);
    const id = await apply(inst, series);
    const dup = await inst.client.post(MINE, { series, overview: 'x' });
    expect(dup.status).toBe(400);
    expect(dup.error.fields?.[0]).toMatchObject({ field: 'series', label: '专业系列' });
    expect((await inst.client.post(MINE, { series, overview: '长'.repeat(501) })).error.message).toContain(
      '专业概述不能超过500字',
    );

    await inst.client.post(`${MINE}/${id}/submit`);
    const edit = await inst.client.put(`${MINE}/${id}`, { series, overview: '改' });
    expect(edit.status).toBe(409);
    expect(edit.error.message).toContain('回收');
    expect((await inst.client.delete(`${MINE}/${id}`)).status).toBe(409);

    const back = await inst.client.post<QualificationDetail>(`${MINE}/${id}/withdraw`);
    expect(back.body.status.state).toBe('draft');
    expect((await stored(id)).status).toBe('draft');
    expect((await inst.client.put(`${MINE}/${id}`, { series, overview: '改' })).status).toBe(200);
    expect((await inst.client.delete(`${MINE}/${id}`)).status).toBe(200);
    expect((await inst.client.get<Page>(MINE)).body.items).toEqual([]);

    // another institution cannot touch it
    const other = await makeInstitution(t);
    const id2 = await apply(inst, series);
    expect((await other.client.get(`${MINE}/${id2}`)).status).toBe(404);
    expect((await other.client.delete(`${MINE}/${id2}`)).status).toBe(404);
  });
});

describe('施教机构专业培训资格审核', () => {
  async function submitted(series: string, reviewerLevel: 'province' | 'city' = 'province') {
    const authority =
      reviewerLevel === 'province'
        ? await makeAuthority(t, { level: 'province', series })
        : await makeAuthority(t, { level: 'city', regionCode: '4401', series });
    const inst = await makeInstitution(t);
    const id = await apply(inst, series);
    expect((await inst.client.post(`${MINE}/${id}/submit`)).status).toBe(200);
    return { authority, inst, id };
  }

  it('同意 qualifies the institution; an authority of another series gets 404', async () => {
    const series = freshSeries();
    const { authority, inst, id } = await submitted(series, 'city');
    const other = await makeAuthority(t, { level: 'city', regionCode: '4401', series: '卫生技术人员' });
    expect((await other.client.get(`${REVIEW}/${id}`)).status).toBe(404);
    expect((await other.client.post(`${REVIEW}/${id}/review`, { decision: 'approve' })).status).toBe(404);
    expect((await other.client.get<Page>(REVIEW)).body.items.map((i) => i.id)).not.toContain(id);

    const d = await authority.client.get<QualificationDetail>(`${REVIEW}/${id}`);
    expect(d.status).toBe(200);
    expect(d.body.institution).toMatchObject({ unitName: inst.unit.name, legalName: '法人' });
    expect(d.body.qualification).toMatchObject({ series, industry: authority.unit.name });
    expect(await isQualified(t.db, inst.unit.id, series)).toBe(false);
    const r = await authority.client.post<QualificationDetail>(`${REVIEW}/${id}/review`, {
      decision: 'approve',
    });
    expect(r.status).toBe(200);
    expect(r.body.status.state).toBe('approved');
    expect((await stored(id)).status).toBe('approved');
    expect(await isQualified(t.db, inst.unit.id, series)).toBe(true);
    // approved, still listed under 同意 for its reviewer
    const done = await authority.client.get<Page>(`${REVIEW}?state=approved`);
    expect(done.body.items.map((i) => i.id)).toEqual([id]);
    // and no longer editable
    expect((await inst.client.delete(`${MINE}/${id}`)).status).toBe(409);
  });

  it('不同意并退单 → 修改 → 送审 again; 不同意并结束 ends it', async () => {
    const series = freshSeries();
    const { authority, inst, id } = await submitted(series);
    const noOpinion = await authority.client.post(`${REVIEW}/${id}/review`, { decision: 'return' });
    expect(noOpinion.status).toBe(400);
    const ret = await authority.client.post<QualificationDetail>(`${REVIEW}/${id}/review`, {
      decision: 'return',
      opinion: '专业概述过于简单',
    });
    expect(ret.body.status.state).toBe('returned');
    expect((await stored(id)).status).toBe('returned');
    expect((await inst.client.put(`${MINE}/${id}`, { series, overview: '补充后的概述' })).status).toBe(200);
    const again = await inst.client.post<QualificationDetail>(`${MINE}/${id}/submit`);
    expect(again.body.status.state).toBe('submitted');
    expect(again.body.history.map((h) => h.result)).toEqual(['提交送审', '不同意并退案', '提交送审', '待办']);

    const end = await authority.client.post<QualificationDetail>(`${REVIEW}/${id}/review`, {
      decision: 'reject',
      opinion: '不具备培训条件',
    });
    expect(end.body.status.state).toBe('rejected');
    expect((await stored(id)).status).toBe('rejected');
    expect((await inst.client.put(`${MINE}/${id}`, { series, overview: 'x' })).status).toBe(409);
    expect((await inst.client.post(`${MINE}/${id}/submit`)).status).toBe(409);
    expect(await isQualified(t.db, inst.unit.id, series)).toBe(false);
  });

  it('of two concurrent reviews exactly one wins, the other gets 409', async () => {
    const series = freshSeries();
    const { authority, id } = await submitted(series);
    const second = await makePerson(t);
    await bindAgent(t, authority.unit, second);
    const c2 = await actingFor(t, second, authority.unit);
    const results = await Promise.all([
      authority.client.post(`${REVIEW}/${id}/review`, { decision: 'approve' }),
      c2.post(`${REVIEW}/${id}/review`, { decision: 'reject', opinion: '不同意' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const state = (await stored(id)).status;
    expect(['approved', 'rejected']).toContain(state);
  });

  it('批量审核 reviews the selected, reports the others; 导出Excel lists with 序号', async () => {
    const series = freshSeries();
    const authority = await makeAuthority(t, { level: 'province', series });
    await t.db.insert(workflowSettings).values({ unitId: authority.unit.id, twoReviewers: false });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const inst = await makeInstitution(t, { cityCode: '4405' });
      const id = await apply(inst, series);
      await inst.client.post(`${MINE}/${id}/submit`);
      ids.push(id);
    }
    const x = await authority.client.downloadSheet(`${REVIEW}/export`);
    expect(x.header).toEqual([
      '序号',
      '机构名称',
      '机构码',
      '申请培训专业',
      '审核部门',
      '审核环节',
      '审核状态',
    ]);
    expect(x.rows.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(x.rows.every((r) => r[3] === series && r[6] === '待办')).toBe(true);

    const stranger = await makeInstitution(t);
    const theirs = await apply(stranger, '工程技术人员');
    const batch = await authority.client.post<{ succeeded: number; failed: { id: string }[] }>(
      `${REVIEW}/batch`,
      {
        ids: [ids[0], ids[1], theirs],
        decision: 'approve',
      },
    );
    expect(batch.status).toBe(200);
    expect(batch.body.succeeded).toBe(2);
    expect(batch.body.failed.map((f) => f.id)).toEqual([theirs]);
    expect((await stored(ids[0])).status).toBe('approved');
    expect((await stored(ids[2])).status).toBe('submitted');
    const left = await authority.client.get<Page>(REVIEW);
    expect(left.body.items.map((i) => i.id)).toEqual([ids[2]]);
    const byName = await authority.client.get<Page>(
      `${REVIEW}?state=approved&unitName=${encodeURIComponent('测试单位')}`,
    );
    expect(byName.body.total).toBe(2);
  });
});
