import { Tag } from 'antd';

/** Tag colours by the meaning of a status, shared by every list (待审核 / 审核通过 / 已拒绝 …). */
const STATUS_COLORS: Record<string, string> = {
  pending: 'gold',
  submitted: 'gold',
  draft: 'default',
  returned: 'warning',
  approved: 'success',
  active: 'success',
  success: 'success',
  rejected: 'error',
  failure: 'error',
  cancelled: 'default',
  // background jobs (批量申报, 重新统计学时): running blue, succeeded green, bad data orange, failed red
  checking: 'processing',
  importing: 'processing',
  running: 'processing',
  done: 'success',
  invalid: 'warning',
  failed: 'error',
};

export function StatusTag<S extends string>({ status, labels }: { status: S; labels: Record<S, string> }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{labels[status] ?? status}</Tag>;
}
