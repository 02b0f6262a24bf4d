import { readFileSync } from 'node:fs';
import { makeIdNumber } from '@ce/shared';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingYear } from '../server/src/core/time';
import { professionals, units } from '../server/src/db/schema';
import {
  bindAgent,
  makePerson,
  makeUnit,
  type TestPerson,
  type TestUnit,
} from '../server/src/test/factories';
import { makeRecord } from '../server/src/test/world';
import {
  button,
  type E2E,
  fillByLabel,
  login,
  logout,
  openMenu,
  see,
  selectOption,
  solveCaptcha,
  startE2E,
  tableRow,
  tinyPng,
} from './harness';

/**
 * Manual 000 (广东省专业技术人员继续教育管理系统操作详解), steps 1–9, in the browser with the
 * manuals' labels: the unit and its admin are ready (steps 1–3, covered by identity.test.ts), the
 * unit applies for the employer role, a staff member registers and picks the unit, the unit
 * confirms them, the staff member declares a record with its proof and sends it, the unit
 * approves it, the totals change at once, and the year's certificate downloads and verifies.
 */

const UNIT_NAME = '广州珠江工程监理有限公司';
const staff = {
  loginName: 'liuyang_e2e',
  password: 'Ly7k3m9q',
  realName: '刘洋',
  idNumber: makeIdNumber({ region: '440104', birthDate: '19900315', seq: 417 }),
  phone: '13800138417',
};
const year = beijingYear();

let e: E2E;
let admin: TestPerson;
let unit: TestUnit;

beforeAll(async () => {
  e = await startE2E();
  // steps 1–3 and 5 of the manual: the admin's person account (二级实名), the unit account, the binding with 授权
  admin = await makePerson(e.t, { level: 2 });
  unit = await makeUnit(e.t, { cityCode: '4401' });
  await e.t.db.update(units).set({ name: UNIT_NAME }).where(eq(units.accountId, unit.id));
  await bindAgent(e.t, unit, admin);
});

afterAll(async () => {
  await e?.close();
});

async function asUnitAdmin(page: Page) {
  await login(e, page, admin.loginName, admin.password, { actFor: UNIT_NAME });
  await see(page, `经办单位：${UNIT_NAME}`);
}

