import { SUBJECT_TYPE_LABELS, SUBJECT_TYPES, WORKFLOW_STATE_LABELS, WORKFLOW_STATES } from '@ce/shared';
import type { TableColumnsType } from 'antd';
import { useRef } from 'react';
import type { RecordListItem } from '../../../api/records';
import { type ListQuery, type SearchField, WRAP_COLUMN } from '../../../components/ListPage';
import { StatusTag } from '../../../components/StatusTag';
import { hours } from './RecordView';

type Column = TableColumnsType<RecordListItem>[number];

export const subjectTypeOptions = SUBJECT_TYPES.map((s) => ({ value: s, label: SUBJECT_TYPE_LABELS[s] }));
export const stateOptions = WORKFLOW_STATES.map((s) => ({ value: s, label: WORKFLOW_STATE_LABELS[s] }));

/** 年度: this year and the ten before. */
export function yearOptions(): { value: string; label: string }[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 11 }, (_, i) => String(now - i)).map((y) => ({ value: y, label: y }));
}

export const searchText = (name: string, label: string): SearchField => ({ type: 'text', name, label });
export const searchYear = (): SearchField => ({
  type: 'select',
  name: 'year',
  label: '年度',
  options: yearOptions(),
});

/**
 * 序号 across pages: the list's request remembers its page, the column counts from there.
 * Use `track(query)` inside ListPage's `request`.
 */
export function useSeqColumn<T = RecordListItem>(): {
  column: TableColumnsType<T>[number];
  track: (query: ListQuery) => ListQuery;
} {
  const offset = useRef(0);
  return {
    column: {
      title: '序号',
      key: 'seq',
      width: 64,
      render: (_, __, i) => offset.current + i + 1,
    },
    track: (query) => {
      offset.current = (query.page - 1) * query.pageSize;
      return query;
    },
  };
}

/** The record list's columns by their manual names. */
export const recordColumns = {
  name: { title: '姓名', dataIndex: 'name' },
  idNumber: { title: '公民身份号码', dataIndex: 'idNumber' },
  subjectType: (title = '课程类型'): Column => ({
    title,
    dataIndex: 'subjectType',
    render: (_, row) => SUBJECT_TYPE_LABELS[row.subjectType],
  }),
  courseName: { title: '课程名称', dataIndex: 'courseName', className: WRAP_COLUMN },
  startDate: { title: '学习开始时间', dataIndex: 'startDate' },
  endDate: { title: '学习结束时间', dataIndex: 'endDate' },
  institutionName: { title: '施教机构名称', dataIndex: 'institutionName', className: WRAP_COLUMN },
  declaredHours: {
    title: '拟申报学时',
    dataIndex: 'declaredHours',
    render: (_, row) => hours(row.declaredHours),
  },
  reviewedHours: {
    title: '审核学时',
    dataIndex: 'reviewedHours',
    render: (_, row) => hours(row.reviewedHours),
  },
  recognisedHours: {
    title: '认定学时',
    dataIndex: 'recognisedHours',
    render: (_, row) => hours(row.recognisedHours),
  },
  reviewerUnitName: { title: '审核部门', dataIndex: 'reviewerUnitName', className: WRAP_COLUMN },
  step: { title: '审核环节', dataIndex: 'step', className: WRAP_COLUMN },
  state: {
    title: '审核状态',
    dataIndex: 'state',
    render: (_, row) => <StatusTag status={row.state} labels={WORKFLOW_STATE_LABELS} />,
  },
} satisfies Record<string, Column | ((title?: string) => Column)>;

/**
 * The columns manual 003 shows for both 继续教育记录申报 (§1.6.1) and 继续教育记录认定 (§1.6.3),
 * then the page's own 操作 column.
 */
export function employerRecordColumns(seq: Column, action: Column): TableColumnsType<RecordListItem> {
  return [
    seq,
    recordColumns.name,
    recordColumns.idNumber,
    recordColumns.subjectType(),
    recordColumns.courseName,
    recordColumns.declaredHours,
    recordColumns.reviewedHours,
    recordColumns.recognisedHours,
    recordColumns.reviewerUnitName,
    recordColumns.step,
    recordColumns.state,
    action,
  ];
}
