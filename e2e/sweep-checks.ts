import type { Page } from 'playwright-core';

/** Console errors, uncaught exceptions and failed API calls of one page, since the last reset. */
export interface Trouble {
  reset: () => void;
  lines: () => string[];
  /** API requests sent and not answered yet */
  inFlight: () => number;
}

const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');

export function watchTrouble(page: Page): Trouble {
  let lines: string[] = [];
  let inFlight = 0;
  page.on('console', (msg) => {
    if (msg.type() === 'error') lines.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => lines.push(`uncaught: ${error.message}`));
  page.on('request', (req) => {
    if (isApi(req.url())) inFlight++;
  });
  page.on('requestfinished', (req) => {
    if (isApi(req.url())) inFlight--;
  });
  page.on('requestfailed', (req) => {
    if (!isApi(req.url())) return;
    inFlight--;
    lines.push(`failed ${req.method()} ${new URL(req.url()).pathname}: ${req.failure()?.errorText ?? ''}`);
  });
  page.on('response', (res) => {
    if (isApi(res.url()) && res.status() >= 400) {
      lines.push(`${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`);
    }
  });
  return {
    reset: () => {
      lines = [];
    },
    lines: () => [...lines],
    inFlight: () => inFlight,
  };
}

/**
 * Waits until no API call is in flight and no spinner turns, for `quietMs` in a row (at most 15 s);
 * a page only resized (nothing loaded) needs less quiet than one just opened.
 */
export async function settle(page: Page, trouble: Trouble, quietMs = 300): Promise<void> {
  const deadline = Date.now() + 15_000;
  let quietSince = 0;
  while (Date.now() < deadline) {
    const spinning = await page.locator('.ant-spin-spinning:visible, .ant-skeleton-active:visible').count();
    if (trouble.inFlight() === 0 && spinning === 0) {
      quietSince ||= Date.now();
      if (Date.now() - quietSince >= quietMs) return;
    } else {
      quietSince = 0;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`${page.url()} did not settle within 15 s`);
}

export interface PageFindings {
  name: string;
  /** the window size when it is not the sweep's first (1366×768) */
  size?: string;
  title: string;
  trouble: string[];
  scrollWidth: number;
  clientWidth: number;
  /** header cells (seen with the table scrolled to its end) under a fixed cell or past the table's edge */
  overlaps: string[];
}

/**
 * What the sweep checks on an opened page. Every visible table is looked at as it opens (scrolled to
 * its start) and scrolled to its right end: in neither position may a header cell that starts left
 * of a fixed-end (操作) column reach under it, nor — in a table that cannot scroll sideways — a cell
 * reach past the visible edge of the table.
 */
export async function pageFindings(
  page: Page,
  name: string,
  trouble: string[],
  size?: string,
): Promise<PageFindings> {
  const measured = await page.evaluate(() => {
    const overlaps = new Set<string>();
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const scrollers = (table: Element) =>
      Array.from(
        table.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-header, .ant-table-body'),
      );
    const check = (table: Element, position: string) => {
      const container = table.querySelector('.ant-table-container') ?? table;
      const edge = container.getBoundingClientRect().right;
      const cells = Array.from(
        table.querySelectorAll<HTMLElement>('.ant-table-thead th.ant-table-cell'),
      ).filter((th) => visible(th) && !th.classList.contains('ant-table-cell-scrollbar'));
      const isFixed = (th: Element) =>
        th.classList.contains('ant-table-cell-fix-end') || th.classList.contains('ant-table-cell-fix-start');
      const fixedEnd = cells.filter((th) => th.classList.contains('ant-table-cell-fix-end'));
      // a table that scrolls sideways shows the rest of a cell at its edge by scrolling: only a
      // fixed column (or the edge of a table that cannot scroll) hides one
      const scrolls = scrollers(table).some((s) => s.scrollWidth > s.clientWidth + 1);
      const limit = Math.min(
        scrolls ? Number.POSITIVE_INFINITY : edge,
        ...fixedEnd.map((th) => th.getBoundingClientRect().left),
      );
      if (limit === Number.POSITIVE_INFINITY) return;
      const under = limit === edge ? 'the table edge' : 'the fixed column';
      for (const th of cells.filter((c) => !isFixed(c))) {
        const r = th.getBoundingClientRect();
        // a cell wholly beyond the limit is scrolled out of view, not covered
        if (r.left < limit - 1 && r.right > limit + 1) {
          const text = th.textContent?.trim() || '(no title)';
          overlaps.add(
            `${position}: column ${text} (${Math.round(r.left)}–${Math.round(r.right)}) runs under ${under} at ${Math.round(limit)}`,
          );
        }
      }
    };
    for (const table of Array.from(document.querySelectorAll('.ant-table-wrapper')).filter(visible)) {
      check(table, 'table at its start');
      for (const s of scrollers(table)) s.scrollLeft = s.scrollWidth;
      check(table, 'table scrolled to its end');
      for (const s of scrollers(table)) s.scrollLeft = 0;
    }
    return {
      title: document.title,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      overlaps: [...overlaps],
    };
  });
  return { name, ...(size ? { size } : {}), trouble, ...measured };
}
