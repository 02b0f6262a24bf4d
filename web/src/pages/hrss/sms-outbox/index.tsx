import { SMS_PURPOSE_LABELS } from '@ce/shared';
import type { TableColumnsType } from 'antd';
import { hrssApi } from '../../../api/hrss';
import type { SmsMessage } from '../../../api/types';
import { ListPage, type SearchField, WRAP_COLUMN } from '../../../components/ListPage';
import { formatDateTime } from '../../../format';

const PURPOSE_LABELS: Record<string, string> = SMS_PURPOSE_LABELS;
const searchFields: SearchField[] = [{ type: 'text', name: 'phone', label: '手机号码' }];

const columns: TableColumnsType<SmsMessage> = [
  { title: '发送时间', dataIndex: 'createdAt', render: (_, row) => formatDateTime(row.createdAt) },
  { title: '手机号码', dataIndex: 'phone' },
  { title: '用途', dataIndex: 'purpose', render: (_, row) => PURPOSE_LABELS[row.purpose] ?? row.purpose },
  { title: '短信内容', dataIndex: 'content', className: WRAP_COLUMN },
];

/** 短信发件箱: what the default SMS adapter "sent" (SPEC §2), for operators and demos. */
export function SmsOutboxPage() {
  return (
    <ListPage<SmsMessage>
      title="短信发件箱"
      rowKey="id"
      columns={columns}
      searchFields={searchFields}
      request={(query) => hrssApi.smsOutbox(query)}
    />
  );
}
