import type { TableColumnsType } from 'antd';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import {
  type Key,
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import type { Paged } from '../api/types';
import { useApiError } from '../api/useApiError';

/** Search-form fields, declared as config (ProTable's `search` columns). */
export type SearchField =
  | { type: 'text'; name: string; label: string; placeholder?: string }
  | { type: 'select'; name: string; label: string; options: { label: string; value: string }[] }
  /** one date-range control that becomes two query keys (YYYY-MM-DD) */
  | { type: 'dateRange'; name: string; label: string; fromKey: string; toKey: string };

export type ListQueryValue = string | number | undefined;
export interface ListQuery {
  page: number;
  pageSize: number;
  [key: string]: ListQueryValue;
}

export interface BatchAction<T> {
  label: string;
  onClick: (rows: T[]) => Promise<unknown> | undefined;
  danger?: boolean;
  /** ask before running, e.g. '确定取消选中的绑定吗？' */
  confirm?: string;
}

export interface ListPageAction {
  reload: () => void;
}

export interface ListPageProps<T extends object> {
  title: ReactNode;
  rowKey: keyof T & string;
  columns: TableColumnsType<T>;
  request: (query: ListQuery) => Promise<Paged<T>>;
  searchFields?: SearchField[];
  /** extra buttons beside the table title, e.g. 新增绑定 */
  toolbar?: ReactNode;
  /** hints shown above the table */
  description?: ReactNode;
  batchActions?: BatchAction<T>[];
  /** false for short lists the server returns whole */
  paginated?: boolean;
  actionRef?: Ref<ListPageAction>;
  /** GET endpoint that downloads the current search result as Excel (导出Excel); may carry the page's own filters */
  exportUrl?: string;
}

function exportHref(url: string, filters: Record<string, ListQueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

type SearchValues = Record<string, string | [Dayjs | null, Dayjs | null] | null | undefined>;

function toFilters(fields: SearchField[], values: SearchValues): Record<string, ListQueryValue> {
  const filters: Record<string, ListQueryValue> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.type === 'dateRange') {
      if (!Array.isArray(value)) continue;
      filters[field.fromKey] = value[0]?.format('YYYY-MM-DD');
      filters[field.toKey] = value[1]?.format('YYYY-MM-DD');
    } else if (typeof value === 'string' && value.trim() !== '') {
      filters[field.name] = value.trim();
    }
  }
  return filters;
}

/** The control element itself (not a wrapper component), so Form.Item can inject id/value/onChange. */
function searchControl(field: SearchField) {
  if (field.type === 'select') {
    return <Select allowClear placeholder="全部" options={field.options} style={{ width: 180 }} />;
  }
  if (field.type === 'dateRange') return <DatePicker.RangePicker />;
  return <Input allowClear placeholder={field.placeholder ?? '请输入'} style={{ width: 180 }} />;
}

/**
 * Mark a column whose texts are long (课程名称, 单位名称, 说明 …): it takes the width the others leave and
 * wraps. Every other body cell stays on one line, so names, dates, hours and states read at a glance.
 */
export const WRAP_COLUMN = 'ce-wrap';

/** Body cells on one line, except in the columns marked WRAP_COLUMN (those get a minimum width). */
export function fitColumns<T>(columns: TableColumnsType<T>): TableColumnsType<T> {
  return columns.map((column) => {
    if ('children' in column && column.children) return { ...column, children: fitColumns(column.children) };
    const wraps = column.className?.split(' ').includes(WRAP_COLUMN) ?? false;
    const own = column.onCell;
    return {
      ...column,
      onCell: (row: T, index?: number) => {
        const attrs = own?.(row, index) ?? {};
        return {
          ...attrs,
          style: { ...(wraps ? { minWidth: 112 } : { whiteSpace: 'nowrap' }), ...attrs.style },
        };
      },
    };
  });
}

