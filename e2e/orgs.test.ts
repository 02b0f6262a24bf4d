import { makeIdNumber } from '@ce/shared';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { units } from '../server/src/db/schema';
import { bindAgent, makePerson, makeUnit, type TestPerson } from '../server/src/test/factories';
import { makeInstitution, type TestOrg } from '../server/src/test/world';
import {
  button,
  DEMO_PASSWORD,
  type E2E,
  fillByLabel,
  login,
  logout,
  openMenu,
  see,
  selectOption,
  startE2E,
  tableRow,
} from './harness';

/**
 * Issue 10 in the browser: a 深圳 city authority's agent applies (行业主管角色申请), the provincial
 * authority of the demo approves it in 下级行业主管部门信息审核, the new city authority approves a
 * 深圳 institution's 专业培训资格 in 施教机构专业培训资格审核, and the institution keeps its teachers.
 */
const CITY_AUTHORITY = '深圳市住房和建设局';
const INSTITUTION = '深圳市工程技术培训学院';

let e: E2E;
let page: Page;
let cityAgent: TestPerson;
let institution: TestOrg;

beforeAll(async () => {
  e = await startE2E();
  // a 深圳 unit registered in 福田区 with its authorized agent, no role yet
  const unit = await makeUnit(e.t, { cityCode: '4403', countyCode: '440304' });
  await e.t.db.update(units).set({ name: CITY_AUTHORITY }).where(eq(units.accountId, unit.id));
  cityAgent = await makePerson(e.t);
  await bindAgent(e.t, unit, cityAgent);
  institution = await makeInstitution(e.t, { cityCode: '4403' });
  await e.t.db.update(units).set({ name: INSTITUTION }).where(eq(units.accountId, institution.unit.id));
  page = await e.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
});
afterAll(async () => {
  await e?.close();
});

/** Confirms the open modal.confirm / Popconfirm. */
async function confirm(p: Page) {
  await p
    .locator('.ant-modal-confirm-btns, .ant-popconfirm-buttons')
    .getByRole('button', { name: /确\s?定/ })
    .click();
}

