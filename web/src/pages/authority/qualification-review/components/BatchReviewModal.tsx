import { QUALIFICATION_DECISION_LABELS } from '@ce/shared';
import { App, Modal, Typography } from 'antd';
import { type QualificationItem, qualificationReviewApi } from '../../../../api/institutions';
import { ReviewPanel } from '../../../../components/ReviewPanel';

/** 批量审核: one 审核结果 and 审核意见 for every selected row, confirmed first; reports each failure. */
export function BatchReviewModal({
  rows,
  onClose,
  onDone,
}: {
  rows: QualificationItem[] | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { modal } = App.useApp();
  const submit = async (values: {
    decision: keyof typeof QUALIFICATION_DECISION_LABELS;
    opinion?: string;
  }) => {
    const result = await qualificationReviewApi.batch({ ids: (rows ?? []).map((r) => r.id), ...values });
    const names = new Map((rows ?? []).map((r) => [r.id, `${r.unitName}「${r.series}」`]));
    const content = (
      <div>
        <Typography.Paragraph>
          成功 {result.succeeded} 条，失败 {result.failed.length} 条
        </Typography.Paragraph>
        {result.failed.map((f) => (
          <Typography.Paragraph key={f.id} type="danger">
            {names.get(f.id) ?? f.id}：{f.message}
          </Typography.Paragraph>
        ))}
      </div>
    );
    if (result.failed.length === 0) modal.success({ title: '批量审核完成', content });
    else modal.warning({ title: '批量审核完成', content });
    onDone();
  };

  return (
    <Modal title="批量审核" open={rows !== null} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Typography.Paragraph>已选择 {rows?.length ?? 0} 条专业培训资格申请。</Typography.Paragraph>
      <ReviewPanel
        labels={QUALIFICATION_DECISION_LABELS}
        confirm={(all) =>
          `${rows?.length ?? 0} 条专业培训资格申请将${QUALIFICATION_DECISION_LABELS[all.decision]}${all.decision === 'approve' ? '，审核通过后机构即可申请该专业系列的专业课计划' : ''}。`
        }
        onSubmit={submit}
      />
    </Modal>
  );
}
