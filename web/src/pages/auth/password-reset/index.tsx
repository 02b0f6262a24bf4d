import { loginName as loginNameSchema, mobilePhone, smsCode } from '@ce/shared';
import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { identityApi } from '../../../api/identity';
import { useApiError } from '../../../api/useApiError';
import { CaptchaItem, useCaptcha } from '../../../components/Captcha';
import { DoneCard } from '../../../components/DoneCard';
import { PasswordFields } from '../../../components/PasswordFields';
import { useCountdown } from '../../../components/useCountdown';
import { zodRule } from '../../../forms';

interface ResetValues {
  loginName: string;
  phone: string;
  captcha: string;
  code: string;
  newPassword: string;
  confirmPassword: string;
}

/** 密码找回 (SPEC §2): an SMS code to the registered phone, then a new password. */
export function PasswordResetPage() {
  const [form] = Form.useForm<ResetValues>();
  const captcha = useCaptcha();
  const onError = useApiError();
  const countdown = useCountdown(60);
  const [sentMessage, setSentMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);

  const sendCode = async () => {
    let values: Pick<ResetValues, 'loginName' | 'phone' | 'captcha'>;
    try {
      values = await form.validateFields(['loginName', 'phone', 'captcha']);
    } catch {
      return;
    }
    setSending(true);
    try {
      const sent = await identityApi.resetSms({
        loginName: values.loginName.trim(),
        phone: values.phone.trim(),
        captchaId: captcha.captcha?.captchaId ?? '',
        captcha: values.captcha,
      });
      setSentMessage(sent.message || `短信验证码已发送至 ${sent.phoneMasked}`);
      countdown.start();
    } catch (error) {
      onError(error, form);
    } finally {
      captcha.renew(form);
      setSending(false);
    }
  };

  // The captcha guards only 获取验证码, so 提交 validates the other fields.
  const submit = async () => {
    let values: ResetValues;
    try {
      values = await form.validateFields(['loginName', 'phone', 'code', 'newPassword', 'confirmPassword']);
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      await identityApi.resetPassword({
        loginName: values.loginName.trim(),
        phone: values.phone.trim(),
        code: values.code.trim(),
        newPassword: values.newPassword,
      });
      setDone(true);
    } catch (error) {
      onError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  if (done) {
    return <DoneCard title="密码重置成功" subTitle="请使用新密码登录。" />;
  }

  return (
    <Card title="密码找回" extra={<Link to="/login">返回登录</Link>}>
      <Form form={form} labelCol={{ span: 6 }} wrapperCol={{ span: 14 }}>
        <Form.Item name="loginName" label="登录账号" rules={[zodRule(loginNameSchema)]}>
          <Input placeholder="请输入登录账号" autoComplete="username" />
        </Form.Item>
        <Form.Item name="phone" label="手机号码" extra="注册时登记的手机号码" rules={[zodRule(mobilePhone)]}>
          <Input placeholder="请输入手机号码" maxLength={11} />
        </Form.Item>
        <CaptchaItem state={captcha} />
        <Form.Item wrapperCol={{ offset: 6, span: 14 }}>
          <Button onClick={sendCode} loading={sending} disabled={countdown.running}>
            {countdown.running ? `${countdown.seconds}秒后重新获取` : '获取验证码'}
          </Button>
        </Form.Item>
        {sentMessage && (
          <>
            <Form.Item wrapperCol={{ offset: 6, span: 14 }}>
              <Alert type="success" showIcon title={sentMessage} />
            </Form.Item>
            <Form.Item name="code" label="短信验证码" rules={[zodRule(smsCode)]}>
              <Input placeholder="请输入6位短信验证码" maxLength={6} autoComplete="one-time-code" />
            </Form.Item>
            <PasswordFields name="newPassword" label="新密码" />
            <Form.Item wrapperCol={{ offset: 6, span: 14 }}>
              <Space>
                <Button type="primary" onClick={submit} loading={submitting}>
                  提交
                </Button>
              </Space>
            </Form.Item>
          </>
        )}
      </Form>
    </Card>
  );
}