describe('行业主管部门与施教机构 (issue 10)', () => {
  it('a 市级 authority applies: 保存 → 统一社会信用代码证 → 送审 to the provincial authority of its series', async () => {
    onTestFailed(() => e.screenshot('e2e-orgs-apply', page));
    await login(e, page, cityAgent.loginName, cityAgent.password, { actFor: CITY_AUTHORITY });
    await openMenu(page, '行业主管角色申请');
    await see(page, '行业主管部门基本信息');
    await selectOption(page, '单位性质', '政府部门');
    await selectOption(page, '隶属关系', '市级');
    await selectOption(page, '专业序列', '工程技术人员');
    await fillByLabel(page, {
      联系人: '邓建华',
      办公电话: '0755-83330000',
      移动电话: '13800138099',
      Email: 'jsj@sz.example.com',
      邮政编码: '518000',
      单位通讯地址: '深圳市福田区福中路1号',
      单位职能简介: '负责全市工程技术人员继续教育的行业管理',
    });
    // 送审 waits for the licence
    await expect.poll(() => button(page, '送审').isDisabled()).toBe(true);
    await button(page, '保存').click();
    await see(page, '保存成功，请上传统一社会信用代码证后点击“送审”');
    await page.locator('input[type=file]').setInputFiles({
      name: '统一社会信用代码证.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await see(page, '统一社会信用代码证上传成功');
    await button(page, '送审').click();
    await see(page, '送审到广东省住房和城乡建设厅，审核期间不能修改。确定送审吗？');
    await confirm(page);
    await see(page, '已送审，等待广东省住房和城乡建设厅审核。审核人未审核前可以回收。');
    await logout(page);
  });

  it('the provincial authority approves it in 下级行业主管部门信息审核', async () => {
    onTestFailed(() => e.screenshot('e2e-orgs-lower-review', page));
    await login(e, page, 'zhoujm', DEMO_PASSWORD, { actFor: '广东省住房和城乡建设厅' });
    await openMenu(page, '下级行业主管部门信息审核');
    const row = await tableRow(page, CITY_AUTHORITY);
    await expect.poll(() => row.textContent()).toContain('下级行业主管部门信息审核');
    await row.getByRole('button', { name: '审核' }).click();
    const drawer = page.getByRole('dialog', { name: '行业主管部门（行业组织）信息' });
    await see(drawer, '统一社会信用代码证（组织机构代码）');
    await drawer.getByLabel('同意', { exact: true }).check();
    await button(drawer, '审核').click();
    await confirm(page);
    await see(page, '审核完成');
    await page.keyboard.press('Escape');
    await logout(page);
  });

  it('the institution sends its 工程技术人员 qualification; it reaches the new city authority', async () => {
    onTestFailed(() => e.screenshot('e2e-orgs-qualify', page));
    await login(e, page, institution.agent.loginName, institution.agent.password, { actFor: INSTITUTION });
    await openMenu(page, '专业培训资格申请');
    await button(page, '新增').click();
    const dialog = page.getByRole('dialog', { name: '新增申请培训专业' });
    await selectOption(page, '专业系列', '工程技术人员', { scope: dialog });
    await fillByLabel(dialog, { 专业概述: '建筑施工、工程造价与BIM技术的专业课培训' });
    await button(dialog, '保存').click();
    const row = await tableRow(page, '工程技术人员');
    await row.getByRole('button', { name: '送审' }).click();
    await confirm(page);
    await see(page, '送审成功');
    await expect.poll(() => row.textContent()).toContain(CITY_AUTHORITY);
    await logout(page);
  });

  it('the city authority, now with its menus, approves it in 施教机构专业培训资格审核', async () => {
    onTestFailed(() => e.screenshot('e2e-orgs-qualification-review', page));
    await login(e, page, cityAgent.loginName, cityAgent.password, { actFor: CITY_AUTHORITY });
    await openMenu(page, '施教机构专业培训资格审核');
    const row = await tableRow(page, INSTITUTION);
    await row.getByRole('button', { name: '审核' }).click();
    const drawer = page.getByRole('dialog', { name: '专业资格审核' });
    await see(drawer, '建筑施工、工程造价与BIM技术的专业课培训');
    await drawer.getByLabel('同意', { exact: true }).check();
    await button(drawer, '审核').click();
    await confirm(page);
    await see(page, '审核完成');
    await page.keyboard.press('Escape');
    await logout(page);
  });

  it('the institution sees the qualification approved and keeps its teachers (新增, 禁用)', async () => {
    onTestFailed(() => e.screenshot('e2e-orgs-teachers', page));
    await login(e, page, institution.agent.loginName, institution.agent.password, { actFor: INSTITUTION });
    await openMenu(page, '专业培训资格申请');
    await expect.poll(async () => (await tableRow(page, '工程技术人员')).textContent()).toContain('同意');

    await openMenu(page, '师资信息维护');
    await see(page, '师资信息');
    await button(page, '新增').click();
    const dialog = page.getByRole('dialog', { name: '新增：师资信息' });
    await fillByLabel(dialog, {
      姓名: '钟振宇',
      公民身份号码: makeIdNumber({ region: '440304', birthDate: '19760518', seq: 817, sex: 'male' }),
    });
    await selectOption(page, '性别', '男性', { scope: dialog });
    await selectOption(page, '专业技术资格', '副高级', { scope: dialog });
    await fillByLabel(dialog, {
      联系电话: '13922223333',
      'E-Mail': 'zhongzy@example.com',
      可以教授课程: '装配式建筑施工技术',
      教师简介: '高级工程师，从事装配式建筑施工技术研究二十年。',
    });
    await button(dialog, '保存').click();
    await see(page, '保存成功');
    const row = await tableRow(page, '钟振宇');
    // the phone is masked in the list
    await expect.poll(() => row.textContent()).toContain('139****3333');
    await row.locator('.ant-checkbox-input').check();
    await button(page, '禁用').click();
    await confirm(page);
    await expect.poll(async () => (await tableRow(page, '钟振宇')).textContent()).toContain('禁用');
    await logout(page);
  });

  it('搜索菜单 finds 继续教育记录认定 by manual 000’s name 专业技术人员学时认定', async () => {
    onTestFailed(() => e.screenshot('e2e-orgs-menu-search', page));
    await login(e, page, 'zhangwei', DEMO_PASSWORD, { actFor: '广东建设工程咨询有限公司' });
    await page.getByLabel('搜索菜单').fill('学时认定');
    const found = page.getByRole('menuitem', { name: '继续教育记录认定（专业技术人员学时认定）' });
    await found.waitFor();
    await expect.poll(() => page.locator('[data-testid=side-menu] li.ant-menu-item').count()).toBe(1);
    await found.click();
    await see(page, '继续教育记录审核');
    await page.getByLabel('搜索菜单').fill('没有这个菜单');
    await see(page, '没有匹配的菜单');
  });
});
