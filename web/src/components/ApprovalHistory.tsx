import type { HistoryEntryDto } from '@ce/shared';
import { Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../format';

/** Long words (unit names, opinions without spaces) break inside their cell instead of widening it. */
const wrap = (text: ReactNode) => (
  <span style={{ overflowWrap: 'anywhere', wordBreak: 'break-word', whiteSpace: 'normal' }}>{text}</span>
);

/**
 * Fixed widths for the short columns; 业务步骤, 操作人所属 and 审核意见 share the rest and wrap, so
 * the table fits the card of a detail drawer at 1366 px (issue 9: long opinions cut it off).
 */
const columns: TableColumnsType<HistoryEntryDto> = [
  { title: '序号', dataIndex: 'seq', width: 56 },
  { title: '业务步骤', dataIndex: 'step', render: wrap },
  { title: '操作人所属', dataIndex: 'actorUnitName', render: wrap },
  { title: '操作人', dataIndex: 'actorName', width: 96, render: wrap },
  {
    title: '审核时间',
    dataIndex: 'at',
    width: 112,
    // date over time when the column is narrow; never cut
    render: (_, row) => wrap(formatDateTime(row.at)),
  },
  { title: wrap('审核(状态)结果'), dataIndex: 'result', width: 112, render: wrap },
  { title: '审核意见', dataIndex: 'opinion', width: '30%', render: wrap },
];

/** 审批流程 (SPEC §5): every action on a reviewable thing, shown on every detail page. */
export function ApprovalHistory({ history }: { history: HistoryEntryDto[] }) {
  return (
    <Table<HistoryEntryDto>
      rowKey="seq"
      size="small"
      columns={columns}
      dataSource={history}
      pagination={false}
      tableLayout="fixed"
      locale={{ emptyText: '没有数据需要显示' }}
      aria-label="审批流程"
    />
  );
}
