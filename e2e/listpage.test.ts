import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, DEMO_PASSWORD, type E2E, login, see, startE2E } from './harness';

/** issue 9 item 2: ListPage as a ProTable-like list, at 1366×768. */
const UNIT = '广东建设工程咨询有限公司';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

interface HeaderCell {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  fixed: boolean;
  /** height of the header text itself and one line of the cell's font */
  textHeight: number;
  lineHeight: number;
}

/** The header cells of the list's table as laid out on screen. */
async function headerCells(page: Page, cells = '.ant-table-thead th'): Promise<HeaderCell[]> {
  await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  return page.evaluate(
    (selector) =>
      Array.from(document.querySelectorAll<HTMLTableCellElement>(selector))
        .filter((th) => !th.classList.contains('ant-table-cell-scrollbar') && th.offsetParent !== null)
        .map((th) => {
          const rect = th.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(th);
          const style = getComputedStyle(th);
          return {
            text: (th.textContent ?? '').trim(),
            left: rect.left,
            right: rect.right,
            top: rect.top,
            bottom: rect.bottom,
            fixed: /ant-table-cell-fix/.test(th.className),
            textHeight: range.getBoundingClientRect().height,
            lineHeight: Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5715,
          };
        }),
    cells,
  );
}

/** The part of the table's scroll area out of sight, and scrolling it to one end. */
async function scrollTable(page: Page, to: 'start' | 'end'): Promise<number> {
  return page.evaluate((end) => {
    const area = document.querySelector<HTMLElement>('.ant-table-content, .ant-table-body');
    if (!area) return 0;
    area.scrollLeft = end ? area.scrollWidth : 0;
    area.dispatchEvent(new Event('scroll'));
    return area.scrollWidth - area.clientWidth;
  }, to === 'end');
}

/** header (or body) cells lying over one another: what a fixed column did to 证书号 and 审核状态 */
const overlapping = (cells: HeaderCell[]) =>
  cells
    .filter((c, i) =>
      cells.some(
        (o, j) =>
          j !== i &&
          Math.min(c.right, o.right) - Math.max(c.left, o.left) > 1 &&
          Math.min(c.bottom, o.bottom) - Math.max(c.top, o.top) > 1,
      ),
    )
    .map((c) => c.text);

/**
 * No header text on several lines, and no column under another: no column is fixed (a fixed 操作
 * covered 证书号 and 审核状态); when the columns do not fit the card the table scrolls inside it and
 * 操作 comes into view at its end — at the start and at the end no cell lies over another.
 */
async function expectTidyHeaders(page: Page, where: string) {
  const overflow = await scrollTable(page, 'start');
  const cells = await headerCells(page);
  expect(
    cells.filter((c) => c.fixed).map((c) => c.text),
    `${where}: fixed columns`,
  ).toEqual([]);
  const row = await headerCells(page, '.ant-table-tbody tr.ant-table-row:first-child td');
  expect(overlapping(cells), `${where}: headers under another column`).toEqual([]);
  expect(overlapping(row), `${where}: cells under another column`).toEqual([]);
  if (overflow > 1) {
    await scrollTable(page, 'end');
    const scrolled = await headerCells(page);
    expect(overlapping(scrolled), `${where}: headers over one another at the end`).toEqual([]);
    const action = scrolled.find((c) => c.text === '操作');
    const area = await page.locator('.ant-table-container').first().boundingBox();
    expect(
      action && area && action.right <= area.x + area.width + 1,
      `${where}: 操作 in view at the end`,
    ).toBe(true);
    await scrollTable(page, 'start');
  }
  // the page itself never scrolls sideways: the table scrolls inside its card
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const wrapped = cells.filter((c) => c.text && c.textHeight > c.lineHeight * 1.5).map((c) => c.text);
  expect(wrapped, `${where}: header texts on several lines`).toEqual([]);
}

const headers = async (page: Page) => (await headerCells(page)).map((c) => c.text);

async function newPage() {
  const page = await e.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  return page;
}

