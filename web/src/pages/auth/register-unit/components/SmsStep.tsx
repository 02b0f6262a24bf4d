import { smsCode } from '@ce/shared';
import { Alert, Button, Form, type FormInstance, Input, Space } from 'antd';
import { useCountdown } from '../../../../components/useCountdown';
import { zodRule } from '../../../../forms';

/** Step 3 短信验证注册: the code sent to the agent's registered phone confirms the registration. */
export function SmsStep({
  form,
  sentMessage,
  submitting,
  onResend,
  onBack,
  onSubmit,
}: {
  form: FormInstance<{ smsCode: string }>;
  sentMessage: string;
  submitting: boolean;
  onResend: () => Promise<boolean>;
  onBack: () => void;
  onSubmit: (code: string) => void;
}) {
  const countdown = useCountdown(60, true);
  const resend = async () => {
    if (await onResend()) countdown.start();
  };

  return (
    <Form form={form} labelCol={{ span: 6 }} wrapperCol={{ span: 14 }} onFinish={(v) => onSubmit(v.smsCode)}>
      <Alert type="success" showIcon style={{ marginBottom: 24 }} title={sentMessage} />
      <Form.Item label="短信验证码" htmlFor="smsCode" required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="smsCode" noStyle rules={[zodRule(smsCode)]}>
            <Input
              id="smsCode"
              placeholder="请输入6位短信验证码"
              maxLength={6}
              autoComplete="one-time-code"
            />
          </Form.Item>
          <Button onClick={resend} disabled={countdown.running}>
            {countdown.running ? `${countdown.seconds}秒后重新获取` : '重新获取验证码'}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 6, span: 14 }}>
        <Space>
          <Button onClick={onBack}>上一步</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            注册
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
