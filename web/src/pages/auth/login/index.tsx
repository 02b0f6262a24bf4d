import { Alert, Button, Card, Form, Input, Space, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAccess } from '../../../access';
import { identityApi } from '../../../api/identity';
import type { ActingUnitOption } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { CaptchaItem, useCaptcha } from '../../../components/Captcha';
import { ActingUnitModal } from './components/ActingUnitModal';

type AccountType = 'person' | 'unit';
interface LoginValues {
  loginName: string;
  password: string;
  captcha: string;
}

const ACCOUNT_LABELS: Record<AccountType, string> = { person: '个人账号', unit: '单位账号' };
const SUBMIT_LABELS: Record<AccountType, string> = { person: '个人登录', unit: '单位登录' };

/** 用户登录 (manual 003 §1.1.3/§1.1.4): 个人登录 / 单位登录 with an image captcha. */
export function LoginPage() {
  const [accountType, setAccountType] = useState<AccountType>('person');
  const [form] = Form.useForm<LoginValues>();
  const captcha = useCaptcha();
  const onError = useApiError();
  const { setSession } = useAccess();
  const navigate = useNavigate();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [units, setUnits] = useState<ActingUnitOption[] | null>(null);
  const [switching, setSwitching] = useState(false);

  const from = (location.state as { from?: string } | null)?.from;
  const goHome = () => navigate(from && from !== '/login' ? from : '/', { replace: true });

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    try {
      const { session } = await identityApi.login({
        accountType,
        loginName: values.loginName,
        password: values.password,
        captchaId: captcha.captcha?.captchaId ?? '',
        captcha: values.captcha,
      });
      setSession(session);
      if (session.account.mustChangePassword) {
        navigate('/password/change', { replace: true });
        return;
      }
      if (session.actorKind === 'person') {
        const acting = await identityApi.actingUnits().catch(() => ({ items: [] }));
        if (acting.items.length > 0) {
          setUnits(acting.items);
          return;
        }
      }
      goHome();
    } catch (error) {
      captcha.renew(form);
      onError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  const actForUnit = async (unitId: string) => {
    setSwitching(true);
    try {
      const { session } = await identityApi.switchUnit(unitId);
      setSession(session);
      navigate('/', { replace: true });
    } catch (error) {
      onError(error);
    } finally {
      setSwitching(false);
    }
  };

  const switchTab = (key: string) => {
    setAccountType(key === 'unit' ? 'unit' : 'person');
    form.resetFields();
  };

  return (
    <Card style={{ maxWidth: 460, margin: '0 auto' }}>
      <Tabs
        activeKey={accountType}
        onChange={switchTab}
        centered
        items={[
          { key: 'person', label: '个人登录' },
          { key: 'unit', label: '单位登录' },
        ]}
      />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="loginName"
          label={ACCOUNT_LABELS[accountType]}
          rules={[{ required: true, whitespace: true, message: `请输入${ACCOUNT_LABELS[accountType]}` }]}
        >
          <Input placeholder={`请输入${ACCOUNT_LABELS[accountType]}`} autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password placeholder="请输入密码" autoComplete="current-password" />
        </Form.Item>
        <CaptchaItem state={captcha} />
        <Alert type="warning" showIcon title="请谨慎输入用户名和密码，密码连续错误5次后账号将被锁定1小时!" />
        <Button type="primary" htmlType="submit" block loading={submitting} style={{ marginTop: 16 }}>
          {SUBMIT_LABELS[accountType]}
        </Button>
      </Form>
      <Space separator="·" style={{ marginTop: 16, width: '100%', justifyContent: 'center' }}>
        <Link to="/register/person">个人注册</Link>
        <Link to="/register/unit">单位注册</Link>
        <Link to="/password/reset">密码找回</Link>
      </Space>
      {units && <ActingUnitModal units={units} loading={switching} onUnit={actForUnit} onPerson={goHome} />}
    </Card>
  );
}
