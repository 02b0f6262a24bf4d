import { QUALIFICATION_STATE_LABELS, SERIES, WORKFLOW_STATES, type WorkflowState } from '@ce/shared';
import { Button, Radio } from 'antd';
import { useRef, useState } from 'react';
import { type QualificationItem, qualificationReviewApi } from '../../../api/institutions';
import { ListPage, type ListPageAction, type SearchField } from '../../../components/ListPage';
import { searchText, searchYear, useSeqColumn } from '../../records/components/columns';
import { BatchReviewModal } from './components/BatchReviewModal';
import { ReviewQualificationDrawer } from './components/ReviewQualificationDrawer';

const searchFields: SearchField[] = [
  searchText('unitName', '培训机构'),
  { type: 'select', name: 'series', label: '专业', options: SERIES.map((s) => ({ value: s, label: s })) },
  searchYear(),
];

const reviewStates = WORKFLOW_STATES.filter((s) => s !== 'draft').map((s) => ({
  value: s,
  label: QUALIFICATION_STATE_LABELS[s],
}));

/**
 * 施教机构专业培训资格审核 (manual 002 §1.5.2): the qualifications of this authority's 专业序列 routed
 * to it; [审核] one, or select rows and 批量审核. 省级的机构默认通过 and never reach this page.
 */
export function QualificationReviewPage() {
  const list = useRef<ListPageAction>(null);
  const seq = useSeqColumn<QualificationItem>();
  const [state, setState] = useState<WorkflowState>('submitted');
  const [openId, setOpenId] = useState<string | null>(null);
  const [batchRows, setBatchRows] = useState<QualificationItem[] | null>(null);
  const reload = () => list.current?.reload();

  return (
    <>
      <ListPage<QualificationItem>
        title="施教机构专业培训资格审核"
        rowKey="id"
        columns={[
          seq.column,
          { title: '机构名称', dataIndex: 'unitName' },
          { title: '机构码', dataIndex: 'certNumber' },
          { title: '申请培训专业', dataIndex: 'series' },
          { title: '审核部门', dataIndex: 'reviewerUnitName', render: (v: string | null) => v ?? '-' },
          { title: '审核环节', dataIndex: 'step', render: (v: string | null) => v ?? '-' },
          {
            title: '审核状态',
            dataIndex: 'state',
            render: (v: WorkflowState) => QUALIFICATION_STATE_LABELS[v],
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, row) => (
              <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
                {row.state === 'submitted' ? '审核' : '查看'}
              </Button>
            ),
          },
        ]}
        searchFields={searchFields}
        actionRef={list}
        exportUrl={`${qualificationReviewApi.exportUrl}?state=${state}`}
        request={(query) => qualificationReviewApi.list({ ...seq.track(query), state })}
        toolbar={
          <Radio.Group
            aria-label="审核状态"
            optionType="button"
            buttonStyle="solid"
            value={state}
            onChange={(e) => {
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
              setBatchRows(rows.filter((r) => r.state === 'submitted'));
              return undefined;
            },
          },
        ]}
      />
      <ReviewQualificationDrawer id={openId} onClose={() => setOpenId(null)} onReviewed={reload} />
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
