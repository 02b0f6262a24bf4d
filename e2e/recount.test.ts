import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ceTotals } from '../server/src/db/schema';
import { button, DEMO_PASSWORD, type E2E, login, openMenu, see, startE2E } from './harness';

const HRSS_UNIT = '广东省人力资源和社会保障厅';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

describe('重新统计学时 (人社部门, on 年度学时要求设置)', () => {
  it('recounts the province behind a confirmation, with a progress bar, and says how many persons changed', async () => {
    // one kept total no longer matches its records
    const [kept] = await e.t.db.select().from(ceTotals).limit(1);
    await e.t.db
      .update(ceTotals)
      .set({ hours: Number(kept.hours) + 6 })
      .where(
        and(
          eq(ceTotals.professionalId, kept.professionalId),
          eq(ceTotals.year, kept.year),
          eq(ceTotals.subjectType, kept.subjectType),
        ),
      );
    const page = await e.newPage();
    try {
      await login(e, page, 'hrss_admin', DEMO_PASSWORD, { actFor: HRSS_UNIT });
      await openMenu(page, '年度学时要求设置');
      await see(page, /重新计算全省全部专业技术人员/);
      await button(page, '重新统计学时').click();
      await see(page, '确定重新统计全省全部专业技术人员的学时吗？');
      await button(page, '重新统计').click();
      await see(page, '重新统计完成，1 人学时已更新');
      expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      const [fixed] = await e.t.db
        .select()
        .from(ceTotals)
        .where(
          and(
            eq(ceTotals.professionalId, kept.professionalId),
            eq(ceTotals.year, kept.year),
            eq(ceTotals.subjectType, kept.subjectType),
          ),
        );
      expect(Number(fixed.hours)).toBe(Number(kept.hours));
    } catch (error) {
      await e.screenshot('recount', page);
      throw error;
    }
  });
});
