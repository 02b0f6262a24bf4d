import type { WorkflowState } from '@ce/shared';
import { Button, Radio } from 'antd';
import { useRef, useState } from 'react';
import { type RecordListItem, type ReviewRecordsQuery, reviewRecordsApi } from '../../../api/records';
import { ListPage, type ListPageAction, type SearchField } from '../../../components/ListPage';
import {
  employerRecordColumns,
  searchText,
  searchYear,
  stateOptions,
  subjectTypeOptions,
  useSeqColumn,
} from '../../records/components/columns';
import { BatchReviewModal } from './components/BatchReviewModal';
import { ReviewRecordDrawer } from './components/ReviewRecordDrawer';

const searchFields: SearchField[] = [
  { type: 'select', name: 'subjectType', label: '课程类型', options: subjectTypeOptions },
  searchText('courseName', '课程名称'),
  searchText('name', '姓名'),
  searchText('idNumber', '公民身份号码'),
  searchYear(),
];

const reviewStates = stateOptions.filter((o) => o.value !== 'draft');

/**
 * 继续教育记录认定 (manual 003 §1.6.3, manual 000 step 9): what persons and institutions submitted to
 * this employer; [审核] one record, or select rows and 批量审核. 审核状态 starts at 待办.
 */
export function RecordsReviewPage() {
  const list = useRef<ListPageAction>(null);
  const seq = useSeqColumn();
  const [state, setState] = useState<WorkflowState>('submitted');
  const [openId, setOpenId] = useState<string | null>(null);
  const [batchRows, setBatchRows] = useState<RecordListItem[] | null>(null);
  const reload = () => list.current?.reload();

  const columns = employerRecordColumns(seq.column, {
    title: '操作',
    key: 'actions',
    fixed: 'right',
    render: (_, row) => (
      <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
        {row.state === 'submitted' ? '审核' : '查看'}
      </Button>
    ),
  });

  return (
    <>
      <ListPage<RecordListItem>
        title="继续教育记录审核"
        rowKey="id"
        columns={columns}
        searchFields={searchFields}
        actionRef={list}
        exportUrl={`${reviewRecordsApi.exportUrl}?state=${state}`}
        request={(query) => reviewRecordsApi.list({ ...(seq.track(query) as ReviewRecordsQuery), state })}
        toolbar={
          <Radio.Group
            aria-label="审核状态"
            optionType="button"
            buttonStyle="solid"
            value={state}
            onChange={(e) => {
              // the next request reads the new state (same render as the reload)
              setState(e.target.value as WorkflowState);
              reload();
            }}
            options={reviewStates}
          />
        }
        batchActions={[
          {
            label: '批量审核',
            onClick: (rows) => {
              setBatchRows(rows);
              return undefined;
            },
          },
        ]}
      />
      <ReviewRecordDrawer id={openId} onClose={() => setOpenId(null)} onReviewed={reload} />
      <BatchReviewModal
        rows={batchRows}
        onClose={() => setBatchRows(null)}
        onDone={() => {
          setBatchRows(null);
          reload();
        }}
      />
    </>
  );
}
