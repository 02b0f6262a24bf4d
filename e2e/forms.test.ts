import { makeIdNumber } from '@ce/shared';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  button,
  DEMO_PASSWORD,
  type E2E,
  fillByLabel,
  type LoginOptions,
  login,
  openMenu,
  see,
  selectOption,
  startE2E,
  tableRow,
  tinyPng,
} from './harness';

/**
 * Forms (issue 9, item 3): on every form the demo accounts reach, 提交 of the empty form shows the
 * error of every required field at once — not one after another, not only after the server answers —
 * in the field's words, and each error goes away as its field is filled (without submitting again).
 * One login per account; the forms are only filled, never saved, unless a later check needs it.
 */

const UNIT = '广东建设工程咨询有限公司';
const PROVINCE_HRSS = '广东省人力资源和社会保障厅';

/**
 * The errors shown under the fields of `scope`, as "<label>：<message>": the label is the nearest
 * labelled form item's (a captcha input or a year range sits inside one without a label of its own).
 */
async function fieldErrors(scope: Locator): Promise<string[]> {
  const errors = await scope.evaluate((root) => {
    const out: string[] = [];
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('.ant-form-item-explain-error'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      let item: Element | null = el.closest('.ant-form-item');
      let label = '';
      while (item && !label) {
        const l = item.querySelector(':scope > .ant-form-item-row > .ant-form-item-label > label');
        label = l?.textContent?.trim().replace(/[：:]$/, '') ?? '';
        item = item.parentElement?.closest('.ant-form-item') ?? null;
      }
      out.push(`${label || '(no label)'}：${el.textContent?.trim() ?? ''}`);
    }
    return out;
  });
  return errors.sort();
}

/**
 * The check of one form: `submit` on the empty form shows exactly `expected` (every required field's
 * error, together); after `fill` no error is left on the form.
 */
async function checkForm(
  scope: Locator,
  submit: () => Promise<unknown>,
  expected: string[],
  fill: () => Promise<unknown>,
): Promise<void> {
  await submit();
  await expect.poll(() => fieldErrors(scope), { timeout: 10_000 }).toEqual([...expected].sort());
  await fill();
  await expect.poll(() => fieldErrors(scope), { timeout: 10_000 }).toEqual([]);
}

/** Types a date into an antd DatePicker (by label) and closes its panel. */
async function fillDate(scope: Locator | Page, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.fill(date);
  await input.press('Enter');
}

/** The record form's required fields (继续教育培训记录申报填写), filled as a person would. */
async function fillRecord(page: Page, form: Locator): Promise<void> {
  await fillByLabel(form, { 课程名称: '建设工程监理规范解读' });
  await selectOption(page, '科目类型', '专业课', { scope: form });
  await selectOption(page, '学习形式', '面授', { scope: form });
  await fillDate(form, '学习开始时间', '2026-01-10');
  await fillDate(form, '学习结束时间', '2026-01-12');
  await fillByLabel(form, { 参训天数: '3', 拟申报学时: '18' });
}

const RECORD_ERRORS = [
  '课程名称：请填写课程名称',
  '科目类型：请选择科目类型',
  '学习形式：请选择学习形式',
  '学习开始时间：请填写学习开始时间',
  '学习结束时间：请填写学习结束时间',
  '参训天数：请填写参训天数',
  '拟申报学时：请填写拟申报学时',
];

/** The fields of 人员基本信息 that a person (or the unit) types; 姓名, 性别 … come with the ID number. */
async function fillProfessional(page: Page, scope: Locator): Promise<void> {
  await selectOption(page, '民族', '汉族', { scope });
  await selectOption(page, '最高学历', '大学本科教育', { scope });
  await selectOption(page, '专业技术任职资格', '中级', { scope });
  await selectOption(page, '专业系列', '工程技术人员', { scope });
  await fillByLabel(scope, {
    籍贯: '广东省广州市',
    所学专业: '土木工程',
    毕业院校: '华南理工大学',
    从事专业: '工程监理',
  });
  await fillDate(scope, '毕业时间', '2012-07-01');
  await fillDate(scope, '参加工作时间', '2012-08-01');
}

