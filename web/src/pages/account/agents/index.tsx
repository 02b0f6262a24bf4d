import { BINDING_STATUS_LABELS } from '@ce/shared';
import { Alert, App, Button, Popconfirm, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { accountApi } from '../../../api/account';
import type { UnitAgent } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { ListPage, type ListPageAction } from '../../../components/ListPage';
import { StatusTag } from '../../../components/StatusTag';
import { BIND_HINTS, BindModal } from './components/BindModal';

const BOUND: readonly UnitAgent['status'][] = ['pending', 'active'];

/** 子账号信息 (manual 003 §1.1.3): a unit account binds agents and authorizes the CE system for them. */
export function AgentsPage() {
  const { message } = App.useApp();
  const onError = useApiError();
  const list = useRef<ListPageAction>(null);
  const [binding, setBinding] = useState(false);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      list.current?.reload();
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<UnitAgent> = [
    { title: '登录账号', dataIndex: 'loginName' },
    { title: '姓名', dataIndex: 'realName' },
    { title: '子账号类型', dataIndex: 'type' },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_, row) => <StatusTag status={row.status} labels={BINDING_STATUS_LABELS} />,
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, row) =>
        BOUND.includes(row.status) ? (
          <Popconfirm
            title={`确定取消与“${row.realName}”的绑定吗？`}
            description="取消绑定后，该经办人不能再以本单位身份办理业务。"
            onConfirm={() => run(() => accountApi.cancelAgent(row.id), '已解除绑定')}
          >
            <Button type="link" size="small" danger>
              取消绑定
            </Button>
          </Popconfirm>
        ) : null,
    },
    {
      title: '系统授权',
      key: 'authorization',
      render: (_, row) => {
        if (!BOUND.includes(row.status)) return null;
        if (row.authorized) {
          return (
            <Space>
              <Tag color="success">已授权</Tag>
              <Popconfirm
                title={`确定取消对“${row.realName}”的授权吗？`}
                onConfirm={() => run(() => accountApi.unauthorizeAgent(row.id), '已撤销授权')}
              >
                <Button type="link" size="small" danger>
                  取消授权
                </Button>
              </Popconfirm>
            </Space>
          );
        }
        // the server refuses 授权 until the person has accepted the binding (待通过)
        if (row.status !== 'active') {
          return (
            <Tooltip title="经办人尚未通过绑定申请，不能授权">
              <Button type="link" size="small" disabled>
                授权
              </Button>
            </Tooltip>
          );
        }
        return (
          <Button
            type="link"
            size="small"
            onClick={() => run(() => accountApi.authorizeAgent(row.id), '授权成功')}
          >
            授权
          </Button>
        );
      },
    },
  ];

  return (
    <>
      <ListPage<UnitAgent>
        title="子账号信息"
        rowKey="id"
        columns={columns}
        paginated={false}
        actionRef={list}
        toolbar={
          <Button type="primary" onClick={() => setBinding(true)}>
            新增绑定
          </Button>
        }
        description={
          <>
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              title={BIND_HINTS.map((h) => <div key={h}>{h}</div>)}
            />
            <Typography.Paragraph type="secondary">
              目前只有为单位办理“专业技术人员继续教育”相关业务，才需给单位经办人员授权。
            </Typography.Paragraph>
          </>
        }
        request={async () => {
          const { items } = await accountApi.agents();
          return { items, total: items.length, page: 1, pageSize: items.length };
        }}
      />
      <BindModal
        open={binding}
        onClose={() => setBinding(false)}
        onBound={() => {
          setBinding(false);
          list.current?.reload();
        }}
      />
    </>
  );
}
