import { Alert, App, Card, Drawer, Form, InputNumber, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { type RecordDetail, reviewRecordsApi } from '../../../../api/records';
import { useApiError } from '../../../../api/useApiError';
import { ReviewPanel } from '../../../../components/ReviewPanel';
import { RecordView } from '../../../records/components/RecordView';

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
                      rules={[{ required: true, message: '请填写认定学时' }]}
                      extra={`不超过拟申报学时（${detail.declaredHours}）`}
                    >
                      <InputNumber min={0} max={detail.declaredHours} step={1} precision={1} />
                    </Form.Item>
                  )
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
