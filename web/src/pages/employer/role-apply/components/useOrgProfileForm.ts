import { App, Form } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { EmployerProfile } from '../../../../api/orgs';
import { useApiError } from '../../../../api/useApiError';
import { type OrgInfoFormValues, toOrgFormValues } from './OrgInfoFormItems';

/**
 * The 法人单位基本信息 form of 角色申请 and 信息维护: loads the profile into the form, and saves
 * the validated values through `write`, showing the saved profile and `done` afterwards.
 */
export function useOrgProfileForm(load: () => Promise<EmployerProfile>) {
  const [form] = Form.useForm<OrgInfoFormValues>();
  const { message } = App.useApp();
  const onError = useApiError();
  const [profile, setProfile] = useState<EmployerProfile | null>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback((next: EmployerProfile) => setProfile(next), []);

  // after the render that shows the form: the pages render a skeleton until the profile is there,
  // and a form instance filled before its <Form> exists is not connected (antd warns)
  useEffect(() => {
    if (profile) form.setFieldsValue(toOrgFormValues(profile));
  }, [form, profile]);

  useEffect(() => {
    load().then(show).catch(onError);
  }, [load, show, onError]);

  const save = async (write: (values: OrgInfoFormValues) => Promise<EmployerProfile>, done: string) => {
    let values: OrgInfoFormValues;
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
