import type { TableColumnsType } from 'antd';
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

type Column<T> = TableColumnsType<T>[number];

/**
 * Mark a column whose texts are long (课程名称, 单位名称, 说明 …): its cells stop at ELLIPSIS_WIDTH
 * with an ellipsis and show the whole text in a tooltip. Every other cell stays on one line at its
 * content's width, so names, dates, hours and states read at a glance.
 */
export const WRAP_COLUMN = 'ce-wrap';
/** how wide a long-text cell may grow before it ends in an ellipsis */
export const ELLIPSIS_WIDTH = 200;

/** The key 列设置 knows a column by: its key, its dataIndex, or its title. */
export function columnKey<T>(column: Column<T>, index: number): string {
  if (column.key !== undefined && column.key !== null) return String(column.key);
  if ('dataIndex' in column && column.dataIndex !== undefined) {
    return Array.isArray(column.dataIndex) ? column.dataIndex.join('.') : String(column.dataIndex);
  }
  if (typeof column.title === 'string') return column.title;
  return `col-${index}`;
}

/** The title 列设置 shows for a column. */
export function columnTitle<T>(column: Column<T>, index: number): ReactNode {
  return typeof column.title === 'function'
    ? columnKey(column, index)
    : (column.title ?? columnKey(column, index));
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function valueAt<T>(row: T, dataIndex: unknown): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let value: unknown = row;
  for (const key of path) value = (value as Record<string, unknown> | null | undefined)?.[key as string];
  return value;
}

/** A long text cut at ELLIPSIS_WIDTH, with the whole text in a tooltip. */
export function Ellipsis({ text, children }: { text?: string; children: ReactNode }) {
  const body = (
    <span
      className="ce-ellipsis"
      style={{
        display: 'inline-block',
        maxWidth: ELLIPSIS_WIDTH,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
        verticalAlign: 'bottom',
      }}
    >
      {children}
    </span>
  );
  return text ? <Tooltip title={text}>{body}</Tooltip> : body;
}

/**
 * Headers and body cells on one line (headers never stack); the columns marked WRAP_COLUMN end in an
 * ellipsis with a tooltip instead of pushing the table wider. No column stays fixed: when a table is
 * wider than its card it scrolls inside it, and a fixed 操作 column would then lie over the columns
 * before it (证书号, 审核状态 at 1366 px) — the issue the operators saw.
 */
export function fitColumns<T>(columns: TableColumnsType<T>): TableColumnsType<T> {
  return columns.map((column) => {
    const ownHeader = column.onHeaderCell;
    const onHeaderCell = (col: Column<T>) => {
      const attrs = (ownHeader?.(col as never) ?? {}) as { style?: React.CSSProperties };
      return { ...attrs, style: { whiteSpace: 'nowrap', ...attrs.style } };
    };
    if ('children' in column && column.children) {
      return { ...column, fixed: false, onHeaderCell, children: fitColumns(column.children) };
    }
    const long = column.className?.split(' ').includes(WRAP_COLUMN) ?? false;
    const own = column.onCell;
    const render = column.render;
    const dataIndex = 'dataIndex' in column ? column.dataIndex : undefined;
    return {
      ...column,
      fixed: false,
      onHeaderCell,
      ...(long
        ? {
            ellipsis: { showTitle: false },
            render: (value: unknown, row: T, index: number) => {
              const shown = render ? render(value, row, index) : (value as ReactNode);
              const text = textOf(valueAt(row, dataIndex)) ?? textOf(shown);
              return <Ellipsis text={text}>{shown as ReactNode}</Ellipsis>;
            },
          }
        : {}),
      onCell: (row: T, index?: number) => {
        const attrs = own?.(row, index) ?? {};
        return { ...attrs, style: { whiteSpace: 'nowrap', ...attrs.style } };
      },
    } as Column<T>;
  });
}

/** The columns not hidden in 列设置 (the 操作 column and the selection stay). */
export function visibleColumns<T>(columns: TableColumnsType<T>, hidden: string[]): TableColumnsType<T> {
  if (hidden.length === 0) return columns;
  return columns.filter((column, i) => !hidden.includes(columnKey(column, i)));
}
