import { QUALIFICATION_DECISION_LABELS } from '@ce/shared';
import { App, Card, Drawer, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { type QualificationDetail, qualificationReviewApi } from '../../../../api/institutions';
import { useApiError } from '../../../../api/useApiError';
import { ReviewPanel } from '../../../../components/ReviewPanel';
import { QualificationView } from './QualificationView';

/** 专业资格审核: the detail, and 审核结果 同意 / 不同意并结束 / 不同意并退单 while it waits here. */
export function ReviewQualificationDrawer({
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
  const [detail, setDetail] = useState<QualificationDetail | null>(null);

  useEffect(() => {
    setDetail(null);
    if (!id) return;
    let live = true;
    qualificationReviewApi
      .get(id)
      .then((d) => live && setDetail(d))
      .catch(onError);
    return () => {
      live = false;
    };
  }, [id, onError]);

  return (
    <Drawer open={id !== null} onClose={onClose} title="专业资格审核" size={1100} destroyOnHidden>
      {!detail ? (
        <Spin />
      ) : (
        <QualificationView detail={detail}>
          {detail.status.state === 'submitted' && (
            <Card size="small" title="审核结果">
              <ReviewPanel
                labels={QUALIFICATION_DECISION_LABELS}
                confirm={(all) =>
                  `${detail.qualification.unitName}申请的“${detail.qualification.series}”培训资格将${QUALIFICATION_DECISION_LABELS[all.decision]}。`
                }
                onSubmit={async (values) => {
                  const next = await qualificationReviewApi.review(detail.qualification.id, {
                    ...values,
                    version: detail.status.version,
                  });
                  void message.success('审核完成');
                  setDetail(next);
                  onReviewed();
                }}
              />
            </Card>
          )}
        </QualificationView>
      )}
    </Drawer>
  );
}
