import { idNumber, mobilePhone, realName } from '@ce/shared';
import { Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { identityApi } from '../../../api/identity';
import type { Registered } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { CaptchaItem, useCaptcha } from '../../../components/Captcha';
import { DoneCard } from '../../../components/DoneCard';
import { LoginNameField, PasswordFields } from '../../../components/PasswordFields';
import { zodRule } from '../../../forms';

interface RegisterPersonValues {
  loginName: string;
  password: string;
  confirmPassword: string;
  realName: string;
  idNumber: string;
  phone: string;
  captcha: string;
}

/** 个人注册 (SPEC §2): a new person account is 一级实名 (valid ID number and name). */
export function RegisterPersonPage() {
  const [form] = Form.useForm<RegisterPersonValues>();
  const captcha = useCaptcha();
  const onError = useApiError();
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<Registered | null>(null);

  const submit = async (values: RegisterPersonValues) => {
    setSubmitting(true);
    try {
      const { confirmPassword: _confirm, ...body } = values;
      setDone(await identityApi.registerPerson({ ...body, captchaId: captcha.captcha?.captchaId ?? '' }));
    } catch (error) {
      captcha.renew(form);
      onError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  if (done) {
    return (
      <DoneCard
        title="注册成功"
        subTitle={`您的登录账号为 ${done.loginName}。登录后请前往【账号中心】进行实名认证。`}
      />
    );
  }

  return (
    <Card title="个人用户注册">
      <Form form={form} labelCol={{ span: 6 }} wrapperCol={{ span: 14 }} onFinish={submit}>
        <LoginNameField autoComplete="username" />
        <PasswordFields />
        <Form.Item name="realName" label="姓名" rules={[zodRule(realName)]}>
          <Input placeholder="必填" maxLength={50} />
        </Form.Item>
        <Form.Item name="idNumber" label="公民身份号码" rules={[zodRule(idNumber)]}>
          <Input placeholder="必填（18位公民身份号码）" maxLength={18} />
        </Form.Item>
        <Form.Item name="phone" label="手机号码" rules={[zodRule(mobilePhone)]}>
          <Input placeholder="必填（用于接收短信验证码）" maxLength={11} />
        </Form.Item>
        <CaptchaItem state={captcha} />
        <Form.Item wrapperCol={{ offset: 6, span: 14 }}>
          <Button type="primary" htmlType="submit" loading={submitting}>
            注册
          </Button>
          <Link to="/login" style={{ marginInlineStart: 16 }}>
            已有账号，去登录
          </Link>
        </Form.Item>
      </Form>
    </Card>
  );
}