const PROFESSIONAL_ERRORS = [
  '民族：请选择民族',
  '籍贯：请填写籍贯',
  '最高学历：请选择最高学历',
  '所学专业：请填写所学专业',
  '毕业院校：请填写毕业院校',
  '毕业时间：请选择毕业时间',
  '参加工作时间：请选择参加工作时间',
  '专业技术任职资格：请选择专业技术任职资格',
  '专业系列：请选择专业系列',
  '从事专业：请填写从事专业',
];

describe('forms: every required field says what is missing at once, and clears when filled', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 120_000);
  afterAll(async () => {
    await e?.close();
  });

  /** A fresh browser logged in as `loginName`; screenshots on failure. */
  async function as(
    loginName: string,
    opts: LoginOptions,
    name: string,
    body: (page: Page) => Promise<void>,
  ) {
    const page = await e.newPage();
    try {
      await login(e, page, loginName, DEMO_PASSWORD, opts);
      await body(page);
    } catch (error) {
      await e.screenshot(`e2e-forms-${name}`, page);
      throw error;
    } finally {
      await page.context().close();
    }
  }

  it('the public forms: 用户登录, 个人注册, 密码找回, 单位注册, 证书查验', async () => {
    const page = await e.newPage();
    const card = page.locator('.ant-card').first();
    try {
      await page.goto('/login');
      await checkForm(
        page.locator('form'),
        () => button(page, '个人登录').click(),
        ['个人账号：请输入个人账号', '密码：请输入密码', '验证码：请输入验证码'],
        () => fillByLabel(page, { 个人账号: 'lina', 密码: DEMO_PASSWORD, 验证码: 'abcd' }),
      );

      await page.goto('/register/person');
      await checkForm(
        card,
        () => button(page, '注册').click(),
        [
          '登录账号：请输入登录账号',
          '密码：请输入密码',
          '确认密码：请再次输入密码',
          '姓名：请输入姓名',
          '公民身份号码：请输入公民身份号码',
          '手机号码：请输入手机号码',
          '验证码：请输入验证码',
        ],
        () =>
          fillByLabel(page, {
            登录账号: 'formcheck01',
            密码: DEMO_PASSWORD,
            确认密码: DEMO_PASSWORD,
            姓名: '陈表单',
            公民身份号码: makeIdNumber({ region: '440104', birthDate: '19910305', seq: 611 }),
            手机号码: '13800138000',
            验证码: 'abcd',
          }),
      );

      await page.goto('/password/reset');
      await checkForm(
        card,
        () => button(page, '获取验证码').click(),
        ['登录账号：请输入登录账号', '手机号码：请输入手机号码', '验证码：请输入验证码'],
        () => fillByLabel(page, { 登录账号: 'lina', 手机号码: '13800138000', 验证码: 'abcd' }),
      );

      await page.goto('/register/unit');
      await checkForm(
        card,
        () => button(page, '下一步').click(),
        ['个人登录账号：请输入实名个人登录账号', '个人证件号码：请输入公民身份号码', '验证码：请输入验证码'],
        () =>
          fillByLabel(page, {
            个人登录账号: 'zhangwei',
            个人证件号码: makeIdNumber({ region: '440104', birthDate: '19820315', seq: 101 }),
            验证码: 'abcd',
          }),
      );

      await page.goto('/verify');
      await checkForm(
        page.locator('form'),
        () => button(page, '查验').click(),
        ['证书编号：请输入证书编号'],
        () => fillByLabel(page, { 证书编号: 'GD2025000001' }),
      );
    } catch (error) {
      await e.screenshot('e2e-forms-public', page);
      throw error;
    } finally {
      await page.context().close();
    }
  });

  it('lina: 修改密码, 继续教育记录 (添加), 成果申报', async () => {
    await as('lina', {}, 'lina', async (page) => {
      await openMenu(page, '修改密码');
      await checkForm(
        page.locator('form'),
        () => button(page, '确定').click(),
        ['原密码：请输入原密码', '新密码：请输入新密码', '确认密码：请再次输入密码'],
        () => fillByLabel(page, { 原密码: DEMO_PASSWORD, 新密码: 'Gdjx2027', 确认密码: 'Gdjx2027' }),
      );

      await openMenu(page, '继续教育记录');
      await button(page, '添加').click();
      const form = page.getByRole('dialog', { name: '继续教育培训记录申报填写' });
      await checkForm(
        form,
        () => button(form, '保存').click(),
        RECORD_ERRORS,
        () => fillRecord(page, form),
      );
      // 确认送审 is shown before the first 保存, disabled, and says why
      const send = button(form, '确认送审');
      expect(await send.isDisabled()).toBe(true);
      await send.hover({ force: true });
      await see(page, '请先填写并保存基本信息，再确认送审');
      await form.getByRole('button', { name: '关闭' }).first().click();

      await button(page, '成果申报').click();
      const achievement = page.getByRole('dialog', { name: '成果申报' });
      await checkForm(
        achievement,
        () => button(achievement, '保存').click(),
        // 作者排名 starts at 主要作者
        ['成果类型：请选择成果类型', '成果名称：请填写成果名称', '取得时间：请填写取得时间'],
        async () => {
          await selectOption(page, '成果类型', '专利', { scope: achievement });
          await fillByLabel(achievement, { 成果名称: '一种混凝土养护装置' });
          await fillDate(achievement, '取得时间', '2026-03-01');
        },
      );
    });
  });

  it('wangfang: 实名认证 and 人员基本信息维护 (提交 with 所属单位 among the others)', async () => {
    await as('wangfang', {}, 'wangfang', async (page) => {
      await openMenu(page, '实名认证');
      const card = page.locator('.ant-card').first();
      await checkForm(
        card,
        () => button(page, '提交实名认证申请').click(),
        ['身份证人像面：请上传身份证人像面照片', '身份证国徽面：请上传身份证国徽面照片'],
        async () => {
          await page
            .getByLabel('身份证人像面', { exact: true })
            .setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: tinyPng([200, 30, 30]) });
          await page
            .getByLabel('身份证国徽面', { exact: true })
            .setInputFiles({ name: 'back.png', mimeType: 'image/png', buffer: tinyPng([30, 30, 200]) });
        },
      );
      // sent: 实名认证审核 (hrss_admin, below) reviews it
      await button(page, '提交实名认证申请').click();
      await see(page, '实名认证申请已提交，请等待审核');

      await openMenu(page, '人员基本信息维护');
      const profile = page.locator('.ant-card').first();
      await checkForm(
        profile,
        () => button(page, '提交').click(),
        ['所属单位：请选择所属单位', ...PROFESSIONAL_ERRORS],
        async () => {
          await profile.getByLabel('所属单位', { exact: true }).click();
          await page
            .locator('.ant-select-dropdown:visible .ant-select-item-option')
            .filter({ hasText: UNIT })
            .first()
            .click();
          await fillProfessional(page, profile);
        },
      );
    });
  });

  it(`zhangwei → ${UNIT}: 新增 staff, 继续教育记录申报 (添加), 法人单位信息维护, 审核, 批注管理`, async () => {
    await as('zhangwei', { actFor: UNIT }, 'zhangwei', async (page) => {
      await openMenu(page, '专业技术人员信息维护');
      await button(page, '新增').click();
      const staff = page.getByRole('dialog', { name: '新增：单位人员基本信息' });
      await checkForm(
        staff,
        () => button(staff, '保存').click(),
        [
          '姓名：请填写姓名',
          '性别：请选择性别',
          '公民身份号码：请填写公民身份号码',
          '出生日期：请选择出生日期',
          '联系电话：请填写联系电话',
          ...PROFESSIONAL_ERRORS,
        ],
        async () => {
          await fillByLabel(staff, {
            姓名: '赵表单',
            公民身份号码: makeIdNumber({ region: '440106', birthDate: '19880416', seq: 733 }),
            联系电话: '13900139000',
          });
          await fillProfessional(page, staff);
        },
      );
      await button(staff, '取消').click();

      await openMenu(page, '继续教育记录申报');
      await button(page, '添加培训记录').click();
      const declare = page.getByRole('dialog', { name: '继续教育培训记录申报填写' });
      await checkForm(
        declare,
        () => button(declare, '保存').click(),
        // whose record it is is asked together with the rest, not after the rest is right
        ['姓名：请选择人员', ...RECORD_ERRORS],
        async () => {
          await button(declare, '选择人员').click();
          const picker = page.getByRole('dialog', { name: '选择人员' });
          const lina = picker
            .locator('.ant-table-tbody tr.ant-table-row')
            .filter({ hasText: '李娜' })
            .first();
          await button(lina, '选入').click();
          await picker.waitFor({ state: 'hidden' });
          await fillRecord(page, declare);
        },
      );
      await declare.getByRole('button', { name: '关闭' }).first().click();

      await openMenu(page, '法人单位信息维护');
      const contacts = {
        联系人: '张伟',
        办公电话: '020-88886666',
        移动电话: '13800000001',
        Email: 'contact@example.com',
        邮政编码: '510000',
        单位通讯地址: '广州市天河区体育西路1号',
        单位职能简介: '建设工程咨询',
      };
      const orgCard = page.locator('.ant-card').first();
      await orgCard.getByLabel('联系人', { exact: true }).waitFor();
      await checkForm(
        orgCard,
        async () => {
          await fillByLabel(orgCard, Object.fromEntries(Object.keys(contacts).map((k) => [k, ''])));
          await button(page, '保存').click();
        },
        Object.keys(contacts).map((k) => `${k}：请填写${k}`),
        () => fillByLabel(orgCard, contacts),
      );

      await openMenu(page, '继续教育记录认定');
      await button(await tableRow(page, '城市更新与既有建筑改造'), '审核').click();
      const review = page.getByRole('dialog', { name: '继续教育培训记录申报查看' });
      await review.getByRole('radio', { name: '不同意并退案', exact: true }).check();
      await checkForm(
        review.locator('form').last(),
        () => button(review, '审核').click(),
        ['审核意见：不同意时请填写审核意见'],
        () => review.getByLabel('审核意见', { exact: true }).fill('请补充学时证明'),
      );
      await review.getByRole('button', { name: '关闭' }).first().click();

      await openMenu(page, '批注管理');
      await button(page, '新增').click();
      const opinion = page.getByRole('dialog', { name: '新增批注' });
      await checkForm(
        opinion,
        () => button(opinion, '保存').click(),
        ['批注内容：请填写批注内容'],
        () => fillByLabel(opinion, { 批注内容: '请补充学时证明' }),
      );
    });
  });

  it('gdjs_unit: 子账号信息 新增绑定', async () => {
    await as('gdjs_unit', { kind: 'unit' }, 'gdjs-unit', async (page) => {
      await openMenu(page, '子账号信息');
      await button(page, '新增绑定').click();
      const bind = page.getByRole('dialog', { name: '新增绑定' });
      await checkForm(
        bind,
        () => button(bind, '确定').click(),
        ['姓名：请输入姓名', '登录账号：请输入登录账号', '证件号码：请输入证件号码'],
        () =>
          fillByLabel(bind, {
            姓名: '李娜',
            登录账号: 'lina',
            证件号码: makeIdNumber({ region: '440304', birthDate: '19900208', seq: 414, sex: 'female' }),
          }),
      );
    });
  });

  it(`hrss_admin → ${PROVINCE_HRSS}: 年度学时要求, 证书设置, 实名认证审核 (审核不通过 without a reason)`, async () => {
    await as('hrss_admin', { actFor: PROVINCE_HRSS }, 'hrss', async (page) => {
      await openMenu(page, '年度学时要求设置');
      await button(page, '新增').click();
      const rule = page.getByRole('dialog', { name: '新增年度学时要求' });
      await checkForm(
        rule,
        () => button(rule, '保存').click(),
        [
          '总学时：请填写总学时',
          '公需课学时：请填写公需课学时',
          '专业课学时：请填写专业课学时',
          '选修课学时：请填写选修课学时',
        ],
        () => fillByLabel(rule, { 总学时: '90', 公需课学时: '30', 专业课学时: '42', 选修课学时: '18' }),
      );
      await button(rule, '取消').click();

      await openMenu(page, '证书设置');
      const settings = page.locator('form');
      await settings.getByLabel('发证机关', { exact: true }).waitFor();
      await checkForm(
        settings,
        async () => {
          await settings.getByLabel('发证机关', { exact: true }).fill('');
          await button(page, '保存').click();
        },
        ['发证机关：请输入发证机关'],
        () => fillByLabel(settings, { 发证机关: PROVINCE_HRSS }),
      );

      // wangfang's application, sent above
      await openMenu(page, '实名认证审核');
      await button(await tableRow(page, '王芳'), '审核').click();
      const drawer = page.getByRole('dialog', { name: '实名认证审核' });
      await checkForm(
        drawer,
        () => button(drawer, '审核不通过').click(),
        ['审核意见：请填写不通过原因'],
        () => drawer.getByLabel('审核意见', { exact: true }).fill('照片不清晰'),
      );
    });
  });
});
