import { existsSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { seedDemo } from '../server/src/seed/demo';
import { captchaAnswer, startTestApp, type TestApp } from '../server/src/test/harness';
import { pngOf } from '../server/src/test/seal-image';

export { DEMO_PASSWORD } from '../server/src/seed/demo';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = join(ROOT, 'web', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How long one UI step may take (a click, a response, a re-render). */
export const STEP_TIMEOUT = 15_000;

export interface E2E {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  /** a fresh browser (own cookies) with one page, as another person at another computer */
  newPage: () => Promise<Page>;
  /** after a failure: screenshots (and the aria snapshots) of the pages, to /tmp/<name>.png, /tmp/<name>-1.png … */
  screenshot: (name: string, ...pages: (Page | undefined)[]) => Promise<void>;
  close: () => Promise<void>;
}

/** The real server (built web app, demo data, test database) on a free port, and headless Chromium. */
export async function startE2E(): Promise<E2E> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html is missing: run \`npm run build -w web\` first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const t = await startTestApp({ webDist: WEB_DIST });
  let browser: Browser | undefined;
  try {
    await seedDemo(t.db, { onlyIfEmpty: true, files: t.services.files });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await t.close();
    throw error;
  }
  const b = browser;
  const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

  return {
    t,
    browser: b,
    baseUrl,
    async newPage() {
      const context = await b.newContext({
        baseURL: baseUrl,
        locale: 'zh-CN',
        // the app turns antd's animations off for reduced motion: no click lands on a dialog still zooming in
        reducedMotion: 'reduce',
        viewport: { width: 1440, height: 900 },
      });
      context.setDefaultTimeout(STEP_TIMEOUT);
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (ev) => {
          console.error(`Content Security Policy violation: ${ev.violatedDirective} ${ev.blockedURI}`);
        });
      });
      const page = await context.newPage();
      trackCaptchas(page);
      trackTrouble(page);
      return page;
    },
    async screenshot(name, ...pages) {
      const open = pages.filter((p): p is Page => p !== undefined && !p.isClosed());
      for (const [i, p] of open.entries()) {
        const base = `/tmp/${name}${i === 0 ? '' : `-${i}`}`;
        try {
          await p.screenshot({ path: `${base}.png`, fullPage: true });
          const trouble = troubles.get(p) ?? [];
          writeFileSync(
            `${base}.txt`,
            `${p.url()}\n${await p.locator('body').ariaSnapshot()}\n\n${trouble.join('\n')}\n`,
          );
        } catch {
          // best effort
        }
      }
    },
    async close() {
      await b.close().catch(() => {});
      await t.close();
      // a violation no see() noticed still fails the file
      if (cspViolations.length > 0) throw new Error(`CSP violations:\n${cspViolations.join('\n')}`);
    },
  };
}

// ---------- diagnostics ----------

/**
 * Content Security Policy violations any page reported (Chromium's console error, or the
 * securitypolicyviolation event): the web app must run under the server's CSP, so each one fails
 * the test at its next see(), and the file at close().
 */
const cspViolations: string[] = [];

function assertNoCspViolation() {
  if (cspViolations.length > 0) throw new Error(`CSP violation: ${cspViolations[0]}`);
}

/** API answers ≥ 400, failed requests and console errors of each page, written next to its screenshot. */
const troubles = new WeakMap<Page, string[]>();

function trackTrouble(page: Page) {
  const lines: string[] = [];
  troubles.set(page, lines);
  const at = () => new Date().toISOString().slice(11, 23);
  page.on('response', (res) => {
    if (res.status() >= 400) {
      lines.push(`${at()} ${res.status()} ${res.request().method()} ${res.url()}`);
    }
  });
  page.on('requestfailed', (req) => {
    lines.push(`${at()} failed ${req.method()} ${req.url()} ${req.failure()?.errorText ?? ''}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && msg.text().includes('Content Security Policy')) {
      cspViolations.push(`${page.url()} ${msg.text()}`);
    }
    if (msg.type() === 'error') lines.push(`${at()} console ${msg.text()}`);
  });
}

// ---------- captcha ----------

interface CaptchaTracker {
  inFlight: number;
  latest: { captchaId: string; svg: string } | null;
  /** every captcha is good for one try: never type the answer of one already used */
  used: Set<string>;
}
const captchaTrackers = new WeakMap<Page, CaptchaTracker>();

const isCaptchaUrl = (url: string) => new URL(url).pathname === '/api/auth/captcha';

/** Follows the page's GET /api/auth/captcha requests: the last answered one is on screen. */
function trackCaptchas(page: Page) {
  const tracker: CaptchaTracker = { inFlight: 0, latest: null, used: new Set() };
  captchaTrackers.set(page, tracker);
  page.on('request', (req) => {
    if (isCaptchaUrl(req.url())) tracker.inFlight++;
  });
  const done = async (req: import('playwright-core').Request, ok: boolean) => {
    if (!isCaptchaUrl(req.url())) return;
    try {
      const res = ok ? await req.response() : null;
      if (res?.ok()) tracker.latest = (await res.json()) as { captchaId: string; svg: string };
    } catch {
      // the page closed meanwhile
    } finally {
      tracker.inFlight--;
    }
  };
  page.on('requestfinished', (req) => void done(req, true));
  page.on('requestfailed', (req) => void done(req, false));
}

