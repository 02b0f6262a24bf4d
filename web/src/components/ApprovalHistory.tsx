import type { HistoryEntryDto } from '@ce/shared';
import { Table, type TableColumnsType } from 'antd';
import { formatDateTime } from '../format';

const columns: TableColumnsType<HistoryEntryDto> = [
  { title: '序号', dataIndex: 'seq', width: 64 },
  { title: '业务步骤', dataIndex: 'step' },
  { title: '操作人所属', dataIndex: 'actorUnitName' },
  { title: '操作人', dataIndex: 'actorName' },
  { title: '审核时间', dataIndex: 'at', render: (_, row) => formatDateTime(row.at) },
  { title: '审核(状态)结果', dataIndex: 'result' },
  { title: '审核意见', dataIndex: 'opinion' },
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
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '没有数据需要显示' }}
      aria-label="审批流程"
    />
  );
}
