import { SMS_PURPOSE_LABELS } from '@ce/shared';
import { Alert, type TableColumnsType } from 'antd';
import { useState } from 'react';
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

/**
 * 短信发件箱: what the default SMS adapter "sent" (SPEC §2). Outside demo mode the server masks
 * the phone numbers and hides the codes, so an operator cannot use someone else's code.
 */
export function SmsOutboxPage() {
  const [demoMode, setDemoMode] = useState<boolean | null>(null);
  const notice =
    demoMode === null ? null : demoMode ? (
      <Alert type="warning" showIcon title="演示模式：短信未真正发送，验证码仅在演示模式下可见" />
    ) : (
      <Alert type="info" showIcon title="手机号码已脱敏，验证码已隐藏（仅在演示模式下可见）" />
    );
  return (
    <ListPage<SmsMessage>
      title="短信发件箱"
      rowKey="id"
      columns={columns}
      searchFields={searchFields}
      description={notice}
      request={async (query) => {
        const page = await hrssApi.smsOutbox(query);
        setDemoMode(page.demoMode);
        return page;
      }}
    />
  );
}
