import { type QualificationRequest, SERIES } from '@ce/shared';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { type QualificationItem, qualificationsApi } from '../../../api/institutions';
import { useApiError } from '../../../api/useApiError';

const seriesOptions = SERIES.map((s) => ({ value: s, label: s }));

/** 新增 / 修改 one 申请培训专业: 专业系列 (one row per series) and 专业概述 (≤500). */
export function QualificationModal({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: QualificationItem | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<QualificationRequest>();
  const onError = useApiError();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        series: editing.series as QualificationRequest['series'],
        overview: editing.overview,
      });
  }, [open, editing, form]);

  const ok = async () => {
    let values: QualificationRequest;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      if (editing) await qualificationsApi.update(editing.id, values);
      else await qualificationsApi.create(values);
      onSaved();
    } catch (error) {
      onError(error, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={editing ? '修改申请培训专业' : '新增申请培训专业'}
      open={open}
      onCancel={onClose}
      onOk={ok}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      <Form<QualificationRequest> form={form} layout="vertical">
        <Form.Item name="series" label="专业系列" rules={[{ required: true, message: '请选择专业系列' }]}>
          <Select showSearch placeholder="请您选择..." options={seriesOptions} />
        </Form.Item>
        <Form.Item
          name="overview"
          label="专业概述"
          extra="(限500字)"
          rules={[{ required: true, whitespace: true, message: '请填写专业概述' }]}
        >
          <Input.TextArea rows={5} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
