import { REVIEW_DECISION_LABELS } from '@ce/shared';
import { App, Modal, Typography } from 'antd';
import { type RecordListItem, reviewRecordsApi } from '../../../../api/records';
import { ReviewPanel } from '../../../../components/ReviewPanel';

/** 批量审核: one 审核结果 and one 审核意见 for every selected record; reports 成功 N 条，失败 M 条. */
export function BatchReviewModal({
  rows,
  onClose,
  onDone,
}: {
  rows: RecordListItem[] | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { modal } = App.useApp();

  const submit = async (values: Parameters<typeof reviewRecordsApi.batch>[0]) => {
    const result = await reviewRecordsApi.batch(values);
    const names = new Map((rows ?? []).map((r) => [r.id, `${r.name}「${r.courseName}」`]));
    const summary = `成功 ${result.succeeded} 条，失败 ${result.failed.length} 条`;
    const content = (
      <div>
        <Typography.Paragraph>{summary}</Typography.Paragraph>
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
      <Typography.Paragraph>
        已选择 {rows?.length ?? 0} 条记录，同意时认定学时为拟申报学时。
      </Typography.Paragraph>
      <ReviewPanel
        confirm={(all) =>
          `${rows?.length ?? 0} 条记录将${REVIEW_DECISION_LABELS[all.decision]}${all.decision === 'approve' ? '，认定学时为拟申报学时，即计入各人的年度学时' : ''}。`
        }
        onSubmit={(values) => submit({ ids: (rows ?? []).map((r) => r.id), ...values })}
      />
    </Modal>
  );
}
