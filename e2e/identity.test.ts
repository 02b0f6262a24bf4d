import { makeIdNumber, makeUscc } from '@ce/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  button,
  DEMO_PASSWORD,
  type E2E,
  escapeRegExp,
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

const HRSS_UNIT = '广东省人力资源和社会保障厅';

const person = {
  loginName: 'zhaolei_e2e',
  password: 'Zl8x5k2q',
  realName: '赵磊',
  idNumber: makeIdNumber({ region: '440106', birthDate: '19880520', seq: 123 }),
  phone: '13712345679',
};
/** as lists show it (SPEC §13): 4 + 10 stars + 4 */
const maskedId = `${person.idNumber.slice(0, 4)}${'*'.repeat(10)}${person.idNumber.slice(-4)}`;
const maskedPhone = `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`;

const unit = {
  loginName: 'thsjy_unit',
  password: 'Td7m4w9p',
  name: '广州天河设计研究院有限公司',
  uscc: makeUscc({ first: '9', category: '1', region: '440106', orgBase: 'MA9T4K7W' }),
  address: '天河路385号',
  legalRepresentative: '周建华',
};

let e: E2E;

beforeAll(async () => {
  e = await startE2E();
});

afterAll(async () => {
  await e?.close();
});

/** The HRSS operator reads the last 单位注册 SMS to `phone` on the 短信发件箱 page. */
async function readSmsCodeAsOperator(page: Page, phone: string): Promise<string> {
  await login(e, page, 'hrss_admin', DEMO_PASSWORD, { actFor: HRSS_UNIT });
  await see(page, `经办单位：${HRSS_UNIT}`);
  await openMenu(page, '短信发件箱');
  await page.getByLabel('手机号码', { exact: true }).fill(phone);
  await page.getByRole('button', { name: '查询' }).click();
  const row = await tableRow(page, '单位注册');
  const content = (await row.textContent()) ?? '';
  const code = /验证码：(\d{6})/.exec(content)?.[1];
  if (!code) throw new Error(`no code in the SMS: ${content}`);
  await logout(page);
  return code;
}

