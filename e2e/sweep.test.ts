import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type E2E, type LoginOptions, login, startE2E } from './harness';
import { type PageFindings, pageFindings, settle, watchTrouble } from './sweep-checks';

/**
 * The sweep (issue 9, item 7): every demo account of README.md opens every page of its own menu at
 * 1366×768 — the menu items the layout renders, so a page added to the route table joins by itself
 * — and each page shows no console error, makes no failed API call, has its name as the browser
 * title, does not scroll sideways, and hides no table column under another (fixed 操作). Each page,
 * once settled, is then looked at again at 1440×900 (the issue's other screen) by resizing the same
 * window: no second login or page load, so the second size costs about a second per account.
 */

const SYSTEM_TITLE = '专业技术人员继续教育管理系统';
const VIEWPORT = { width: 1366, height: 768 };
const WIDE = { width: 1440, height: 900 };
const sizeName = (v: { width: number; height: number }) => `${v.width}×${v.height}`;

/** The demo accounts of README.md, logged in as its "what to try" column says. */
const ACCOUNTS: { loginName: string; opts: LoginOptions }[] = [
  { loginName: 'hrss_admin', opts: { actFor: '广东省人力资源和社会保障厅' } },
  { loginName: 'gz_hrss', opts: { actFor: '广州市人力资源和社会保障局' } },
  { loginName: 'zhangwei', opts: { actFor: '广东建设工程咨询有限公司' } },
  { loginName: 'zhangwei', opts: { actFor: null } },
  { loginName: 'zhoujm', opts: { actFor: '广东省住房和城乡建设厅' } },
  { loginName: 'wulh', opts: { actFor: '广州市住房和城乡建设局' } },
  { loginName: 'chenpx', opts: { actFor: '广州市建设职业培训学校' } },
  { loginName: 'lina', opts: {} },
  { loginName: 'wangfang', opts: {} },
  { loginName: 'gdjs_unit', opts: { kind: 'unit' } },
  { loginName: 'gdjxxh_px', opts: { kind: 'unit' } },
  { loginName: 'scut_jxjy', opts: { kind: 'unit' } },
  { loginName: 'szjs_px', opts: { kind: 'unit' } },
  { loginName: 'gdhrss', opts: { kind: 'unit' } },
  { loginName: 'hrss4401', opts: { kind: 'unit' } },
  { loginName: 'hrss4403', opts: { kind: 'unit' } },
];

/**
 * Pages allowed, for now, to put a column under another (or push the page sideways):
 * "<account as the test names it> <page name>". None since ListPage fixes no column and scrolls wide
 * tables inside their card. A page listed here that passes fails the sweep, so the list cannot go stale.
 */
const KNOWN_TABLE_OVERLAPS: string[] = [];

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

const label = (a: (typeof ACCOUNTS)[number]) =>
  `${a.loginName}${a.opts.actFor ? ` → ${a.opts.actFor}` : a.opts.actFor === null ? ' (个人)' : ''}`;

/** The names of the side menu's pages, in order (groups are open). */
async function menuPages(page: Page): Promise<string[]> {
  const items = page.getByTestId('side-menu').locator('li.ant-menu-item');
  return (await items.allInnerTexts()).map((t) => t.trim());
}

/** Lets a resized window lay out again: two frames for ResizeObserver callbacks and their re-render. */
async function afterResize(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
      ),
  );
}

