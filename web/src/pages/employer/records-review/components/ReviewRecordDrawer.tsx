import { REVIEW_DECISION_LABELS } from '@ce/shared';
import { Alert, App, Card, Drawer, Form, InputNumber, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { type RecordDetail, reviewRecordsApi } from '../../../../api/records';
import { useApiError } from '../../../../api/useApiError';
import { ReviewPanel } from '../../../../components/ReviewPanel';
import { RecordView } from '../../../records/components/RecordView';

/** the server's words (records.review.service.ts) */
const overDeclared = (declared: number) => `认定学时不能超过拟申报学时（${declared}学时）`;

/**
 * 继续教育培训记录申报查看 for the reviewer (manual 003 §1.6.3): the record read-only, its 附件材料
 * and 审批流程, and below 审核结果 with 认定学时 (default: 拟申报学时) and 审核.
 */
export function ReviewRecordDrawer({
  id,
  onClose,
  onReviewed,
}: {
  id: string | null;
  onClose: () => void;
  onReviewed: () => void;
}) {
  const { message } = App.useApp();
  const onError = useApiError();
  const [detail, setDetail] = useState<RecordDetail | null>(null);

  useEffect(() => {
    setDetail(null);
    if (!id) return;
    let live = true;
    reviewRecordsApi
      .get(id)
      .then((d) => live && setDetail(d))
      .catch(onError);
    return () => {
      live = false;
    };
  }, [id, onError]);

  const review = async (decision: RecordDetail) => {
    setDetail(await reviewRecordsApi.get(decision.id));
  };

  return (
    <Drawer open={id !== null} onClose={onClose} title="继续教育培训记录申报查看" size={1100} destroyOnHidden>
      {!detail ? (
        <Spin />
      ) : (
        <RecordView detail={detail}>
          {detail.can.review && (
            <Card size="small" title="审核结果">
              {detail.workflow.firstApproved && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title="已有1人审核同意：本单位至少有2人审核后此记录才能作最终记录。"
                />
              )}
              <ReviewPanel
                initialValues={{ recognisedHours: detail.reviewedHours ?? detail.declaredHours }}
                extra={(decision) =>
                  decision === 'approve' && (
                    <Form.Item
                      name="recognisedHours"
                      label="认定学时"
                      rules={[
                        { required: true, message: '请填写认定学时' },
                        {
                          // said, never clamped: a typed 20 over 12 declared must not turn into 12 unseen
                          validator: async (_rule, value: number | null | undefined) => {
                            if (typeof value === 'number' && value > detail.declaredHours) {
                              throw new Error(overDeclared(detail.declaredHours));
                            }
                          },
                        },
                      ]}
                      extra={`拟申报学时：${detail.declaredHours}学时`}
                    >
                      <InputNumber aria-label="认定学时" min={0} step={1} precision={1} />
                    </Form.Item>
                  )
                }
                confirm={(all) =>
                  all.decision === 'approve'
                    ? `${detail.name}的「${detail.courseName}」，认定学时 ${all.recognisedHours} 学时（拟申报学时 ${detail.declaredHours} 学时）。审核后即计入其年度学时。`
                    : `${detail.name}的「${detail.courseName}」将${REVIEW_DECISION_LABELS[all.decision]}。`
                }
                onSubmit={async (values, all) => {
                  await reviewRecordsApi.review(detail.id, {
                    ...values,
                    recognisedHours:
                      values.decision === 'approve' && typeof all.recognisedHours === 'number'
                        ? all.recognisedHours
                        : undefined,
                    version: detail.workflow.version,
                  });
                  void message.success('审核完成');
                  onReviewed();
                  await review(detail);
                }}
              />
            </Card>
          )}
        </RecordView>
      )}
    </Drawer>
  );
}
