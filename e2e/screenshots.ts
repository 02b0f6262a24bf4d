/**
 * The README tour's screenshots (`npm run screenshots`): starts the app on the demo data as the
 * browser tests do (built web app, PGlite test database, headless Chromium), logs in as demo
 * accounts and saves three list pages at 1366×768 to docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, type LoginOptions, login, openMenu, startE2E } from './harness';
import { settle, watchTrouble } from './sweep-checks';

const OUT = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'docs', 'screenshots');
const VIEWPORT = { width: 1366, height: 768 };

interface Shot {
  file: string;
  loginName: string;
  opts: LoginOptions;
  menu: string;
}

const SHOTS: Shot[] = [
  {
    file: 'records-review.png',
    loginName: 'zhangwei',
    opts: { actFor: '广东建设工程咨询有限公司' },
    menu: '继续教育记录认定',
  },
  {
    file: 'staff.png',
    loginName: 'zhangwei',
    opts: { actFor: '广东建设工程咨询有限公司' },
    menu: '专业技术人员信息维护',
  },
  {
    file: 'audit-log.png',
    loginName: 'hrss_admin',
    opts: { actFor: '广东省人力资源和社会保障厅' },
    menu: '审计日志',
  },
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  const e = await startE2E();
  try {
    for (const shot of SHOTS) {
      const page = await e.newPage();
      await page.setViewportSize(VIEWPORT);
      const trouble = watchTrouble(page);
      await login(e, page, shot.loginName, DEMO_PASSWORD, shot.opts);
      await openMenu(page, shot.menu);
      await page.getByTestId('page-header').getByRole('heading', { name: shot.menu, exact: true }).waitFor();
      await settle(page, trouble);
      // no caret blinking or hover state in the picture
      await page.mouse.move(0, VIEWPORT.height - 1);
      const path = join(OUT, shot.file);
      await page.screenshot({ path, animations: 'disabled' });
      if (trouble.lines().length > 0) throw new Error(`${shot.menu}: ${trouble.lines().join('; ')}`);
      console.log(`${path}: ${shot.menu} (${shot.loginName})`);
      await page.context().close();
    }
  } finally {
    await e.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