describe('统一认证: person, 二级实名, unit, agent', () => {
  it('a wrong captcha and a wrong password are refused on the login page', async ({ onTestFailed }) => {
    const page = await e.newPage();
    onTestFailed(() => e.screenshot('e2e-failure-login', page));
    await page.goto('/login');
    await fillByLabel(page, { 个人账号: 'lina', 密码: DEMO_PASSWORD });
    // ignoreChars of the captcha include 0: '0000' is never the answer
    await solveCaptcha(e, page, '0000');
    await button(page, '个人登录').click();
    await see(page, '验证码错误或已过期，请重新输入');
    await see(page, '验证码错误或已过期'); // under the field
    await page.getByLabel('密码', { exact: true }).fill('Wrong7pw9x');
    await solveCaptcha(e, page);
    await button(page, '个人登录').click();
    await see(page, /^账号或密码错误/);
    expect(page.url()).toBe(`${e.baseUrl}/login`);
    await page.context().close();
  });

  it('registers a person, gets 二级 approved by HRSS, registers a unit, binds and authorizes the person as agent', async ({
    onTestFailed,
  }) => {
    const page = await e.newPage();
    let operator: Page | undefined;
    onTestFailed(() => e.screenshot('e2e-failure', page, operator));

    // 1. 个人注册
    await page.goto('/login');
    await page.getByRole('link', { name: '个人注册' }).click();
    await see(page, '个人用户注册');
    await fillByLabel(page, {
      登录账号: person.loginName,
      密码: person.password,
      确认密码: person.password,
      姓名: person.realName,
      公民身份号码: person.idNumber,
      手机号码: person.phone,
    });
    await solveCaptcha(e, page);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await see(page, '注册成功');
    await see(page, new RegExp(`您的登录账号为 ${person.loginName}`));
    await page.getByRole('button', { name: '去登录' }).click();
    await page.waitForURL('**/login');

    // 2. 个人登录 → 账号中心 → 实名认证: upload the two ID photos
    await login(e, page, person.loginName, person.password);
    await see(page, /^您尚未完成二级实名认证，请前往【账号中心】进行实名认证。/);
    await openMenu(page, '实名认证');
    await see(page.getByRole('row', { name: /^实名认证等级/ }), '一级');
    for (const [label, file, rgb] of [
      ['身份证人像面', 'front.png', [200, 30, 30]],
      ['身份证国徽面', 'back.png', [30, 30, 200]],
    ] as const) {
      const uploaded = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/files' && r.request().method() === 'POST',
      );
      await page
        .getByLabel(label, { exact: true })
        .setInputFiles({ name: file, mimeType: 'image/png', buffer: tinyPng([...rgb]) });
      expect((await uploaded).status()).toBe(200);
      await see(page, file);
    }
    await page.getByRole('button', { name: '提交实名认证申请' }).click();
    await see(page, '实名认证申请已提交，请等待审核');
    await see(page.getByRole('row', { name: /^审核状态/ }), '待审核');
    await see(page, /审核中/);
    await logout(page);

    // 3. HRSS operator, acting for 广东省人社厅, approves in 实名认证审核
    await login(e, page, 'hrss_admin', DEMO_PASSWORD, { actFor: HRSS_UNIT });
    await see(page, `经办单位：${HRSS_UNIT}`);
    await openMenu(page, '实名认证审核');
    const application = await tableRow(page, person.loginName);
    await see(application, person.realName);
    await see(application, maskedId);
    await see(application, maskedPhone);
    expect(await application.textContent()).not.toContain(person.idNumber);
    await see(application, '待审核');
    await application.getByRole('button', { name: '审核' }).click();
    const drawer = page.getByRole('dialog', { name: '实名认证审核' });
    await see(drawer, person.idNumber); // the reviewer sees the full number
    await drawer.getByRole('img', { name: '身份证人像面' }).waitFor();
    await drawer.getByRole('img', { name: '身份证国徽面' }).waitFor();
    await drawer.getByRole('button', { name: '审核通过' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await see(application, '审核通过');
    await see(application, '陈思远');
    await logout(page);

    // 4. the person is 二级 now
    await login(e, page, person.loginName, person.password);
    await openMenu(page, '实名认证');
    await see(page.getByRole('row', { name: /^实名认证等级/ }), '二级');
    await see(page.getByRole('row', { name: /^审核状态/ }), '审核通过');
    await see(page, /可被单位绑定为经办人/);
    await logout(page);

    // 5. 单位注册, three steps
    await page.getByRole('link', { name: '单位注册' }).click();
    await see(page, '单位用户注册');
    await fillByLabel(page, { 个人登录账号: person.loginName, 个人证件号码: person.idNumber });
    await solveCaptcha(e, page);
    await page.getByRole('button', { name: '下一步' }).click();

    await see(page, new RegExp(`^单位所属实名认证人员：${person.realName}，.*${escapeRegExp(maskedPhone)}`));
    await fillByLabel(page, {
      登录账号: unit.loginName,
      密码: unit.password,
      确认密码: unit.password,
      单位名称: unit.name,
    });
    await selectOption(page, '单位证件类型', '统一社会信用代码');
    await fillByLabel(page, { 单位证件号码: unit.uscc });
    await selectOption(page, '省', '广东省', { search: true });
    await selectOption(page, '市', '广州市', { search: true });
    await selectOption(page, '县', '天河区', { search: true });
    await fillByLabel(page, {
      单位详细地址: unit.address,
      单位法人姓名: unit.legalRepresentative,
      联系人姓名: person.realName,
      联系电话: person.phone,
    });
    await page.getByRole('button', { name: '下一步' }).click();
    await see(page, new RegExp(`验证码已发送至 ${escapeRegExp(maskedPhone)}`));

    // the code, as the HRSS operator reads it on 短信发件箱 (another browser)
    operator = await e.newPage();
    const smsCode = await readSmsCodeAsOperator(operator, person.phone);
    await operator.context().close();

    await fillByLabel(page, { 短信验证码: smsCode });
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await see(page, '单位注册成功');
    await see(page, new RegExp(`单位登录账号为 ${unit.loginName}`));
    await page.getByRole('button', { name: '去登录' }).click();
    await page.waitForURL('**/login');

    // 6. 单位登录 → 子账号信息 → 新增绑定
    await login(e, page, unit.loginName, unit.password, { kind: 'unit' });
    await see(page, new RegExp(`${unit.name}（${unit.loginName}），您好！`));
    await openMenu(page, '子账号信息');
    await page.getByRole('button', { name: '新增绑定' }).click();
    const bind = page.getByRole('dialog', { name: '新增绑定' });
    await fillByLabel(bind, { 姓名: person.realName, 登录账号: person.loginName, 证件号码: person.idNumber });
    await bind.getByRole('button', { name: '确定' }).click();
    await see(page, '已发起绑定申请，等待对方通过');
    const agentRow = await tableRow(page, person.loginName);
    await see(agentRow, person.realName);
    await see(agentRow, '待通过');
    // the server refuses 授权 before the person accepts: the button says so instead of failing
    const early = agentRow.getByRole('button', { name: '授权', exact: true });
    expect(await early.isDisabled()).toBe(true);
    await early.hover({ force: true });
    await see(page, '经办人尚未通过绑定申请，不能授权');
    await logout(page);

    // 7. the person accepts in 我经办的单位账号信息
    await login(e, page, person.loginName, person.password);
    await see(page, /^您有 1 条单位绑定申请待处理。/);
    await openMenu(page, '我经办的单位账号信息');
    const agency = await tableRow(page, unit.name);
    await see(agency, '待通过');
    await agency.getByRole('button', { name: '通过' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '确定' }).click();
    await see(page, '已通过绑定申请');
    await see(agency, '已通过');
    await see(agency, '未授权');
    await logout(page);

    // 8. the unit authorizes its agent
    await login(e, page, unit.loginName, unit.password, { kind: 'unit' });
    await openMenu(page, '子账号信息');
    const authorized = await tableRow(page, person.loginName);
    await see(authorized, '已通过');
    await authorized.getByRole('button', { name: '授权', exact: true }).click();
    await see(page, '授权成功');
    await see(authorized, '已授权');
    await logout(page);

    // 9. the person logs in and acts for the unit
    await login(e, page, person.loginName, person.password, { actFor: unit.name });
    await see(page, `经办单位：${unit.name}`);
    await see(
      page,
      new RegExp(`^${person.realName}（${person.loginName}），您正在以“${unit.name}”经办人身份办理业务。$`),
    );
    await page.context().close();
  });
});
