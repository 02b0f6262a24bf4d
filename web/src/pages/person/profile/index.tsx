import { EMPLOYER_BINDING_LABELS, type EmployerBindingStatus } from '@ce/shared';
import { Alert, App, Button, Card, Descriptions, Form, Skeleton, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type MyProfileResponse, peopleApi } from '../../../api/people';
import { useApiError } from '../../../api/useApiError';
import { formatDateTime } from '../../../format';
import { EmployerSelect } from './components/EmployerSelect';
import {
  ProfessionalFormItems,
  type ProfessionalFormValues,
  toFormValues,
  toRequest,
} from './components/ProfessionalFormItems';

type FormValues = ProfessionalFormValues & { employerId?: string | null };

const BINDING_COLORS: Record<EmployerBindingStatus, string> = {
  none: 'default',
  pending: 'gold',
  confirmed: 'success',
  rejected: 'error',
};

const BINDING_HINTS: Record<EmployerBindingStatus, string> = {
  none: '请填写个人信息，选择所属单位后点击“提交”，由所属单位进行确认。',
  pending: '已提交，等待所属单位在“专业技术人员信息确认”中确认。',
  confirmed: '所属单位已确认您的人员信息，可以申报继续教育记录。',
  rejected: '所属单位未通过您的人员信息确认（否），请核对所属单位后重新提交。',
};

/** 人员基本信息维护 (manual 001 §3.2.1): fill in the profile, pick the employer, 提交. */
export function PersonProfilePage() {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const onError = useApiError();
  const [data, setData] = useState<MyProfileResponse | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  /** what the last click asked for: 所属单位 is required to 提交 only */
  const action = useRef<'save' | 'submit'>('save');

  const load = useCallback(async () => {
    try {
      setData(await peopleApi.myProfile());
    } catch (error) {
      onError(error);
    }
  }, [onError]);

  useEffect(() => {
    void load();
  }, [load]);

  // fill the form once it is rendered (a skeleton shows until the data is there: a form instance
  // filled before its <Form> exists is not connected)
  useEffect(() => {
    if (!data) return;
    if (data.profile) {
      form.setFieldsValue({
        ...toFormValues(data.profile),
        employerId: data.profile.employer?.id ?? null,
      });
    } else {
      const { prefill } = data;
      form.setFieldsValue({
        name: prefill.name,
        idNumber: prefill.idNumber,
        contactPhone: prefill.contactPhone,
        ...(prefill.sex ? { sex: prefill.sex } : {}),
        birthDate: prefill.birthDate ? dayjs(prefill.birthDate) : null,
      });
    }
  }, [form, data]);

  const run = async (kind: 'save' | 'submit') => {
    let values: FormValues;
    // 所属单位 is required to 提交 (not to 保存): checked with every other field at once, so all the
    // errors show together and each clears as it is put right
    action.current = kind;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(kind);
    try {
      const body = { ...toRequest(values), employerId: values.employerId ?? null };
      const result =
        kind === 'save'
          ? await peopleApi.saveMyProfile(body)
          : await peopleApi.submitMyProfile({ ...body, employerId: values.employerId ?? '' });
      void message.success(result.message);
      await load();
    } catch (error) {
      onError(error, form);
    } finally {
      setBusy(null);
    }
  };

  if (!data) return <Skeleton active />;
  const profile = data.profile;
  const status: EmployerBindingStatus = profile?.bindingStatus ?? 'none';

  return (
    <Card title="人员基本信息维护">
      <Alert
        type={status === 'confirmed' ? 'success' : status === 'rejected' ? 'error' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <Space wrap>
            <span>所属单位确认状态：</span>
            <Tag color={BINDING_COLORS[status]}>{EMPLOYER_BINDING_LABELS[status]}</Tag>
          </Space>
        }
        description={
          <>
            <div>{BINDING_HINTS[status]}</div>
            <div>
              继续教育记录须在所属单位确认后才能申报。如果找不到本人所在的法人单位，请让您的单位先进本系统完成法人单位角色申请。
            </div>
          </>
        }
      />
      {profile && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="所属单位">{profile.employer?.name ?? '未选择'}</Descriptions.Item>
          <Descriptions.Item label="状态变更时间">
            {formatDateTime(profile.bindingAt) || '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form<FormValues> form={form} layout="vertical" requiredMark>
        <Form.Item
          name="employerId"
          label="所属单位"
          tooltip="待业人员可选择挂靠的单位，由该单位确认"
          required
          rules={[
            {
              validator: async (_rule, value: string | null | undefined) => {
                if (action.current === 'submit' && !value) throw new Error('请选择所属单位');
              },
            },
          ]}
        >
          <EmployerSelect current={profile?.employer ?? null} />
        </Form.Item>
        <ProfessionalFormItems form={form} idNumberEditable={false} />
        <Space>
          <Button loading={busy === 'save'} disabled={busy !== null} onClick={() => run('save')}>
            保存
          </Button>
          <Button
            type="primary"
            loading={busy === 'submit'}
            disabled={busy !== null}
            onClick={() => run('submit')}
          >
            提交
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
