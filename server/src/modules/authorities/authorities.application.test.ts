import type { AuthorityApplication, AuthorityReviewDetail, Paged } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgProfiles, orgRoles } from '../../db/schema';
import { actingFor, bindAgent, hrssOperator, makePerson } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeAuthority } from '../../test/world';
import {
  APPLY,
  applicationBody,
  HRSS_DESK,
  LOWER_DESK,
  newApplicant,
  permissionsOf,
  prepared,
  sent,
} from './authorities.fixtures';

let t: TestApp;
let hrss: Awaited<ReturnType<typeof hrssOperator>>;
beforeAll(async () => {
  t = await startTestApp();
  hrss = await hrssOperator(t, 'province');
});
afterAll(() => t.close());

describe('行业主管角色申请', () => {
  it('refuses 送审 of a 市级 application while no 省级 authority of its series is approved (409)', async () => {
    const { client } = await newApplicant(t);
    const ready = await prepared(client, 'city', '审计专业人员');
    expect(ready.missingParent).toBe('广东省 审计专业人员 的省级行业主管部门');
    expect(ready.reviewerName).toBeNull();
    const r = await client.post(`${APPLY}/submit`);
    expect(r.status).toBe(409);
    expect(r.error.message).toBe(
      '上一级行业主管部门并没有在本系统注册申请角色：广东省 审计专业人员 的省级行业主管部门，暂不能送审',
    );
    expect((await client.get<AuthorityApplication>(APPLY)).body.status).toBe('draft');
    // once the parent is approved, the same application goes
    const parent = await makeAuthority(t, { level: 'province', series: '审计专业人员' });
    const again = await client.post<AuthorityApplication>(`${APPLY}/submit`);
    expect(again.status).toBe(200);
    expect(again.body.workflow).toMatchObject({
      state: 'submitted',
      reviewerUnitName: parent.unit.name,
      step: '下级行业主管部门信息审核',
    });
  });

  it('sends a 省级 application to the provincial HRSS, and asks for the licence first', async () => {
    const { client } = await newApplicant(t);
    await client.put(APPLY, applicationBody('province', '会计专业人员'));
    const early = await client.post(`${APPLY}/submit`);
    expect(early.status).toBe(409);
    expect(early.error.message).toContain('统一社会信用代码证');
    const app = await sent(client, 'province', '会计专业人员');
    expect(app.workflow).toMatchObject({ reviewerUnitName: hrss.unit.name, step: '行业主管角色审核' });
    const list = await hrss.client.get<Paged<{ id: string; unitName: string }>>(HRSS_DESK);
    expect(list.body.items.map((i) => i.id)).toContain(app.id);
  });

  it('routes a 县级 application to its city’s authority of the same series, not another series’', async () => {
    const eng = await makeAuthority(t, { level: 'city', regionCode: '4401', series: '工程技术人员' });
    const health = await makeAuthority(t, { level: 'city', regionCode: '4401', series: '卫生技术人员' });
    const { client } = await newApplicant(t, { cityCode: '4401', countyCode: '440106' });
    const app = await sent(client, 'county', '工程技术人员');
    expect(app.workflow?.reviewerUnitName).toBe(eng.unit.name);
    expect(app.regionCode).toBe('440106');

    const engList = await eng.client.get<Paged<{ id: string }>>(LOWER_DESK);
    expect(engList.body.items.map((i) => i.id)).toContain(app.id);
    // the 卫生 authority neither sees nor reviews it
    const healthList = await health.client.get<Paged<{ id: string }>>(`${LOWER_DESK}?state=submitted`);
    expect(healthList.body.items.map((i) => i.id)).not.toContain(app.id);
    expect((await health.client.get(`${LOWER_DESK}/${app.id}`)).status).toBe(404);
    const tried = await health.client.post(`${LOWER_DESK}/${app.id}/review`, { decision: 'approve' });
    expect(tried.status).toBe(404);
    // nor may it read the applicant's licence; the reviewer may
    expect((await health.client.get(`/api/files/${app.licenceId}`)).status).toBe(404);
    expect((await eng.client.get(`/api/files/${app.licenceId}`)).status).toBe(200);
    // an HRSS org has no 下级 desk, an authority no HRSS desk
    expect((await hrss.client.get(LOWER_DESK)).status).toBe(403);
    expect((await eng.client.get(HRSS_DESK)).status).toBe(403);
  });

  it('refuses a 县(区)级 application of a unit without a county; a 市级 one may sit in a district', async () => {
    const { client } = await newApplicant(t, { cityCode: '4401' });
    const r = await client.put(APPLY, applicationBody('county', '工程技术人员'));
    expect(r.status).toBe(400);
    expect(r.error.fields?.[0]).toMatchObject({ field: 'level', label: '隶属关系' });
    expect(r.error.message).toContain('县(区)');
    // 广州市住房和城乡建设局 is registered in 越秀区 and applies as 市级: its region is the city
    const district = await newApplicant(t, { cityCode: '4401', countyCode: '440104' });
    const c = await district.client.put<{ regionCode: string }>(
      APPLY,
      applicationBody('city', '工程技术人员'),
    );
    expect(c.status).toBe(200);
    expect(c.body.regionCode).toBe('4401');
  });

  it('退案 → edit → 送审 again; 回收 before review', async () => {
    const parent = await makeAuthority(t, { level: 'province', series: '农业技术人员' });
    const { client } = await newApplicant(t);
    const app = await sent(client, 'city', '农业技术人员');
    // 回收 while nobody acted, then send again
    const back = await client.post<AuthorityApplication>(`${APPLY}/withdraw`);
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('draft');
    expect((await client.post(`${APPLY}/submit`)).status).toBe(200);

    const returned = await parent.client.post<AuthorityReviewDetail>(`${LOWER_DESK}/${app.id}/review`, {
      decision: 'return',
      opinion: '请补充单位职能简介',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.workflow.state).toBe('returned');
    const mine = await client.get<AuthorityApplication>(APPLY);
    expect(mine.body).toMatchObject({ status: 'returned', editable: true });
    expect(mine.body.history.map((h) => h.opinion)).toContain('请补充单位职能简介');
    // too late to 回收
    expect((await client.post(`${APPLY}/withdraw`)).status).toBe(409);
    const edited = await client.put<AuthorityApplication>(APPLY, {
      ...applicationBody('city', '农业技术人员'),
      description: '负责全市农业技术人员继续教育管理',
    });
    expect(edited.status).toBe(200);
    const again = await client.post<AuthorityApplication>(`${APPLY}/submit`);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('submitted');
    const detail = await parent.client.get<AuthorityReviewDetail>(`${LOWER_DESK}/${app.id}`);
    expect(detail.body).toMatchObject({ description: '负责全市农业技术人员继续教育管理', canReview: true });
  });

  it('结案 ends the application: read-only, no 送审', async () => {
    const parent = await makeAuthority(t, { level: 'province', series: '统计专业人员' });
    const { client } = await newApplicant(t);
    const app = await sent(client, 'city', '统计专业人员');
    const r = await parent.client.post(`${LOWER_DESK}/${app.id}/review`, {
      decision: 'reject',
      opinion: '不属于本行业',
    });
    expect(r.status).toBe(200);
    const mine = await client.get<AuthorityApplication>(APPLY);
    expect(mine.body).toMatchObject({ status: 'rejected', editable: false });
    const edit = await client.put(APPLY, applicationBody('city', '统计专业人员'));
    expect(edit.status).toBe(409);
    expect(edit.error.message).toContain('结案');
    expect((await client.post(`${APPLY}/submit`)).status).toBe(409);
  });

  it('同意 grants the role with level, region and series; the session after switching has its menus', async () => {
    const parent = await makeAuthority(t, { level: 'province', series: '经济专业人员' });
    const { unit, agent, client } = await newApplicant(t, { cityCode: '4403' });
    const app = await sent(client, 'city', '经济专业人员');
    expect(await permissionsOf(client)).not.toContain('authority.profile');
    const r = await parent.client.post<AuthorityReviewDetail>(`${LOWER_DESK}/${app.id}/review`, {
      decision: 'approve',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'approved', canReview: false, parentUnitName: parent.unit.name });
    const [role] = await t.db
      .select()
      .from(orgRoles)
      .where(and(eq(orgRoles.unitId, unit.id), eq(orgRoles.role, 'authority')));
    expect(role).toMatchObject({
      status: 'active',
      level: 'city',
      regionCode: '4403',
      series: '经济专业人员',
    });
    const [profile] = await t.db
      .select()
      .from(orgProfiles)
      .where(eq(orgProfiles.id, app.id ?? ''));
    expect(profile.parentUnitId).toBe(parent.unit.id);
    const after = await actingFor(t, agent, unit);
    expect(await permissionsOf(after)).toEqual(
      expect.arrayContaining(['authority.profile', 'authority.lower.review', 'authority.query']),
    );
    // the parent still sees what it decided, under 同意
    const done = await parent.client.get<Paged<{ id: string; state: string }>>(
      `${LOWER_DESK}?state=approved`,
    );
    expect(done.body.items.find((i) => i.id === app.id)?.state).toBe('approved');
    // and the reviewer that was may still read the licence
    expect((await parent.client.get(`/api/files/${app.licenceId}`)).status).toBe(200);
  });

  it('of two reviewers deciding at once, one wins and the other gets 409', async () => {
    const { client } = await newApplicant(t);
    const app = await sent(client, 'province', '翻译专业人员');
    const colleague = await makePerson(t);
    await bindAgent(t, hrss.unit, colleague);
    const second = await actingFor(t, colleague, hrss.unit);
    const results = await Promise.all([
      hrss.client.post(`${HRSS_DESK}/${app.id}/review`, { decision: 'approve' }),
      second.post(`${HRSS_DESK}/${app.id}/review`, { decision: 'return', opinion: '退回' }),
    ]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
    const loser = results.find((x) => x.status === 409);
    expect(loser?.error.message).toContain('不能审核');
  });
});
