const BEIJING_FORMAT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * Times are stored in UTC and shown to operators in Beijing time whatever the browser's or the
 * server's zone, zero-padded: 2026-12-03 09:05:00 — the same on the page, in exports and messages.
 */
export function formatBeijing(d: Date): string {
  return BEIJING_FORMAT.format(d);
}
