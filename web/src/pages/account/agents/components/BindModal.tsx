import { bindRequest } from '@ce/shared';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { accountApi } from '../../../../api/account';
import type { BindRequest } from '../../../../api/types';
import { useApiError } from '../../../../api/useApiError';
import { zodRule } from '../../../../forms';

/** The manual's three hints above 新增绑定 (manual 003 §1.1.3). */
export const BIND_HINTS = [
  '1. 提示：只有通过实名认证后的用户才有权被绑定。',
  '2. 根据用户姓名、登录账号以及证件号码查询，并向需要绑定的用户发起绑定申请。',
  '3. 被绑定账号通过您发起的绑定申请后，被绑定账号有权享用您的相应权益。',
];

/** 新增绑定: find a level-2 person by 姓名 + 登录账号 + 证件号码 and send a binding request. */
export function BindModal({
  open,
  onClose,
  onBound,
}: {
  open: boolean;
  onClose: () => void;
  onBound: () => void;
}) {
  const [form] = Form.useForm<BindRequest>();
  const { message } = App.useApp();
  const onError = useApiError();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    let values: BindRequest;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      await accountApi.bindAgent({
        realName: values.realName.trim(),
        loginName: values.loginName.trim(),
        idNumber: values.idNumber.trim().toUpperCase(),
      });
      void message.success('已发起绑定申请，等待对方通过');
      form.resetFields();
      onBound();
    } catch (error) {
      onError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新增绑定"
      okText="确定"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" style={{ marginBottom: 16 }} title={BIND_HINTS.map((h) => <div key={h}>{h}</div>)} />
      <Form form={form} name="bind" labelCol={{ span: 5 }} wrapperCol={{ span: 17 }} onFinish={submit}>
        <Form.Item name="realName" label="姓名" rules={[zodRule(bindRequest.shape.realName)]}>
          <Input placeholder="请输入姓名" />
        </Form.Item>
        <Form.Item name="loginName" label="登录账号" rules={[zodRule(bindRequest.shape.loginName)]}>
          <Input placeholder="请输入登录账号" />
        </Form.Item>
        <Form.Item name="idNumber" label="证件号码" rules={[zodRule(bindRequest.shape.idNumber)]}>
          <Input placeholder="请输入证件号码" maxLength={18} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