/** The one list page: search form, 查询/重置, a server-paged table, row selection with batch actions. */
export function ListPage<T extends object>(props: ListPageProps<T>) {
  const { title, rowKey, columns, searchFields = [], toolbar, description, batchActions = [] } = props;
  const paginated = props.paginated ?? true;
  const [form] = Form.useForm<SearchValues>();
  const onError = useApiError();
  const [filters, setFilters] = useState<Record<string, ListQueryValue>>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [reloadKey, setReloadKey] = useState(0);
  const [data, setData] = useState<Paged<T>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const [loading, setLoading] = useState(false);
  const [selectedKeys, setSelectedKeys] = useState<Key[]>([]);
  const requestRef = useRef(props.request);
  requestRef.current = props.request;

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  useImperativeHandle(props.actionRef, () => ({ reload }), [reload]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey is the explicit reload trigger
  useEffect(() => {
    let live = true;
    setLoading(true);
    requestRef
      .current({ ...filters, page, pageSize })
      .then((result) => {
        if (!live) return;
        setData(result);
        setSelectedKeys([]);
      })
      .catch((error: unknown) => live && onError(error))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filters, page, pageSize, reloadKey, onError]);

  const search = (values: SearchValues) => {
    setFilters(toFilters(searchFields, values));
    setPage(1);
  };
  const reset = () => {
    form.resetFields();
    setFilters({});
    setPage(1);
  };

  const selectedRows = data.items.filter((row) => selectedKeys.includes(row[rowKey] as Key));
  const runBatch = async (action: BatchAction<T>) => {
    try {
      await action.onClick(selectedRows);
      reload();
    } catch (error) {
      onError(error);
    }
  };

  return (
    <Flex vertical gap={16}>
      {searchFields.length > 0 && (
        <Card size="small">
          <Form form={form} layout="inline" onFinish={search} style={{ rowGap: 12 }}>
            {searchFields.map((field) => (
              <Form.Item key={field.name} name={field.name} label={field.label}>
                {searchControl(field)}
              </Form.Item>
            ))}
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit">
                  查询
                </Button>
                <Button onClick={reset}>重置</Button>
              </Space>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Card
        title={title}
        extra={
          <Space>
            {toolbar}
            {props.exportUrl && (
              <Button href={exportHref(props.exportUrl, filters)} download>
                导出Excel
              </Button>
            )}
          </Space>
        }
      >
        {description}
        {batchActions.length > 0 && (
          <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">已选择 {selectedKeys.length} 项</Typography.Text>
            {batchActions.map((action) =>
              action.confirm ? (
                <Popconfirm key={action.label} title={action.confirm} onConfirm={() => runBatch(action)}>
                  <Button danger={action.danger} disabled={selectedKeys.length === 0}>
                    {action.label}
                  </Button>
                </Popconfirm>
              ) : (
                <Button
                  key={action.label}
                  danger={action.danger}
                  disabled={selectedKeys.length === 0}
                  onClick={() => runBatch(action)}
                >
                  {action.label}
                </Button>
              ),
            )}
          </Flex>
        )}
        <Table<T>
          rowKey={rowKey}
          columns={fitColumns(columns)}
          dataSource={data.items}
          loading={loading}
          // fit the card: long texts wrap instead of pushing columns under the fixed 操作 column;
          // a horizontal scrollbar appears only when the columns cannot fit even wrapped
          tableLayout="auto"
          scroll={{ x: true }}
          rowSelection={
            batchActions.length > 0 ? { selectedRowKeys: selectedKeys, onChange: setSelectedKeys } : undefined
          }
          pagination={
            paginated
              ? {
                  current: page,
                  pageSize,
                  total: data.total,
                  showSizeChanger: true,
                  showTotal: (t) => `共 ${t} 条`,
                  onChange: (nextPage, nextSize) => {
                    setPage(nextSize === pageSize ? nextPage : 1);
                    setPageSize(nextSize);
                  },
                }
              : // the whole list on one page, still with its count
                {
                  current: 1,
                  pageSize: Math.max(data.items.length, 1),
                  total: data.items.length,
                  showSizeChanger: false,
                  showTotal: (t) => `共 ${t} 条`,
                }
          }
        />
      </Card>
    </Flex>
  );
}
