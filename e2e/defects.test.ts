import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * Defects of issue 9 that only the page shows, on the demo data (README's demo accounts): each
 * test is what a user saw go wrong, and fails without its fix.
 */

const UNIT = '广东建设工程咨询有限公司';

describe('issue 9 defects seen in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 120_000);
  afterAll(async () => {
    await e?.close();
  });

  it('继续教育记录认定: 认定学时 over 拟申报学时 is refused with the reason, and 审核 asks before deciding', async () => {
    const page = await e.newPage();
    try {
      await login(e, page, 'zhangwei', DEMO_PASSWORD, { actFor: UNIT });
      await openMenu(page, '继续教育记录认定');
      const row = await tableRow(page, '城市更新与既有建筑改造');
      await button(row, '审核').click();
      const review = page.getByRole('dialog', { name: '继续教育培训记录申报查看' });
      await review.getByRole('radio', { name: '同意', exact: true }).check();
      const hours = review.getByLabel('认定学时', { exact: true });
      await hours.fill('20');
      await button(review, '审核').click();
      // said, not silently turned into 12
      await see(review, '认定学时不能超过拟申报学时（12学时）');
      expect(await hours.inputValue()).toBe('20.0');
      expect(await page.locator('.ant-modal-confirm').filter({ hasText: '确定同意？' }).count()).toBe(0);

      await hours.fill('10');
      await button(review, '审核').click();
      const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '确定同意？' });
      await see(confirm, /认定学时 10 学时（拟申报学时 12 学时）/);
      await confirm.getByRole('button', { name: /^取\s*消$/ }).click();
      // 取消 sends nothing: the record is still to be reviewed, with what was typed
      expect(await hours.inputValue()).toBe('10.0');
      await button(review, '审核').click();
      await page
        .getByRole('dialog', { name: '确定同意？' })
        .getByRole('button', { name: /^确\s*定$/ })
        .click();
      await see(page, '审核完成');
    } catch (error) {
      await e.screenshot('defects-review', page);
      throw error;
    }
  }, 120_000);

  it('继续教育记录 without a confirmed profile: said on the list, 添加 disabled with the reason', async () => {
    const page = await e.newPage();
    try {
      await login(e, page, 'wangfang', DEMO_PASSWORD);
      await openMenu(page, '继续教育记录');
      await see(page, '所属单位确认状态：未提交，暂不能申报继续教育记录');
      const add = button(page, '添加');
      expect(await add.isDisabled()).toBe(true);
      await add.hover({ force: true });
      await see(page, '所属单位确认您的人员信息后才能添加继续教育记录');
      await logout(page);
    } catch (error) {
      await e.screenshot('defects-records-blocked', page);
      throw error;
    }
  }, 120_000);

  it('人员基本信息维护: 提交 shows every error at once, each clears when fixed, none stays after success', async () => {
    const page = await e.newPage();
    try {
      await login(e, page, 'wangfang', DEMO_PASSWORD);
      await openMenu(page, '人员基本信息维护');
      await see(page, '人员基本信息维护');
      await button(page, '提交').click();
      // the missing employer is said together with the other missing fields, not after them
      await see(page, '请选择所属单位');
      await see(page, /^请(选择|填写|输入)最高学历$/);
      const employer = page.getByLabel('所属单位', { exact: true });
      await employer.click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: UNIT })
        .first()
        .click();
      await page.getByText('请选择所属单位', { exact: true }).waitFor({ state: 'detached' });
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
      expect(await page.getByText('请选择所属单位', { exact: true }).count()).toBe(0);
    } catch (error) {
      await e.screenshot('defects-profile', page);
      throw error;
    }
  }, 120_000);

  it('a typed future date says 不能晚于今天; an upload over 10MB says the size limit was the reason', async () => {
    const page = await e.newPage();
    try {
      const next = new Date().getFullYear() + 1;
      await login(e, page, 'lina', DEMO_PASSWORD);
      await openMenu(page, '继续教育记录');
      await button(page, '添加').click();
      const form = page.getByRole('dialog', { name: '继续教育培训记录申报填写' });
      const end = form.getByLabel('学习结束时间', { exact: true });
      await end.fill(`${next}-01-12`);
      await end.press('Enter');
      await see(form, '学习结束时间不能晚于今天');
      expect(await end.inputValue()).toBe(`${next}-01-12`);
      expect(await form.getByText('请填写学习结束时间', { exact: true }).count()).toBe(0);
      await page.context().clearCookies();

      await login(e, page, 'wangfang', DEMO_PASSWORD);
      await openMenu(page, '实名认证');
      await page.getByLabel('身份证人像面', { exact: true }).setInputFiles({
        name: 'front.png',
        mimeType: 'image/png',
        buffer: Buffer.alloc(11 * 1024 * 1024, 1),
      });
      await see(page, '文件大小为11MB，超过了单个文件10MB的上限');
    } catch (error) {
      await e.screenshot('defects-dates-sizes', page);
      throw error;
    }
  }, 120_000);

  it('继续教育证书打印: 重新生成证书并打印 is offered only once a certificate exists', async () => {
    const page = await e.newPage();
    try {
      await login(e, page, 'lina', DEMO_PASSWORD);
      await openMenu(page, '继续教育证书打印');
      // a year passed (打印 offered) whose certificate is not issued yet
      const row = page
        .locator('.ant-table-tbody tr.ant-table-row')
        .filter({ hasText: '未生成' })
        .filter({ hasText: '重新生成证书并打印' })
        .first();
      await row.getByText('打印', { exact: true }).waitFor();
      const reissue = button(row, '重新生成证书并打印');
      expect(await reissue.isDisabled()).toBe(true);
      await reissue.hover({ force: true });
      await see(page, '尚未生成证书，请先点击“打印”');
    } finally {
      await page.context().close();
    }
  });

  it('年度学时要求: saving asks first and names whom it reaches; a total that differs from the categories is explained', async () => {
    const page = await e.newPage();
    try {
      await login(e, page, 'hrss_admin', DEMO_PASSWORD, { actFor: '广东省人力资源和社会保障厅' });
      await openMenu(page, '年度学时要求设置');
      await button(page, '新增').click();
      const dialog = page.getByRole('dialog', { name: '新增年度学时要求' });
      await fillByLabel(dialog, { 总学时: '100', 公需课学时: '30', 专业课学时: '42', 选修课学时: '18' });
      await see(
        dialog,
        '公需课、专业课、选修课学时之和为90学时，少于总学时100学时：各类达标后还须另有10学时，任何科目类型均可计入。',
      );
      await button(dialog, '保存').click();
      const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '确定保存年度学时要求？' });
      await see(confirm, /适用于全省全部专业系列\d{4}年度起，保存后立即生效/);
      await confirm.getByRole('button', { name: /^取\s*消$/ }).click();
      // 取消 saves nothing: the form is still open with what was typed
      await see(dialog, /^公需课、专业课、选修课学时之和为90学时，少于总学时100学时/);
      await fillByLabel(dialog, { 总学时: '80' });
      await see(dialog, /多于总学时80学时：各类学时都须达到，实际至少需要90学时/);
    } finally {
      await page.context().close();
    }
  });
});
