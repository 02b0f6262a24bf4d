import type { AuthorityInfo, AuthorityQueryItem, AuthorityReviewItem, Paged } from '@ce/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, orgProfiles } from '../../db/schema';
import { hrssOperator } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { pngBytes, upload } from '../../test/uploads';
import { makeAuthority } from '../../test/world';
import { HRSS_DESK, LOWER_DESK, newApplicant, sent } from './authorities.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const contacts = {
  contactName: '赵联系',
  officePhone: '020-87654321',
  mobilePhone: '13698765432',
  email: 'new@example.com',
  postalCode: '510600',
  unitAddress: '广州市天河区新地址8号',
  description: '新的职能简介',
};

describe('批量审核 and 导出Excel', () => {
  it('approves several applications at once and reports the ones it could not', async () => {
    const hrss = await hrssOperator(t, 'province');
    const a = await newApplicant(t);
    const b = await newApplicant(t, { cityCode: '4403' });
    const appA = await sent(a.client, 'province', '工程技术人员');
    const appB = await sent(b.client, 'province', '卫生技术人员');
    const other = await makeAuthority(t, { level: 'province', series: '出版专业人员' });
    const c = await newApplicant(t);
    const notHers = await sent(c.client, 'city', '出版专业人员');
    expect(notHers.workflow?.reviewerUnitName).toBe(other.unit.name);

    const r = await hrss.client.post<{ succeeded: number; failed: { id: string; message: string }[] }>(
      `${HRSS_DESK}/batch`,
      { ids: [appA.id, appB.id, notHers.id], decision: 'approve', opinion: '同意' },
    );
    expect(r.status).toBe(200);
    expect(r.body.succeeded).toBe(2);
    expect(r.body.failed).toEqual([{ id: notHers.id, message: '行业主管角色申请不存在或无权查看' }]);
    const approved = await hrss.client.get<Paged<AuthorityReviewItem>>(`${HRSS_DESK}?state=approved`);
    expect(approved.body.items.map((i) => i.id).sort()).toEqual([appA.id, appB.id].sort());
    expect(approved.body.items[0]).toMatchObject({
      step: '行业主管角色审核',
      reviewerUnitName: hrss.unit.name,
    });
    // 联系电话 masked in the list
    expect(approved.body.items[0].phone).toBe('139****5678');

    const x = await hrss.client.downloadSheet(`${HRSS_DESK}/export?state=approved`);
    expect(x.disposition).toContain(encodeURIComponent('行业主管角色审核.xlsx'));
    expect(x.header).toEqual([
      '序号',
      '单位名称',
      '单位代码',
      '专业序列',
      '联系人',
      '联系电话',
      '审核部门',
      '审核环节',
      '审核状态',
    ]);
    expect(x.rows.map((row) => row[0])).toEqual([1, 2]);
    expect(x.rows.map((row) => row[8])).toEqual(['同意', '同意']);
    // 年度 and 单位 search
    const year = new Date().getFullYear();
    const none = await hrss.client.get<Paged<AuthorityReviewItem>>(
      `${HRSS_DESK}?state=approved&year=${year - 1}`,
    );
    expect(none.body.total).toBe(0);
    const byName = await hrss.client.get<Paged<AuthorityReviewItem>>(
      `${HRSS_DESK}?state=approved&unitName=${encodeURIComponent(b.unit.name)}`,
    );
    expect(byName.body.items.map((i) => i.id)).toEqual([appB.id]);
  });
});

describe('行业主管部门信息维护', () => {
  it('saves the contact fields and refuses a locked one', async () => {
    const auth = await makeAuthority(t, { level: 'city', regionCode: '4401', series: '工程技术人员' });
    const shown = await auth.client.get<AuthorityInfo>('/api/authority/profile');
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ series: '工程技术人员', level: 'city', unitName: auth.unit.name });

    const ok = await auth.client.put<AuthorityInfo>('/api/authority/profile', {
      ...contacts,
      series: '工程技术人员',
      unitName: auth.unit.name,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ contactName: '赵联系', unitAddress: '广州市天河区新地址8号' });

    for (const [field, value] of [
      ['series', '卫生技术人员'],
      ['level', 'province'],
      ['unitName', '改了名字的单位'],
    ] as const) {
      const r = await auth.client.put('/api/authority/profile', { ...contacts, [field]: value });
      expect(r.status, field).toBe(400);
      expect(r.error.fields?.[0].field).toBe(field);
      expect(r.error.message).toContain('不能在信息维护中修改');
    }
    const [row] = await t.db.select().from(orgProfiles).where(eq(orgProfiles.unitId, auth.unit.id));
    expect(row).toMatchObject({ series: '工程技术人员', level: 'city', contactName: '赵联系' });
    const actions = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, auth.unit.id));
    expect(actions.map((e) => e.action)).toContain('authority.update');
  });
});

