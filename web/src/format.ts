import { formatBeijing } from '@ce/shared';

/** Operators work in Beijing time whatever the browser's zone: ISO (UTC) → 'YYYY-MM-DD HH:mm:ss'. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatBeijing(d);
}
