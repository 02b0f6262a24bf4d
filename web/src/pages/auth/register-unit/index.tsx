import { Card, Form, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { identityApi } from '../../../api/identity';
import type { Registered, UnitAgentCheck, UnitInfo } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { DoneCard } from '../../../components/DoneCard';
import { AgentStep, type AgentValues } from './components/AgentStep';
import { SmsStep } from './components/SmsStep';
import { UnitInfoStep, type UnitValues } from './components/UnitInfoStep';

const STEPS = [{ title: '单位所属实名认证人员信息' }, { title: '单位信息登记' }, { title: '短信验证注册' }];

/** 单位注册 (manual 003 §1.1.3): three steps; the unit is registered by a level-2 person. */
export function RegisterUnitPage() {
  const [agentForm] = Form.useForm<AgentValues>();
  const [unitForm] = Form.useForm<UnitValues>();
  const [smsForm] = Form.useForm<{ smsCode: string }>();
  const onError = useApiError();
  const [step, setStep] = useState(0);
  const [agent, setAgent] = useState<UnitAgentCheck | null>(null);
  const [sentMessage, setSentMessage] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<Registered | null>(null);
  /** an error of step 3 that names step-2 fields: shown once step 2 is back on screen */
  const [backError, setBackError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (step !== 1 || !backError) return;
    onError(backError, unitForm);
    setBackError(null);
  }, [step, backError, onError, unitForm]);

  /** The request body of steps 2 and 3 (without 确认密码). */
  const unitInfo = (): UnitInfo => {
    const agentValues = agentForm.getFieldsValue(true) as AgentValues;
    const { confirmPassword: _confirm, ...unit } = unitForm.getFieldsValue(true) as UnitValues;
    return {
      ...unit,
      certNumber: unit.certNumber.trim().toUpperCase().replaceAll('-', ''),
      countyCode: unit.countyCode || undefined,
      agentLoginName: agentValues.agentLoginName.trim(),
      agentIdNumber: agentValues.agentIdNumber.trim().toUpperCase(),
    };
  };

  const sendSms = async (): Promise<boolean> => {
    setSubmitting(true);
    try {
      const sent = await identityApi.unitSms(unitInfo());
      setSentMessage(sent.message || `短信验证码已发送至 ${sent.phoneMasked}`);
      return true;
    } catch (error) {
      onError(error, unitForm);
      return false;
    } finally {
      setSubmitting(false);
    }
  };

  const register = async (smsCode: string) => {
    setSubmitting(true);
    try {
      setDone(await identityApi.registerUnit({ ...unitInfo(), smsCode }));
    } catch (error) {
      const stepTwoFields = error instanceof ApiError && error.fields.some((f) => f.field !== 'smsCode');
      if (stepTwoFields) {
        setBackError(error);
        setStep(1);
      } else {
        onError(error, smsForm);
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (done) {
    return (
      <DoneCard
        title="单位注册成功"
        subTitle={`单位登录账号为 ${done.loginName}。请使用单位账号登录，在【子账号信息】中绑定并授权经办人。`}
      />
    );
  }

  return (
    <Card title="单位用户注册" extra={<Link to="/login">返回登录</Link>}>
      <Steps current={step} items={STEPS} style={{ marginBottom: 32 }} />
      {step === 0 && (
        <AgentStep
          form={agentForm}
          onNext={(checked) => {
            setAgent(checked);
            setStep(1);
          }}
        />
      )}
      {step === 1 && agent && (
        <UnitInfoStep
          form={unitForm}
          agentName={agent.agentName}
          phoneMasked={agent.agentPhoneMasked}
          submitting={submitting}
          onBack={() => setStep(0)}
          onNext={async () => {
            if (await sendSms()) setStep(2);
          }}
        />
      )}
      {step === 2 && (
        <SmsStep
          form={smsForm}
          sentMessage={sentMessage}
          submitting={submitting}
          onResend={sendSms}
          onBack={() => setStep(1)}
          onSubmit={register}
        />
      )}
    </Card>
  );
}
