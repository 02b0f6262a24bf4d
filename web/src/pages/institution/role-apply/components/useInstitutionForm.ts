import { App, Form } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { InstitutionProfile } from '../../../../api/institutions';
import { useApiError } from '../../../../api/useApiError';
import { type InstitutionFormValues, toFormValues } from './InstitutionFormItems';

/** The 施教机构基本信息 form of 角色申请 and 信息维护: loads the profile, saves through `write`. */
export function useInstitutionForm(load: () => Promise<InstitutionProfile>) {
  const [form] = Form.useForm<InstitutionFormValues>();
  const { message } = App.useApp();
  const onError = useApiError();
  const [profile, setProfile] = useState<InstitutionProfile | null>(null);
  const [busy, setBusy] = useState(false);
  const show = useCallback((next: InstitutionProfile) => setProfile(next), []);

  // after the render that shows the form (a form filled before its <Form> exists is not connected)
  useEffect(() => {
    if (profile) form.setFieldsValue(toFormValues(profile));
  }, [form, profile]);

  useEffect(() => {
    load().then(show).catch(onError);
  }, [load, show, onError]);

  const save = async (write: (v: InstitutionFormValues) => Promise<InstitutionProfile>, done: string) => {
    let values: InstitutionFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      show(await write(values));
      void message.success(done);
    } catch (error) {
      onError(error, form);
    } finally {
      setBusy(false);
    }
  };

  return { form, profile, show, busy, save };
}
