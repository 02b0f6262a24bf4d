import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPE_LABELS, AUDIT_OUTCOME_LABELS } from '@ce/shared';
import { type TableColumnsType, Typography } from 'antd';
import { hrssApi } from '../../../api/hrss';
import type { AuditEvent, AuditQuery } from '../../../api/types';
import { ListPage, type SearchField, WRAP_COLUMN } from '../../../components/ListPage';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../format';
import { useSeqColumn } from '../../records/components/columns';

const BREAK = { overflowWrap: 'anywhere', wordBreak: 'break-word' } as const;

const searchFields: SearchField[] = [
  { type: 'dateRange', name: 'at', label: '操作时间', fromKey: 'from', toKey: 'to' },
  { type: 'text', name: 'actor', label: '操作人', placeholder: '登录账号或姓名' },
  {
    type: 'select',
    name: 'action',
    label: '操作类型',
    options: Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label })),
  },
  {
    type: 'select',
    name: 'outcome',
    label: '操作结果',
    options: Object.entries(AUDIT_OUTCOME_LABELS).map(([value, label]) => ({ value, label })),
  },
];

const columns: TableColumnsType<AuditEvent> = [
  { title: '操作时间', dataIndex: 'at', render: (_, row) => formatDateTime(row.at) },
  {
    title: '操作人',
    dataIndex: 'actorName',
    render: (_, row) =>
      row.actorName && row.actorLoginName
        ? `${row.actorName}（${row.actorLoginName}）`
        : (row.actorName ?? row.actorLoginName ?? '-'),
  },
  {
    title: '经办单位',
    dataIndex: 'actingUnitName',
    className: WRAP_COLUMN,
    render: (_, row) => row.actingUnitName ?? '-',
  },
  { title: 'IP地址', dataIndex: 'ip' },
  { title: '操作类型', dataIndex: 'actionLabel' },
  {
    title: '操作对象',
    dataIndex: 'objectId',
    className: WRAP_COLUMN,
    render: (_, row) =>
      row.objectType || row.objectId ? (
        <>
          {row.objectType ? (AUDIT_OBJECT_TYPE_LABELS[row.objectType] ?? row.objectType) : ''}
          {(row.objectName ?? row.objectId) && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, ...BREAK }}>
              {row.objectName ?? row.objectId}
            </Typography.Text>
          )}
        </>
      ) : (
        '-'
      ),
  },
  {
    title: '操作结果',
    dataIndex: 'outcome',
    render: (_, row) => <StatusTag status={row.outcome} labels={AUDIT_OUTCOME_LABELS} />,
  },
  {
    title: '详情',
    dataIndex: 'detail',
    className: WRAP_COLUMN,
    // long values without spaces (file names, ids that no longer resolve) wrap inside the card
    render: (_, row) => <span style={BREAK}>{row.detailText ?? '-'}</span>,
  },
];

/** 审计日志 (HRSS): who did what, when, from where, and whether it succeeded. */
export function AuditPage() {
  // 序号 first, as in the 导出Excel
  const seq = useSeqColumn<AuditEvent>();
  return (
    <ListPage<AuditEvent>
      title="审计日志"
      rowKey="id"
      columns={[seq.column, ...columns]}
      searchFields={searchFields}
      request={(query) => hrssApi.auditEvents(seq.track(query) as AuditQuery)}
      exportUrl="/api/admin/audit-events/export"
    />
  );
}
