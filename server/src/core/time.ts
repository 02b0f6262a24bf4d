/** Beijing date-times as operators read them (shared with the web app). */
export { formatBeijing } from '@ce/shared';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Today's date in Beijing (UTC+8, no daylight saving), YYYY-MM-DD: study cannot end after it. */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The current year in Beijing. */
export function beijingYear(now = new Date()): number {
  return Number(beijingToday(now).slice(0, 4));
}

/** 2026年1月5日, in Beijing time. */
export function chineseDate(d: Date): string {
  const [y, m, day] = beijingToday(d).split('-').map(Number);
  return `${y}年${m}月${day}日`;
}
