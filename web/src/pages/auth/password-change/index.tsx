import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAccess } from '../../../access';
import { identityApi } from '../../../api/identity';
import { useApiError } from '../../../api/useApiError';
import { PasswordFields } from '../../../components/PasswordFields';

interface ChangeValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** 修改密码; also the forced change at first login of an account created for someone else (SPEC §2). */
export function PasswordChangePage() {
  const [form] = Form.useForm<ChangeValues>();
  const { session, refresh } = useAccess();
  const { message } = App.useApp();
  const onError = useApiError();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  const forced = session?.account.mustChangePassword ?? false;

  const submit = async (values: ChangeValues) => {
    setSubmitting(true);
    try {
      await identityApi.changePassword({ oldPassword: values.oldPassword, newPassword: values.newPassword });
      void message.success('密码修改成功');
      form.resetFields();
      const next = await refresh();
      if (next) navigate('/', { replace: true });
    } catch (error) {
      onError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 720 }}>
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 24 }}
          title="首次登录请修改密码"
          description="您的账号由他人代为创建（如单位添加人员或批量导入），初始密码可能被他人知悉。为保障账号安全，请先修改密码，修改后方可继续使用系统。"
        />
      )}
      <Form form={form} labelCol={{ span: 6 }} wrapperCol={{ span: 14 }} onFinish={submit}>
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password placeholder="请输入原密码" autoComplete="current-password" />
        </Form.Item>
        <PasswordFields name="newPassword" label="新密码" />
        <Form.Item wrapperCol={{ offset: 6, span: 14 }}>
          <Button type="primary" htmlType="submit" loading={submitting}>
            确定
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
