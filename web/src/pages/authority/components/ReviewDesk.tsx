import { ORG_LEVEL_LABELS, REVIEW_DECISION_LABELS, WORKFLOW_STATE_LABELS } from '@ce/shared';
import { Alert, App, Button, Card, Drawer, Modal, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AuthorityDeskApi, AuthorityReviewDetail, AuthorityReviewItem } from '../../../api/authorities';
import { useApiError } from '../../../api/useApiError';
import { ApprovalHistory } from '../../../components/ApprovalHistory';
import { ListPage, type ListPageAction, type SearchField } from '../../../components/ListPage';
import { ReviewPanel, type ReviewValues } from '../../../components/ReviewPanel';
import { StatusTag } from '../../../components/StatusTag';
import { searchText, searchYear, stateOptions, useSeqColumn } from '../../records/components/columns';
import { AuthorityInfoView } from './AuthorityInfoView';

const searchFields: SearchField[] = [
  searchText('unitName', '单位'),
  {
    type: 'select',
    name: 'state',
    label: '审核状态',
    options: stateOptions.filter((o) => o.value !== 'draft'),
  },
  searchYear(),
];

function ReviewDrawer({
  api,
  id,
  onClose,
  onReviewed,
}: {
  api: AuthorityDeskApi;
  id: string | null;
  onClose: () => void;
  onReviewed: () => void;
}) {
  const { message } = App.useApp();
  const onError = useApiError();
  const [detail, setDetail] = useState<AuthorityReviewDetail | null>(null);

  useEffect(() => {
    setDetail(null);
    if (!id) return;
    let live = true;
    api
      .get(id)
      .then((d) => live && setDetail(d))
      .catch(onError);
    return () => {
      live = false;
    };
  }, [api, id, onError]);

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title="行业主管部门（行业组织）信息"
      size={1000}
      destroyOnHidden
    >
      {!detail ? (
        <Spin />
      ) : (
        <>
          <AuthorityInfoView info={detail} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            审批流程
          </Typography.Title>
          <ApprovalHistory history={detail.history} />
          {detail.canReview && (
            <Card size="small" title="审核结果" style={{ marginTop: 16 }}>
              {detail.workflow.firstApproved && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title="已有1人审核同意：本单位至少有2人审核后才能作最终结果。"
                />
              )}
              <ReviewPanel
                confirm={(all) =>
                  all.decision === 'approve'
                    ? `同意后${detail.unitName}即开通${detail.series ?? ''}行业主管部门角色。`
                    : `${detail.unitName}的申请将${REVIEW_DECISION_LABELS[all.decision]}。`
                }
                onSubmit={async (values) => {
                  const next = await api.review(detail.id ?? '', {
                    ...values,
                    version: detail.workflow.version,
                  });
                  void message.success('审核完成');
                  setDetail(next);
                  onReviewed();
                }}
              />
            </Card>
          )}
        </>
      )}
    </Drawer>
  );
}

/**
 * 下级行业主管部门（行业组织）信息审核 (002 §1.5.1) and the HRSS's 行业主管角色审核: search 单位,
 * 审核状态 (empty: 待办), 年度; [审核] / [查看]; select rows and 批量审核; 导出Excel.
 */
export function ReviewDesk({ api, title }: { api: AuthorityDeskApi; title: string }) {
  const list = useRef<ListPageAction>(null);
  const seq = useSeqColumn<AuthorityReviewItem>();
  const { modal } = App.useApp();
  const [openId, setOpenId] = useState<string | null>(null);
  const [batchRows, setBatchRows] = useState<AuthorityReviewItem[] | null>(null);
  const reload = () => list.current?.reload();

  const batch = async (values: ReviewValues) => {
    const rows = batchRows ?? [];
    const result = await api.batch({ ids: rows.map((r) => r.id), ...values });
    const names = new Map(rows.map((r) => [r.id, r.unitName]));
    const content = (
      <div>
        <Typography.Paragraph>{`成功 ${result.succeeded} 条，失败 ${result.failed.length} 条`}</Typography.Paragraph>
        {result.failed.map((f) => (
          <Typography.Paragraph key={f.id} type="danger">
            {names.get(f.id) ?? f.id}：{f.message}
          </Typography.Paragraph>
        ))}
      </div>
    );
    if (result.failed.length === 0) modal.success({ title: '批量审核完成', content });
    else modal.warning({ title: '批量审核完成', content });
    setBatchRows(null);
    reload();
  };

  return (
    <>
      <ListPage<AuthorityReviewItem>
        title={title}
        rowKey="id"
        actionRef={list}
        searchFields={searchFields}
        exportUrl={api.exportUrl}
        request={(query) => api.list(seq.track(query))}
        columns={[
          seq.column,
          { title: '单位名称', dataIndex: 'unitName' },
          { title: '单位代码', dataIndex: 'certNumber' },
          {
            title: '专业序列',
            dataIndex: 'series',
            render: (_, r) => `${r.series ?? ''}（${ORG_LEVEL_LABELS[r.level]}）`,
          },
          { title: '联系人', dataIndex: 'contactName' },
          { title: '联系电话', dataIndex: 'phone' },
          { title: '审核部门', dataIndex: 'reviewerUnitName' },
          { title: '审核环节', dataIndex: 'step' },
          {
            title: '审核状态',
            dataIndex: 'state',
            render: (_, r) => <StatusTag status={r.state} labels={WORKFLOW_STATE_LABELS} />,
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
      <ReviewDrawer api={api} id={openId} onClose={() => setOpenId(null)} onReviewed={reload} />
      <Modal
        title="批量审核"
        open={batchRows !== null}
        onCancel={() => setBatchRows(null)}
        footer={null}
        width={640}
        destroyOnHidden
      >
        <Typography.Paragraph>已选择 {batchRows?.length ?? 0} 个单位的申请。</Typography.Paragraph>
        <ReviewPanel
          confirm={(all) =>
            `${batchRows?.length ?? 0} 个单位的申请将${REVIEW_DECISION_LABELS[all.decision]}${all.decision === 'approve' ? '，并即开通行业主管部门角色' : ''}。`
          }
          onSubmit={(values) => batch(values)}
        />
      </Modal>
    </>
  );
}