describe('manual 000: from the unit admin to the certificate', () => {
  it('walks steps 1–9', async ({ onTestFailed }) => {
    const page = await e.newPage();
    onTestFailed(() => e.screenshot('e2e-manual-000', page));

    // 第四步：单位账号申请角色 — 法人单位角色申请: 保存 → 上传营业执照 → 确认 (自动审核通过)
    await asUnitAdmin(page);
    expect(await page.getByRole('menuitem', { name: '专业技术人员信息确认' }).count()).toBe(0);
    await openMenu(page, '法人单位角色申请');
    await see(page, '法人单位基本信息');
    await selectOption(page, '单位性质', '民营企业');
    await selectOption(page, '隶属关系', '市级');
    await fillByLabel(page, {
      联系人: '陈志强',
      办公电话: '020-83331234',
      移动电话: '13902221234',
      Email: 'hr@zjjl.example.cn',
      邮政编码: '510060',
      单位通讯地址: '广州市越秀区环市东路368号',
      单位职能简介: '工程监理、造价咨询与项目管理。',
    });
    await button(page, '保存').click();
    await see(page, '保存成功，请上传营业执照后点击“确认”');
    const uploaded = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/files' && r.request().method() === 'POST',
    );
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '营业执照.png', mimeType: 'image/png', buffer: tinyPng() });
    expect((await uploaded).status()).toBe(200);
    await see(page, '营业执照上传成功');
    await button(page, '确认').click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await see(page, '确认成功，法人单位功能菜单已开通');
    // as the toast says: the employer's menus are there at once, without logging in again
    await page.getByRole('menuitem', { name: '专业技术人员信息确认' }).waitFor();
    await logout(page);

    // 第六步：专业技术人员以“个人入口”注册，完善个人信息，选择所属单位并提交
    await page.goto('/register/person');
    await fillByLabel(page, {
      登录账号: staff.loginName,
      密码: staff.password,
      确认密码: staff.password,
      姓名: staff.realName,
      公民身份号码: staff.idNumber,
      手机号码: staff.phone,
    });
    await solveCaptcha(e, page);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await see(page, '注册成功');
    await login(e, page, staff.loginName, staff.password);
    await openMenu(page, '人员基本信息维护');
    await see(page, '人员基本信息维护');
    await selectOption(page, '所属单位', `${UNIT_NAME}（广东省广州市）`, { search: false });
    await selectOption(page, '民族', '汉族');
    await selectOption(page, '最高学历', '大学本科教育');
    await selectOption(page, '专业技术任职资格', '中级');
    await selectOption(page, '专业系列', '工程技术人员');
    await fillByLabel(page, {
      籍贯: '广东省广州市',
      所学专业: '土木工程',
      毕业院校: '华南理工大学',
      毕业时间: '2012-07-01',
      参加工作时间: '2012-08-01',
      从事专业: '工程监理',
    });
    await button(page, '提交').click();
    await see(page, '待单位确认');
    await logout(page);

    // 第七步：单位管理员进入单位账号，专业技术人员信息确认 → 是
    await asUnitAdmin(page);
    await openMenu(page, '专业技术人员信息确认');
    const pending = await tableRow(page, staff.realName);
    await button(pending, '是').click();
    await page.locator('.ant-table-tbody').getByText(staff.realName).waitFor({ state: 'detached' });
    await logout(page);

    // the year so far: everything but 18 学时 of 专业课 already recognised
    const [prof] = await e.t.db
      .select({ id: professionals.id })
      .from(professionals)
      .where(eq(professionals.idNumber, staff.idNumber));
    for (const [subjectType, hours] of [
      ['public', 30],
      ['professional', 24],
      ['elective', 18],
    ] as const) {
      await makeRecord(e.t, prof, { subjectType, hours, endDate: `${year}-03-20`, employerId: unit.id });
    }

    // 第八步：个人账号登录上传继续教育学时证明 — 继续教育记录 → 添加 → 保存 → 附件 → 确认送审
    await login(e, page, staff.loginName, staff.password);
    await openMenu(page, '年度学时情况');
    await see(page, `${year}年度验证：未通过（已认定 72 学时，要求 90 学时）`);
    await see(page, '专业课还差 18 学时');
    await openMenu(page, '继续教育记录');
    await button(page, '添加').click();
    const form = page.getByRole('dialog', { name: '继续教育培训记录申报填写' });
    await fillByLabel(form, { 课程名称: '建设工程监理规范解读' });
    await selectOption(page, '科目类型', '专业课', { scope: form });
    await selectOption(page, '学习形式', '面授', { scope: form });
    await fillByLabel(form, {
      学习开始时间: `${year}-01-10`,
      学习结束时间: `${year}-01-12`,
    });
    await form.getByLabel('参训天数', { exact: true }).fill('3');
    await form.getByLabel('拟申报学时', { exact: true }).fill('18');
    await selectOption(page, '考核结果', '合格', { scope: form });
    // 根据学时证明的落款章单位选择施教机构；未能选到时在文本框中录入
    await form.getByLabel('施教机构名称', { exact: true }).fill('广州市建设工程监理行业协会');
    await button(form, '保存').click();
    await see(page, '保存成功，请上传附件材料');
    await button(form, '新增').click();
    const upload = page.getByRole('dialog', { name: '附件材料上传' });
    await upload
      .locator('input[type=file]')
      .setInputFiles({ name: '学时证明.png', mimeType: 'image/png', buffer: tinyPng([20, 90, 160]) });
    await upload.getByLabel('附件名称', { exact: true }).fill('学时证明');
    await button(upload, '确定').click();
    await see(page, '附件上传成功');
    await see(form, '学时证明');
    await button(form, '确认送审').click();
    await see(page, '已送审，请等待单位审核');
    await form.getByRole('button', { name: '关闭' }).first().click();
    const sent = await tableRow(page, '建设工程监理规范解读');
    await see(sent, '待办');
    await logout(page);

    // 第九步：单位管理员进入单位账号 — 继续教育记录认定 → 审核 → 同意 → 认定学时 → 审核
    await asUnitAdmin(page);
    await openMenu(page, '继续教育记录认定');
    const waiting = await tableRow(page, '建设工程监理规范解读');
    await see(waiting, staff.realName);
    await button(waiting, '审核').click();
    const review = page.getByRole('dialog', { name: '继续教育培训记录申报查看' });
    await see(review, '学时证明');
    await see(review, '提交送审'); // 审批流程
    await review.getByRole('radio', { name: '同意', exact: true }).check();
    expect(await review.getByLabel('认定学时', { exact: true }).inputValue()).toBe('18.0');
    await button(review, '审核').click();
    await page
      .locator('.ant-modal-confirm')
      .filter({ hasText: '确定同意？' })
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await see(page, '审核完成');
    await see(review, '继续教育记录申报单位审批'); // 审批流程 now shows the 同意
    await review.getByRole('button', { name: '关闭' }).first().click();
    await logout(page);

    // 最后以个人账号登录: the record is 同意, the year's totals changed at once, the certificate prints
    await login(e, page, staff.loginName, staff.password);
    await openMenu(page, '继续教育记录');
    const approved = await tableRow(page, '建设工程监理规范解读');
    await see(approved, '同意');
    await openMenu(page, '年度学时情况');
    await see(page, `${year}年度验证：通过（已认定 90 学时，要求 90 学时）`);

    await openMenu(page, '继续教育证书打印');
    const row = await tableRow(page, String(year));
    await see(row, '通过');
    const download = page.waitForEvent('download');
    await row.getByRole('link', { name: '打印' }).click();
    const pdf = await download;
    const path = await pdf.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const number = /GD\d{4}[0-9A-Z]{10}/.exec(pdf.suggestedFilename())?.[0];
    expect(number, pdf.suggestedFilename()).toBeTruthy();
    await page.reload();
    await see(await tableRow(page, String(year)), number as string);

    // the public verification page (no login) confirms the number on the certificate
    const visitor = await e.newPage();
    await visitor.goto(`/verify?no=${number}`);
    await see(visitor, '该继续教育证书真实有效。');
    await see(visitor, '刘*');
    await visitor.context().close();
    await page.context().close();
  });
});
