import { BINDING_STATUS_LABELS } from '@ce/shared';
import { App, Button, Popconfirm, Space, type TableColumnsType, Typography } from 'antd';
import { useRef } from 'react';
import { accountApi } from '../../../api/account';
import type { Agency } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { ListPage, type ListPageAction, WRAP_COLUMN } from '../../../components/ListPage';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../format';

/** 我经办的单位账号信息 (manual 003 §1.1.3): the person answers the units' binding requests. */
export function AgenciesPage() {
  const { message } = App.useApp();
  const onError = useApiError();
  const list = useRef<ListPageAction>(null);

  const answer = async (agency: Agency, accept: boolean) => {
    try {
      await (accept ? accountApi.acceptAgency(agency.id) : accountApi.rejectAgency(agency.id));
      void message.success(accept ? '已通过绑定申请' : '已拒绝绑定申请');
      list.current?.reload();
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<Agency> = [
    { title: '账户名称', dataIndex: 'unitName', className: WRAP_COLUMN },
    { title: '登录名', dataIndex: 'loginName' },
    { title: '账户类型', dataIndex: 'type' },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_, row) => <StatusTag status={row.status} labels={BINDING_STATUS_LABELS} />,
    },
    {
      title: '系统授权',
      dataIndex: 'authorized',
      render: (_, row) => (row.status === 'active' ? (row.authorized ? '已授权' : '未授权') : '-'),
    },
    { title: '申请时间', dataIndex: 'createdAt', render: (_, row) => formatDateTime(row.createdAt) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, row) =>
        row.status === 'pending' ? (
          <Space>
            <Popconfirm title={`确定通过“${row.unitName}”的绑定申请吗？`} onConfirm={() => answer(row, true)}>
              <Button type="link" size="small">
                通过
              </Button>
            </Popconfirm>
            <Popconfirm
              title={`确定拒绝“${row.unitName}”的绑定申请吗？`}
              onConfirm={() => answer(row, false)}
            >
              <Button type="link" size="small" danger>
                拒绝
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  return (
    <ListPage<Agency>
      title="我经办的单位账号信息"
      rowKey="id"
      columns={columns}
      paginated={false}
      actionRef={list}
      description={
        <Typography.Paragraph type="secondary">
          单位账号向您发起绑定申请后，请在此通过或拒绝。通过且单位授权后，个人登录时可选择「使用选中的单位账号登录」，为该单位办理继续教育业务。
        </Typography.Paragraph>
      }
      request={async () => {
        const { items } = await accountApi.agencies();
        return { items, total: items.length, page: 1, pageSize: items.length };
      }}
    />
  );
}
