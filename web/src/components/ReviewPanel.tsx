import { REVIEW_DECISION_LABELS, REVIEW_DECISIONS, type ReviewDecision } from '@ce/shared';
import { App, Button, Form, Input, Radio, Select } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useApiError } from '../api/useApiError';
import { type ReviewOpinion, workflowApi } from '../api/workflow';

export interface ReviewValues {
  decision: ReviewDecision;
  opinion?: string;
}

/** The panel's form: the decision, the opinion and the extra fields of the kind of review. */
export type ReviewFormValues = ReviewValues & { [extra: string]: unknown };

interface ReviewPanelProps {
  /**
   * Sends the review; a thrown ApiError is shown, its field errors on the fields. `all` holds the
   * extra fields too (e.g. recognisedHours).
   */
  onSubmit: (values: ReviewValues, all: ReviewFormValues) => Promise<unknown>;
  /** extra fields of this kind of review, e.g. 认定学时 (Form.Items named like the request) */
  extra?: ReactNode | ((decision: ReviewDecision) => ReactNode);
  initialValues?: Record<string, unknown>;
  /**
   * What the reviewer confirms before the decision is sent (a 审核 changes the person's standing at
   * once); the dialog's 确定 sends it, 取消 keeps the form as it is.
   */
  confirm?: (all: ReviewFormValues) => ReactNode;
  /** the page's own words for the decisions (e.g. 002 §1.5.2: 不同意并结束 / 不同意并退单) */
  labels?: Record<ReviewDecision, string>;
}

/**
 * 审核结果 (SPEC §5, manual 003 §1.6.3): 同意 / 不同意并结案 / 不同意并退案, 审核意见 with the org's
 * canned opinions (批注管理), and the 审核 button. Reused by every review page and 批量审核.
 */
export function ReviewPanel(props: ReviewPanelProps) {
  const [form] = Form.useForm<ReviewFormValues>();
  const { modal } = App.useApp();
  const onError = useApiError();
  const [opinions, setOpinions] = useState<ReviewOpinion[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const decision = (Form.useWatch('decision', form) as ReviewDecision | undefined) ?? 'approve';
  const labels = props.labels ?? REVIEW_DECISION_LABELS;

  useEffect(() => {
    let live = true;
    // The canned opinions are a convenience: without any (or without access) the textarea still works.
    workflowApi
      .opinions()
      .then((r) => live && setOpinions(r.items))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const submit = async (all: ReviewFormValues) => {
    if (props.confirm) {
      const confirmed = await modal.confirm({
        title: `确定${labels[all.decision]}？`,
        content: props.confirm(all),
        okText: '确定',
        cancelText: '取消',
      });
      if (!confirmed) return;
    }
    setSubmitting(true);
    try {
      const opinion = all.opinion?.trim();
      await props.onSubmit({ decision: all.decision, opinion: opinion ? opinion : undefined }, all);
      form.resetFields();
    } catch (error) {
      onError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  const extra = typeof props.extra === 'function' ? props.extra(decision) : props.extra;
  return (
    <Form<ReviewFormValues>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '110px' }}
      initialValues={{ decision: 'approve', ...props.initialValues }}
      onFinish={submit}
    >
      <Form.Item name="decision" label="审核结果" rules={[{ required: true, message: '请选择审核结果' }]}>
        <Radio.Group options={REVIEW_DECISIONS.map((d) => ({ value: d, label: labels[d] }))} />
      </Form.Item>
      {extra}
      {opinions.length > 0 && (
        <Form.Item label="常用批注">
          <Select
            aria-label="常用批注"
            allowClear
            placeholder="选择常用批注填入审核意见"
            style={{ maxWidth: 480 }}
            options={opinions.map((o) => ({ value: o.text, label: o.text }))}
            onChange={(text: string | undefined) => {
              if (text) form.setFieldValue('opinion', text);
            }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="opinion"
        label="审核意见"
        dependencies={['decision']}
        rules={[
          ({ getFieldValue }) => ({
            required: getFieldValue('decision') !== 'approve',
            validator: async (_rule, value: string | undefined) => {
              if (getFieldValue('decision') !== 'approve' && !value?.trim()) {
                throw new Error('不同意时请填写审核意见');
              }
            },
          }),
        ]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount placeholder="请输入审核意见" />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Button type="primary" htmlType="submit" loading={submitting}>
          审核
        </Button>
      </Form.Item>
    </Form>
  );
}
