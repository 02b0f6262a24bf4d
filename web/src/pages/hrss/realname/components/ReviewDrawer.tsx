import { REALNAME_STATUS_LABELS } from '@ce/shared';
import { App, Button, Descriptions, Drawer, Flex, Form, Image, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { fileUrl } from '../../../../api/client';
import { hrssApi } from '../../../../api/hrss';
import type { RealnameDetail } from '../../../../api/types';
import { useApiError } from '../../../../api/useApiError';
import { StatusTag } from '../../../../components/StatusTag';
import { formatDateTime } from '../../../../format';

function IdPhoto({ id, title }: { id: string; title: string }) {
  return (
    <Flex vertical gap={4} align="center">
      <Image src={fileUrl(id)} alt={title} width={240} />
      <Typography.Link href={fileUrl(id)} target="_blank" rel="noreferrer">
        {title}（在新窗口打开）
      </Typography.Link>
    </Flex>
  );
}

/** One 实名认证 application: the full ID number, both ID photos, and 审核通过 / 审核不通过. */
export function ReviewDrawer({
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
  const [form] = Form.useForm<{ opinion?: string }>();
  const [detail, setDetail] = useState<RealnameDetail | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** what the last click asked for: a reason is required to 审核不通过 only */
  const rejecting = useRef(false);

  useEffect(() => {
    setDetail(null);
    if (!id) return;
    let live = true;
    hrssApi
      .realnameApplication(id)
      .then((d) => live && setDetail(d))
      .catch(onError);
    return () => {
      live = false;
    };
  }, [id, onError]);

  const review = async (approve: boolean) => {
    if (!detail) return;
    // the reason is a rule of the field (not an error set once), so it clears as soon as one is typed
    rejecting.current = !approve;
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const opinion = (form.getFieldValue('opinion') as string | undefined)?.trim() ?? '';
    setSubmitting(true);
    try {
      if (approve) await hrssApi.approveRealname(detail.id, opinion || undefined);
      else await hrssApi.rejectRealname(detail.id, opinion);
      void message.success('审核完成');
      form.resetFields();
      onReviewed();
    } catch (error) {
      onError(error, form, { reason: 'opinion' });
    } finally {
      setSubmitting(false);
    }
  };

  const pending = detail?.status === 'pending';
  return (
    <Drawer open={id !== null} onClose={onClose} title="实名认证审核" size={720} destroyOnHidden>
      {!detail ? (
        <Spin />
      ) : (
        <Flex vertical gap={24}>
          <Descriptions
            bordered
            column={2}
            size="small"
            items={[
              { key: 'loginName', label: '登录账号', children: detail.loginName },
              { key: 'realName', label: '姓名', children: detail.realName },
              { key: 'idNumber', label: '公民身份号码', children: detail.idNumber },
              { key: 'phone', label: '手机号码', children: detail.phone },
              {
                key: 'status',
                label: '审核状态',
                children: <StatusTag status={detail.status} labels={REALNAME_STATUS_LABELS} />,
              },
              { key: 'submittedAt', label: '提交时间', children: formatDateTime(detail.submittedAt) },
              ...(pending
                ? []
                : [
                    { key: 'reviewerName', label: '审核人', children: detail.reviewerName },
                    { key: 'reviewedAt', label: '审核时间', children: formatDateTime(detail.reviewedAt) },
                    {
                      key: 'reason',
                      label: detail.status === 'rejected' ? '不通过原因' : '审核意见',
                      span: 2,
                      children: detail.reason,
                    },
                  ]),
            ]}
          />
          <Image.PreviewGroup>
            <Flex gap={24} wrap justify="center">
              <IdPhoto id={detail.frontFileId} title="身份证人像面" />
              <IdPhoto id={detail.backFileId} title="身份证国徽面" />
            </Flex>
          </Image.PreviewGroup>
          {pending && (
            <Form form={form} layout="vertical">
              <Form.Item
                name="opinion"
                label="审核意见"
                extra="审核不通过时必须填写不通过原因"
                rules={[
                  {
                    validator: async (_rule, value: string | undefined) => {
                      if (rejecting.current && !value?.trim()) throw new Error('请填写不通过原因');
                    },
                  },
                ]}
              >
                <Input.TextArea rows={3} maxLength={200} showCount placeholder="请输入审核意见" />
              </Form.Item>
              <Space>
                <Button type="primary" loading={submitting} onClick={() => review(true)}>
                  审核通过
                </Button>
                <Button danger loading={submitting} onClick={() => review(false)}>
                  审核不通过
                </Button>
              </Space>
            </Form>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
