import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../../../api/useApiError';
import { type ReviewOpinion, type ReviewOpinionInput, workflowApi } from '../../../../api/workflow';

/** 新增 / 修改 one canned opinion (批注内容, 排序). `editing`: undefined closed, null 新增. */
export function OpinionModal({
  editing,
  onClose,
  onSaved,
}: {
  editing: ReviewOpinion | null | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<ReviewOpinionInput>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (editing === undefined) return;
    form.setFieldsValue(
      editing ? { text: editing.text, sortOrder: editing.sortOrder } : { text: '', sortOrder: 0 },
    );
  }, [editing, form]);

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      if (editing) await workflowApi.updateOpinion(editing.id, values);
      else await workflowApi.createOpinion(values);
      void message.success('保存成功');
      onSaved();
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={editing ? '修改批注' : '新增批注'}
      open={editing !== undefined}
      okText="保存"
      onOk={save}
      confirmLoading={saving}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} name="opinion" layout="vertical">
        <Form.Item
          name="text"
          label="批注内容"
          rules={[{ required: true, whitespace: true, message: '请填写批注内容' }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：材料齐全，同意。" />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序" extra="数字小的排在前面">
          <InputNumber min={0} max={9999} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