describe('sweep: every menu page of every demo account at 1366×768 and 1440×900', () => {
  for (const account of ACCOUNTS) {
    it(label(account), async ({ onTestFailed }) => {
      const page = await e.newPage();
      onTestFailed(() => e.screenshot(`e2e-sweep-${account.loginName}`, page));
      await page.setViewportSize(VIEWPORT);
      const trouble = watchTrouble(page);
      await login(e, page, account.loginName, DEMO_PASSWORD, account.opts);

      const names = await menuPages(page);
      expect(names.length, 'menu pages').toBeGreaterThan(1);
      const findings: PageFindings[] = [];
      for (const [i, name] of names.entries()) {
        trouble.reset();
        await page.getByTestId('side-menu').locator('li.ant-menu-item').nth(i).click();
        await page.getByTestId('page-header').getByRole('heading', { name, exact: true }).waitFor();
        await settle(page, trouble);
        findings.push(await pageFindings(page, name, trouble.lines()));
        // the same page at 1440×900: the layout follows the window (antd's breakpoints, the table's
        // own measure), so give it a moment, then look again; back to 1366 before the next click
        trouble.reset();
        await page.setViewportSize(WIDE);
        await afterResize(page);
        await settle(page, trouble, 100);
        findings.push(await pageFindings(page, name, trouble.lines(), sizeName(WIDE)));
        await page.setViewportSize(VIEWPORT);
        await afterResize(page);
      }

      const problems: string[] = [];
      for (const f of findings) {
        const where = `${label(account)} ${f.name}${f.size ? ` at ${f.size}` : ''}`;
        if (f.title !== `${f.name} - ${SYSTEM_TITLE}`) problems.push(`${where}: title "${f.title}"`);
        for (const t of f.trouble) problems.push(`${where}: ${t}`);
        const layout = [
          ...(f.scrollWidth > f.clientWidth
            ? [`page scrolls sideways (${f.scrollWidth} > ${f.clientWidth})`]
            : []),
          ...f.overlaps,
        ];
        const known = KNOWN_TABLE_OVERLAPS.includes(where);
        if (known && layout.length === 0)
          problems.push(`${where}: passes now — remove it from KNOWN_TABLE_OVERLAPS`);
        if (!known) for (const l of layout) problems.push(`${where}: ${l}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('the shell at 1366×768', () => {
  it('keeps the header and the side menu in place, scrolls a long menu inside it, and remembers it folded', async ({
    onTestFailed,
  }) => {
    const page = await e.newPage();
    onTestFailed(() => e.screenshot('e2e-sweep-shell', page));
    await page.setViewportSize(VIEWPORT);
    await login(e, page, 'zhangwei', DEMO_PASSWORD, { actFor: '广东建设工程咨询有限公司' });
    const menu = page.getByTestId('side-menu');
    // the employer's menu is longer than the screen: it scrolls inside the sider, the page does not grow
    const sizes = await menu.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    await page.getByTestId('side-menu').locator('li.ant-menu-item').last().click();
    const last = (await menu.locator('li.ant-menu-item').last().innerText()).trim();
    await page.getByTestId('page-header').getByRole('heading', { name: last, exact: true }).waitFor();
    // the breadcrumb names the group and the page
    await expect(page.getByTestId('page-header').locator('.ant-breadcrumb').innerText()).resolves.toMatch(
      new RegExp(`^\\S+\\s*/\\s*${last}$`),
    );

    await page.getByRole('menuitem', { name: '继续教育记录申报', exact: true }).click();
    await page.getByTestId('page-header').getByRole('heading', { name: '继续教育记录申报' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const header = await page.locator('.ant-layout-header').boundingBox();
    const sider = await page.locator('.ant-layout-sider').boundingBox();
    expect(header?.y).toBe(0);
    expect(sider?.y).toBe(64);

    // 收起: 64 px wide, icons only; still folded after a reload; 展开 again
    await page.locator('.ant-layout-sider-trigger').click();
    await expect.poll(async () => (await page.locator('.ant-layout-sider').boundingBox())?.width).toBe(64);
    await page.reload();
    await page.getByTestId('page-header').getByRole('heading', { name: '继续教育记录申报' }).waitFor();
    expect((await page.locator('.ant-layout-sider').boundingBox())?.width).toBe(64);
    expect(await page.locator('.ant-layout-sider .ant-menu-submenu-title .anticon').count()).toBeGreaterThan(
      3,
    );
    await page.locator('.ant-layout-sider-trigger').click();
    await expect.poll(async () => (await page.locator('.ant-layout-sider').boundingBox())?.width).toBe(232);
  });

  it('names the public pages in the browser title', async () => {
    const page = await e.newPage();
    for (const [path, name] of [
      ['/login', '用户登录'],
      ['/register/person', '个人注册'],
      ['/register/unit', '单位注册'],
      ['/password/reset', '密码找回'],
      ['/verify', '继续教育证书查验'],
    ]) {
      await page.goto(path);
      await expect.poll(() => page.title()).toBe(`${name} - ${SYSTEM_TITLE}`);
    }
  });
});
