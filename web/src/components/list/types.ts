import type { TableColumnsType } from 'antd';
import type { ReactNode, Ref } from 'react';
import type { Paged } from '../../api/types';

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
  /** shown in a footer bar once rows are selected */
  batchActions?: BatchAction<T>[];
  /** false for short lists the server returns whole (paged in the browser) */
  paginated?: boolean;
  actionRef?: Ref<ListPageAction>;
  /** GET endpoint that downloads the current search result as Excel (导出Excel); may carry the page's own filters */
  exportUrl?: string;
  /** where 列设置 and 密度 are kept (with the signed-in account); defaults to the title when it is text */
  settingsKey?: string;
}

export type Density = 'large' | 'middle' | 'small';