describe('ListPage at 1366×768', () => {
  it('继续教育记录申报: toolbar density and column settings (kept over a reload), 展开/收起, batch footer, tidy headers', async () => {
    const page = await newPage();
    try {
      await login(e, page, 'zhangwei', DEMO_PASSWORD, { actFor: UNIT });
      await page.goto('/employer/records-declare');
      await see(page, '继续教育记录申报');
      await expectTidyHeaders(page, '继续教育记录申报');
      await see(page, /^共 \d+ 条$/);

      // 密度 → 紧凑
      await page.getByRole('button', { name: '密度' }).click();
      await page.getByRole('menuitem', { name: '紧凑' }).click();
      await page.locator('.ant-table.ant-table-small').waitFor();

      // 列设置: hide 公民身份号码, still hidden after a reload, back with 重置
      expect(await headers(page)).toContain('公民身份号码');
      await page.getByRole('button', { name: '列设置' }).click();
      const settings = page.getByTestId('column-settings');
      await settings.getByRole('checkbox', { name: '公民身份号码' }).uncheck();
      await page.waitForFunction(
        () =>
          !Array.from(document.querySelectorAll('.ant-table-thead th')).some(
            (th) => th.textContent === '公民身份号码',
          ),
      );
      await page.reload();
      await see(page, '继续教育记录申报');
      const afterReload = await headers(page);
      expect(afterReload).not.toContain('公民身份号码');
      expect(afterReload).toContain('姓名');
      await page.locator('.ant-table.ant-table-small').waitFor();
      await page.getByRole('button', { name: '列设置' }).click();
      await page.getByTestId('column-settings').getByRole('button', { name: '重置' }).click();
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('.ant-table-thead th')).some(
          (th) => th.textContent === '公民身份号码',
        ),
      );

      // five search fields: the first row, 展开 for 年度
      const year = page.getByLabel('年度', { exact: true });
      expect(await year.isVisible()).toBe(false);
      await page.getByRole('button', { name: /^展开/ }).click();
      await year.waitFor({ state: 'visible' });
      await page.getByRole('button', { name: /^收起/ }).click();
      await year.waitFor({ state: 'hidden' });
      await button(page, '清空').click();

      // batch actions in a footer bar once rows are selected
      const footer = page.getByRole('toolbar', { name: '批量操作' });
      expect(await footer.count()).toBe(0);
      // force: Chromium's hit test lands on the checkbox's own cell (the input is drawn by antd over it)
      await page
        .locator('.ant-table-tbody tr.ant-table-row')
        .first()
        .getByRole('checkbox')
        .check({ force: true });
      await footer.getByText('已选择 1 项').waitFor();
      await footer.getByRole('button', { name: '删除' }).waitFor();
      await footer.getByRole('button', { name: '取消选择' }).click();
      await footer.waitFor({ state: 'detached' });
    } catch (error) {
      await e.screenshot('listpage-declare', page);
      throw error;
    }
  });

  it('继续教育证书打印 (employer and person): 证书号 is not under the 操作 column', async () => {
    const unit = await newPage();
    const person = await newPage();
    try {
      await login(e, unit, 'zhangwei', DEMO_PASSWORD, { actFor: UNIT });
      await unit.goto('/employer/certificates');
      await see(unit, '继续教育证书打印');
      // where 证书号 was under 操作 (issue 9), then at 1366
      await unit.setViewportSize({ width: 1440, height: 900 });
      await expectTidyHeaders(unit, '继续教育证书打印 (employer) at 1440');
      await unit.setViewportSize({ width: 1366, height: 768 });
      await expectTidyHeaders(unit, '继续教育证书打印 (employer)');

      await login(e, person, 'lina', DEMO_PASSWORD);
      await person.goto('/person/certificates');
      await see(person, '继续教育证书打印');
      await person.setViewportSize({ width: 1440, height: 900 });
      await expectTidyHeaders(person, '继续教育证书打印 (person) at 1440');
      await person.setViewportSize({ width: 1366, height: 768 });
      await expectTidyHeaders(person, '继续教育证书打印 (person)');
      await see(person, /^共 \d+ 条$/);
    } catch (error) {
      await e.screenshot('listpage-certificates', unit, person);
      throw error;
    }
  });

  it('年度学时情况 is paged with 共 N 条', async () => {
    const page = await newPage();
    try {
      await login(e, page, 'lina', DEMO_PASSWORD);
      await page.goto('/person/hours');
      await see(page, '年度学时情况');
      await see(page, /^共 \d+ 条$/);
      await page.locator('.ant-pagination .ant-pagination-item-1').waitFor();
      await page.locator('.ant-pagination .ant-pagination-options').waitFor();
      await expectNoWrappedHeaders(page);
    } catch (error) {
      await e.screenshot('listpage-hours', page);
      throw error;
    }
  });
});

async function expectNoWrappedHeaders(page: Page) {
  const cells = await headerCells(page);
  expect(cells.filter((c) => c.text && c.textHeight > c.lineHeight * 1.5).map((c) => c.text)).toEqual([]);
}
