import { Button, Card, Flex, Form, Space, Table } from 'antd';
import { type Key, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { Paged } from '../api/types';
import { useApiError } from '../api/useApiError';
import { BatchBar } from './list/BatchBar';
import { fitColumns, visibleColumns } from './list/columns';
import { SearchForm, type SearchValues, toFilters } from './list/SearchForm';
import { useTableSettings } from './list/settings';
import { TableToolbar } from './list/Toolbar';
import type { BatchAction, ListPageProps, ListQueryValue } from './list/types';

export { ELLIPSIS_WIDTH, Ellipsis, fitColumns, WRAP_COLUMN } from './list/columns';
export type {
  BatchAction,
  Density,
  ListPageAction,
  ListPageProps,
  ListQuery,
  ListQueryValue,
  SearchField,
} from './list/types';

/** 共 N 条 and the page sizes every list offers. */
export const PAGE_SIZES = [10, 20, 50, 100];
export const showTotal = (total: number) => `共 ${total} 条`;

function exportHref(url: string, filters: Record<string, ListQueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

/**
 * The one list page (ProTable-like): a foldable search form with 查询/清空, a table card with
 * 刷新 · 密度 · 列设置 (kept per account and list), one-line headers and cells, horizontal scrolling
 * inside the card, batch actions in a footer bar, and paging with 共 N 条.
 */
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
  const { settings, update } = useTableSettings(
    props.settingsKey ?? (typeof title === 'string' ? title : undefined),
  );

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
    // a list the server returns whole is paged here, without asking again
  }, [filters, paginated ? page : 0, paginated ? pageSize : 0, reloadKey, onError]);

  const search = (values: SearchValues) => {
    setFilters(toFilters(searchFields, values));
    setPage(1);
    reload();
  };
  const clear = () => {
    form.resetFields();
    setFilters({});
    setPage(1);
    reload();
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

  const shownColumns = useMemo(
    () => fitColumns(visibleColumns(columns, settings.hidden)),
    [columns, settings.hidden],
  );

  return (
    <Flex vertical gap={16}>
      {searchFields.length > 0 && (
        <SearchForm form={form} fields={searchFields} onSearch={search} onClear={clear} />
      )}
      <Card
        title={title}
        styles={{ body: { paddingBottom: selectedKeys.length > 0 ? 0 : undefined } }}
        extra={
          <Space>
            {toolbar}
            {props.exportUrl && (
              <Button href={exportHref(props.exportUrl, filters)} download>
                导出Excel
              </Button>
            )}
            <TableToolbar
              columns={columns}
              hidden={settings.hidden}
              density={settings.density}
              onReload={reload}
              onDensity={(density) => update({ density })}
              onHidden={(hidden) => update({ hidden })}
            />
          </Space>
        }
      >
        {description}
        <Table<T>
          rowKey={rowKey}
          columns={shownColumns}
          dataSource={data.items}
          loading={loading}
          size={settings.density}
          // every column at its content's width (long texts end in an ellipsis); when they do not fit,
          // the table scrolls inside its card, no column fixed over another (fitColumns)
          tableLayout="auto"
          scroll={{ x: 'max-content' }}
          rowSelection={
            batchActions.length > 0 ? { selectedRowKeys: selectedKeys, onChange: setSelectedKeys } : undefined
          }
          pagination={{
            ...(paginated ? { current: page, total: data.total } : {}),
            pageSize,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal,
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
        />
        {batchActions.length > 0 && (
          <BatchBar
            count={selectedKeys.length}
            actions={batchActions}
            onRun={runBatch}
            onClear={() => setSelectedKeys([])}
          />
        )}
      </Card>
    </Flex>
  );
}
