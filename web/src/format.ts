import dayjs from 'dayjs';

/** ISO (UTC) → local 'YYYY-MM-DD HH:mm:ss'; empty for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}
