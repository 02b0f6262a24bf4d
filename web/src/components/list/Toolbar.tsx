import { ColumnHeightOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { Button, Checkbox, Dropdown, Flex, Popover, Space, Tooltip, Typography } from 'antd';
import { columnKey, columnTitle } from './columns';
import type { Density } from './types';

const DENSITIES: { key: Density; label: string }[] = [
  { key: 'large', label: '默认' },
  { key: 'middle', label: '中等' },
  { key: 'small', label: '紧凑' },
];

interface ToolbarProps<T> {
  columns: TableColumnsType<T>;
  hidden: string[];
  density: Density;
  onReload: () => void;
  onDensity: (density: Density) => void;
  onHidden: (hidden: string[]) => void;
}

function ColumnSettings<T>({
  columns,
  hidden,
  onHidden,
}: Pick<ToolbarProps<T>, 'columns' | 'hidden' | 'onHidden'>) {
  const keys = columns.map((c, i) => columnKey(c, i));
  const shown = keys.filter((k) => !hidden.includes(k));
  return (
    <Flex vertical gap={4} style={{ minWidth: 180 }} data-testid="column-settings">
      <Flex justify="space-between" align="center">
        <Checkbox
          checked={shown.length === keys.length}
          indeterminate={shown.length > 0 && shown.length < keys.length}
          onChange={(e) => onHidden(e.target.checked ? [] : keys)}
        >
          列展示
        </Checkbox>
        <Button type="link" size="small" onClick={() => onHidden([])}>
          重置
        </Button>
      </Flex>
      {columns.map((column, i) => {
        const key = keys[i];
        return (
          <Checkbox
            key={key}
            checked={!hidden.includes(key)}
            onChange={(e) => onHidden(e.target.checked ? hidden.filter((k) => k !== key) : [...hidden, key])}
          >
            {columnTitle(column, i)}
          </Checkbox>
        );
      })}
    </Flex>
  );
}

/** 刷新 · 密度 · 列设置, at the top right of the table card (ProTable's options). */
export function TableToolbar<T>(props: ToolbarProps<T>) {
  return (
    <Space size={4}>
      <Tooltip title="刷新">
        <Button type="text" aria-label="刷新" icon={<ReloadOutlined />} onClick={props.onReload} />
      </Tooltip>
      <Dropdown
        trigger={['click']}
        menu={{
          selectable: true,
          selectedKeys: [props.density],
          items: DENSITIES.map((d) => ({ key: d.key, label: d.label })),
          onClick: ({ key }) => props.onDensity(key as Density),
        }}
      >
        <Tooltip title="密度">
          <Button type="text" aria-label="密度" icon={<ColumnHeightOutlined />} />
        </Tooltip>
      </Dropdown>
      <Popover
        trigger="click"
        placement="bottomRight"
        title={<Typography.Text strong>列设置</Typography.Text>}
        content={<ColumnSettings columns={props.columns} hidden={props.hidden} onHidden={props.onHidden} />}
      >
        <Tooltip title="列设置">
          <Button type="text" aria-label="列设置" icon={<SettingOutlined />} />
        </Tooltip>
      </Popover>
    </Space>
  );
}
