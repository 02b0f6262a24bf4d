import { Button, Flex, Popconfirm, Space, Typography } from 'antd';
import type { BatchAction } from './types';

interface BatchBarProps<T> {
  count: number;
  actions: BatchAction<T>[];
  onRun: (action: BatchAction<T>) => void;
  onClear: () => void;
}

/** The footer bar of a selection: 已选择 N 项, 取消选择 and the batch actions (each with its confirmation). */
export function BatchBar<T>({ count, actions, onRun, onClear }: BatchBarProps<T>) {
  if (count === 0) return null;
  return (
    <Flex
      role="toolbar"
      aria-label="批量操作"
      align="center"
      justify="space-between"
      gap={8}
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 3,
        marginTop: 12,
        padding: '10px 16px',
        background: 'var(--ant-color-bg-container, #fff)',
        borderTop: '1px solid var(--ant-color-border-secondary, #f0f0f0)',
        boxShadow: '0 -6px 16px -8px rgba(0, 0, 0, 0.08)',
      }}
    >
      <Space>
        <Typography.Text>
          已选择 <Typography.Text strong>{count}</Typography.Text> 项
        </Typography.Text>
        <Button type="link" size="small" onClick={onClear}>
          取消选择
        </Button>
      </Space>
      <Space>
        {actions.map((action) =>
          action.confirm ? (
            <Popconfirm key={action.label} title={action.confirm} onConfirm={() => onRun(action)}>
              <Button danger={action.danger}>{action.label}</Button>
            </Popconfirm>
          ) : (
            <Button key={action.label} danger={action.danger} onClick={() => onRun(action)}>
              {action.label}
            </Button>
          ),
        )}
      </Space>
    </Flex>
  );
}
