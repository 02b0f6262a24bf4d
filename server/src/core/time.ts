/** Times are stored in UTC and shown to operators in Beijing time, e.g. 2026-11-22 16:05:00. */
export function formatBeijing(d: Date): string {
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).replace(/\//g, '-');
}
