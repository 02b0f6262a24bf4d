import { unitAgentCheckRequest } from '@ce/shared';
import { Button, Form, type FormInstance, Input } from 'antd';
import { useState } from 'react';
import { identityApi } from '../../../../api/identity';
import type { UnitAgentCheck } from '../../../../api/types';
import { useApiError } from '../../../../api/useApiError';
import { CaptchaItem, useCaptcha } from '../../../../components/Captcha';
import { zodRule } from '../../../../forms';

export interface AgentValues {
  agentLoginName: string;
  agentIdNumber: string;
  captcha: string;
}

/** Step 1 单位所属实名认证人员信息: the level-2 person who registers the unit (manual 003 §1.1.3). */
export function AgentStep({
  form,
  onNext,
}: {
  form: FormInstance<AgentValues>;
  onNext: (agent: UnitAgentCheck) => void;
}) {
  const captcha = useCaptcha();
  const onError = useApiError();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: AgentValues) => {
    setSubmitting(true);
    try {
      const agent = await identityApi.unitAgentCheck({
        agentLoginName: values.agentLoginName.trim(),
        agentIdNumber: values.agentIdNumber.trim().toUpperCase(),
        captchaId: captcha.captcha?.captchaId ?? '',
        captcha: values.captcha,
      });
      onNext(agent);
    } catch (error) {
      captcha.renew(form);
      onError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} labelCol={{ span: 6 }} wrapperCol={{ span: 14 }} onFinish={submit}>
      <Form.Item
        name="agentLoginName"
        label="个人登录账号"
        extra="必填（实名认证的个人账号）"
        rules={[zodRule(unitAgentCheckRequest.shape.agentLoginName)]}
      >
        <Input placeholder="必填（实名认证的个人账号）" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="agentIdNumber"
        label="个人证件号码"
        rules={[zodRule(unitAgentCheckRequest.shape.agentIdNumber)]}
      >
        <Input placeholder="必填" maxLength={18} />
      </Form.Item>
      <CaptchaItem state={captcha} />
      <Form.Item wrapperCol={{ offset: 6, span: 14 }}>
        <Button type="primary" htmlType="submit" loading={submitting}>
          下一步
        </Button>
      </Form.Item>
    </Form>
  );
}