/** Waits for a condition of the test process (not the page), checking every 50 ms. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | null | false,
  timeout = STEP_TIMEOUT,
) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Reads the captcha on screen "as a person reads the image" (its answer from the captchas table)
 * and types it into 验证码 (or types `answer`, to get it wrong). Waits for an unused captcha, no captcha
 * request in flight, and the image on screen showing it.
 */
export async function solveCaptcha(e: E2E, page: Page, answer?: string): Promise<void> {
  const tracker = captchaTrackers.get(page);
  if (!tracker) throw new Error('page was not opened with e.newPage()');
  const latest = await until(
    'a new captcha image',
    () =>
      tracker.inFlight === 0 &&
      tracker.latest &&
      !tracker.used.has(tracker.latest.captchaId) &&
      tracker.latest,
  );
  tracker.used.add(latest.captchaId);
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(latest.svg)}`;
  await page.waitForFunction(
    (expected) => document.querySelector('img[alt="验证码图片"]')?.getAttribute('src') === expected,
    src,
    { timeout: STEP_TIMEOUT },
  );
  const text = answer ?? (await captchaAnswer(e.t, latest.captchaId));
  await page.getByLabel('验证码', { exact: true }).fill(text);
}

// ---------- forms ----------

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Fills antd form inputs by their visible labels, in order. */
export async function fillByLabel(scope: Page | Locator, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) {
    await scope.getByLabel(label, { exact: true }).fill(value);
  }
}

/**
 * An antd Select: open it (by its label), type to filter when it is searchable (long lists are
 * virtual: options far down are not in the DOM), then click the option.
 */
export async function selectOption(
  page: Page,
  label: string,
  option: string,
  opts: { search?: boolean; scope?: Locator } = {},
): Promise<void> {
  const select = (opts.scope ?? page).getByLabel(label, { exact: true });
  await select.click();
  if (opts.search) await select.fill(option);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${escapeRegExp(option)}$`) })
    .click();
  // wait for the list to close: while it animates out it still covers the fields below it
  await page.waitForFunction(() => {
    const open = Array.from(document.querySelectorAll('.ant-select-dropdown')).filter(
      (d) => !d.classList.contains('ant-select-dropdown-hidden') && (d as HTMLElement).offsetParent !== null,
    );
    return open.length === 0;
  });
}

/** Waits for a visible text (antd messages, statuses, headings). */
export async function see(scope: Page | Locator, text: string | RegExp): Promise<Locator> {
  const locator = scope.getByText(text, typeof text === 'string' ? { exact: true } : undefined).first();
  await locator.waitFor({ state: 'visible' });
  assertNoCspViolation();
  return locator;
}

/** The table row (antd Table) that contains `text`; waits for it. */
export async function tableRow(page: Page, text: string): Promise<Locator> {
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: text }).first();
  await row.waitFor({ state: 'visible' });
  return row;
}

/**
 * A button by its text. After a loading state antd keeps the spinner icon in the DOM while it animates
 * out (the accessible name is then "loading 登录" for a while), so the icon's name may precede the text.
 */
export function button(scope: Page | Locator, text: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^(loading )?${escapeRegExp(text)}$`) });
}

/** Clicks an item of the left menu. */
export async function openMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name, exact: true }).click();
}

// ---------- sessions ----------

export interface LoginOptions {
  kind?: 'person' | 'unit';
  /** the unit to act for when the 选择登录身份 dialog appears; null = 以个人身份登录 */
  actFor?: string | null;
}

/** 用户登录 through the login page, with the captcha solved; ends on the signed-in home page. */
export async function login(
  e: E2E,
  page: Page,
  loginName: string,
  password: string,
  opts: LoginOptions = {},
): Promise<void> {
  const kind = opts.kind ?? 'person';
  await page.goto('/login');
  const submitLabel = kind === 'unit' ? '单位登录' : '个人登录';
  if (kind === 'unit') await page.getByRole('tab', { name: '单位登录' }).click();
  await fillByLabel(page, { [kind === 'unit' ? '单位账号' : '个人账号']: loginName, 密码: password });
  await solveCaptcha(e, page);
  await button(page, submitLabel).click();
  if (opts.actFor !== undefined) {
    const dialog = page.getByRole('dialog', { name: '选择登录身份' });
    await dialog.waitFor();
    if (opts.actFor === null) {
      await dialog.getByRole('button', { name: '以个人身份登录' }).click();
    } else {
      await dialog.getByRole('radio', { name: new RegExp(`^${escapeRegExp(opts.actFor)}`) }).check();
      await dialog.getByRole('button', { name: '使用选中的单位账号登录' }).click();
    }
  }
  await see(page, '欢迎使用专业技术人员继续教育管理系统');
}

/** 退出 in the header, confirmed; ends on the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await page.getByRole('tab', { name: '个人登录' }).waitFor();
  await page.waitForURL('**/login');
}

// ---------- files ----------

/** A valid 1×1 RGB PNG of the given colour. */
export function tinyPng(rgb: [number, number, number] = [200, 30, 30]): Buffer {
  // filter byte + one pixel
  return pngOf(1, 1, deflateSync(Buffer.from([0, ...rgb])), 0, 2);
}