describe('行业主管查询', () => {
  it('shows the approved lower authorities of its series in its region only', async () => {
    const series = '档案专业人员';
    const province = await makeAuthority(t, { level: 'province', series });
    const gz = await makeAuthority(t, { level: 'city', regionCode: '4401', series });
    const sz = await makeAuthority(t, { level: 'city', regionCode: '4403', series });
    const gzCounty = await makeAuthority(t, { level: 'county', regionCode: '440106', series });
    const szCounty = await makeAuthority(t, { level: 'county', regionCode: '440304', series });
    const otherSeries = await makeAuthority(t, { level: 'city', regionCode: '4401', series: '律师' });
    const names = async (c: typeof province.client) =>
      (await c.get<Paged<AuthorityQueryItem>>('/api/authority/lower?pageSize=200')).body.items.map(
        (i) => i.unitName,
      );

    const fromProvince = await names(province.client);
    expect(fromProvince.sort()).toEqual(
      [gz.unit.name, sz.unit.name, gzCounty.unit.name, szCounty.unit.name].sort(),
    );
    expect(fromProvince).not.toContain(otherSeries.unit.name);
    expect(await names(gz.client)).toEqual([gzCounty.unit.name]);
    expect(await names(gzCounty.client)).toEqual([]);

    const list = await gz.client.get<Paged<AuthorityQueryItem>>('/api/authority/lower');
    expect(list.body.items[0]).toMatchObject({
      regionName: '广东省广州市天河区',
      series,
      contactName: '联系人',
      phone: '137****0000',
      unitAddress: '测试地址',
    });
    const detail = await gz.client.get<AuthorityInfo>(`/api/authority/lower/${list.body.items[0].id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ unitName: gzCounty.unit.name, series, level: 'county' });
    // out of scope: another city's county, and the province itself
    const [szRow] = await t.db.select().from(orgProfiles).where(eq(orgProfiles.unitId, szCounty.unit.id));
    expect((await gz.client.get(`/api/authority/lower/${szRow.id}`)).status).toBe(404);
    // search by name
    const searched = await province.client.get<Paged<AuthorityQueryItem>>(
      `/api/authority/lower?name=${encodeURIComponent(sz.unit.name)}`,
    );
    expect(searched.body.items.map((i) => i.unitName)).toEqual([sz.unit.name]);
    const x = await province.client.downloadSheet('/api/authority/lower/export');
    expect(x.header[0]).toBe('序号');
    expect(x.rows.length).toBe(4);
  });

  it('lets an authority download the licence of a lower authority it lists, not another series’', async () => {
    const series = '船舶技术人员';
    const province = await makeAuthority(t, { level: 'province', series });
    const county = await makeAuthority(t, { level: 'county', regionCode: '440106', series });
    const stranger = await makeAuthority(t, { level: 'province', series: '体育教练员' });
    const file = await upload(county.client, 'licence', {
      name: 'a.png',
      bytes: pngBytes(),
      type: 'image/png',
    });
    await t.db
      .update(orgProfiles)
      .set({ licenceFileId: file.body.id })
      .where(eq(orgProfiles.unitId, county.unit.id));
    expect((await province.client.get(`/api/files/${file.body.id}`)).status).toBe(200);
    expect((await stranger.client.get(`/api/files/${file.body.id}`)).status).toBe(404);
  });
});

describe('下级行业主管部门信息审核 list', () => {
  it('defaults to 待办 and shows the columns of the manual', async () => {
    const parent = await makeAuthority(t, { level: 'city', regionCode: '4401', series: '公证员' });
    const a = await newApplicant(t, { cityCode: '4401', countyCode: '440103' });
    const app = await sent(a.client, 'county', '公证员');
    const r = await parent.client.get<Paged<AuthorityReviewItem>>(LOWER_DESK);
    expect(r.body.total).toBe(1);
    expect(r.body.items[0]).toMatchObject({
      id: app.id,
      unitName: a.unit.name,
      contactName: '王主管',
      reviewerUnitName: parent.unit.name,
      step: '下级行业主管部门信息审核',
      state: 'submitted',
    });
  });
});
