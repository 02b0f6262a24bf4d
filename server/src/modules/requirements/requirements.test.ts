import type { RequirementRuleDto } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, requirementRules } from '../../db/schema';
import type { Client } from '../../test/client';
import { hrssOperator } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional, makeRecord } from '../../test/world';

let t: TestApp;
let province: Client;
let city: Client;
beforeAll(async () => {
  t = await startTestApp();
  province = (await hrssOperator(t)).client;
  city = (await hrssOperator(t, 'city', '4401')).client;
});
afterAll(() => t.close());

type Rules = { items: RequirementRuleDto[] };
const rule = (over: Record<string, unknown> = {}) => ({
  fromYear: 2024,
  toYear: null,
  series: null,
  regionCode: null,
  totalHours: 96,
  publicHours: 30,
  professionalHours: 42,
  electiveHours: 18,
  hoursPerDay: 6,
  ...over,
});

describe('年度学时要求设置', () => {
  it('lists the shipped defaults as 系统默认: 72 (18/42/12) up to 2020 and 90 (30/42/18) from 2021', async () => {
    const r = await province.get<Rules>('/api/requirements');
    expect(r.status).toBe(200);
    const defaults = r.body.items.filter((i) => i.isDefault);
    expect(
      defaults.map((d) => [d.toYear, d.totalHours, d.publicHours, d.professionalHours, d.electiveHours]),
    ).toEqual([
      [2020, 72, 18, 42, 12],
      [null, 90, 30, 42, 18],
    ]);
    expect(defaults.every((d) => d.note === '系统默认' && d.regionName === '全省' && !d.editable)).toBe(true);
  });

  it('validates the numbers and names the field', async () => {
    const sum = await province.post('/api/requirements', rule({ totalHours: 80 }));
    expect(sum.status).toBe(400);
    expect(sum.error.message).toBe('总学时：公需课、专业课、选修课学时之和不能超过总学时');
    const years = await province.post('/api/requirements', rule({ fromYear: 2025, toYear: 2024 }));
    expect(years.status).toBe(400);
    expect(years.error.fields?.[0].field).toBe('toYear');
    const negative = await province.post('/api/requirements', rule({ publicHours: -1 }));
    expect(negative.status).toBe(400);
    expect(negative.error.message).toBe('公需课学时：公需课学时不能小于0');
    const series = await province.post('/api/requirements', rule({ series: '不存在的系列' }));
    expect(series.status).toBe(400);
  });

  it('keeps a city HRSS to its own city', async () => {
    const other = await city.post('/api/requirements', rule({ regionCode: '4403' }));
    expect(other.status).toBe(403);
    const none = await city.post('/api/requirements', rule({ regionCode: null }));
    expect(none.status).toBe(400);
    expect(none.error.fields?.[0].field).toBe('regionCode');
    const own = await city.post(
      '/api/requirements',
      rule({ regionCode: '4401', fromYear: 2031, totalHours: 100 }),
    );
    expect(own.status).toBe(200);
    const mine = await city.get<Rules>('/api/requirements');
    const row = mine.body.items.find((i) => i.regionCode === '4401' && i.fromYear === 2031);
    expect(row).toMatchObject({ regionName: '广东省广州市', editable: true, version: 1 });
    // a province-wide rule applies in the city, the city may not edit it
    await province.post('/api/requirements', rule({ fromYear: 2032, toYear: 2032 }));
    const again = await city.get<Rules>('/api/requirements');
    expect(again.body.items.find((i) => i.fromYear === 2032)).toMatchObject({ editable: false });
    // a rule of another city is not shown
    await province.post('/api/requirements', rule({ fromYear: 2033, regionCode: '4403' }));
    const third = await city.get<Rules>('/api/requirements');
    expect(third.body.items.some((i) => i.fromYear === 2033)).toBe(false);
  });

  it('versions a rule: a new save of the same years, series and region supersedes the old one', async () => {
    const key = { fromYear: 2035, toYear: 2036, series: '会计专业人员' };
    expect((await province.post('/api/requirements', rule({ ...key, totalHours: 100 }))).status).toBe(200);
    const second = await province.post<{ message: string }>(
      '/api/requirements',
      rule({ ...key, totalHours: 110 }),
    );
    expect(second.body.message).toBe('已保存（第2版）');
    const rows = await t.db.select().from(requirementRules).where(eq(requirementRules.fromYear, 2035));
    expect(rows.map((r) => [r.version, r.active, r.totalHours]).sort()).toEqual([
      [1, false, 100],
      [2, true, 110],
    ]);
    const active = await province.get<Rules>('/api/requirements');
    expect(active.body.items.filter((i) => i.fromYear === 2035).map((i) => i.version)).toEqual([2]);
    const history = await province.get<Rules>('/api/requirements?history=1');
    expect(history.body.items.filter((i) => i.fromYear === 2035)).toHaveLength(2);

    // 修改 with other years replaces the named rule
    const v2 = rows.find((r) => r.version === 2);
    const edit = await province.post('/api/requirements', rule({ ...key, toYear: 2037, replacesId: v2?.id }));
    expect(edit.status).toBe(200);
    const after = await t.db.select().from(requirementRules).where(eq(requirementRules.fromYear, 2035));
    expect(after.filter((r) => r.active).map((r) => [r.toYear, r.version])).toEqual([[2037, 3]]);
    const stale = await province.post('/api/requirements', rule({ ...key, replacesId: v2?.id }));
    expect(stale.status).toBe(409);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'requirement.save'));
    expect(audits.filter((a) => a.detail?.fromYear === 2035)).toHaveLength(3);
  });

  it('a rule for a series overrides the default for persons of that series; 停用 brings the default back', async () => {
    const employer = await makeEmployer(t);
    const nurse = await makeProfessional(t, employer, { series: '卫生技术人员' });
    const engineer = await makeProfessional(t, employer);
    await makeRecord(t, nurse, { subjectType: 'public', hours: 30, endDate: '2025-03-01' });
    const saved = await province.post('/api/requirements', {
      ...rule({ fromYear: 2021, series: '卫生技术人员' }),
      totalHours: 120,
      publicHours: 40,
      professionalHours: 60,
      electiveHours: 20,
    });
    expect(saved.status).toBe(200);
    type Hours = { verdict: { totalRequired: number; ruleLabel: string; explanation: string[] } };
    const n = await nurse.client.get<Hours>('/api/hours/mine?year=2025');
    expect(n.body.verdict.totalRequired).toBe(120);
    expect(n.body.verdict.ruleLabel).toBe('人社部门设置（2021年起，卫生技术人员，全省）');
    expect(n.body.verdict.explanation).toEqual([
      '公需课还差 10 学时',
      '专业课还差 60 学时',
      '选修课还差 20 学时',
    ]);
    const e = await engineer.client.get<Hours>('/api/hours/mine?year=2025');
    expect(e.body.verdict.totalRequired).toBe(90);
    expect(e.body.verdict.ruleLabel).toBe('系统默认（2021年起）');

    const [row] = await t.db
      .select()
      .from(requirementRules)
      .where(and(eq(requirementRules.series, '卫生技术人员'), eq(requirementRules.active, true)));
    expect((await city.post(`/api/requirements/${row.id}/deactivate`)).status).toBe(403);
    expect((await province.post(`/api/requirements/${row.id}/deactivate`)).status).toBe(200);
    const back = await nurse.client.get<Hours>('/api/hours/mine?year=2025');
    expect(back.body.verdict.totalRequired).toBe(90);
  });
});
