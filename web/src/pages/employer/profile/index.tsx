import { App, Button, Card, Form, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type EmployerProfile, orgsApi } from '../../../api/orgs';
import { useApiError } from '../../../api/useApiError';
import {
  contactValues,
  OrgInfoFormItems,
  type OrgInfoFormValues,
  toOrgFormValues,
} from '../role-apply/components/OrgInfoFormItems';

/**
 * 法人单位信息维护 (manual 003 §1.2.2): 联系人, 办公电话, 移动电话, Email, 邮政编码, 单位通讯地址 and
 * 单位职能简介 change without 送审; the other fields are shown disabled.
 */
export function EmployerProfilePage() {
  const [form] = Form.useForm<OrgInfoFormValues>();
  const { message } = App.useApp();
  const onError = useApiError();
  const [profile, setProfile] = useState<EmployerProfile | null>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback(
    (next: EmployerProfile) => {
      setProfile(next);
      form.setFieldsValue(toOrgFormValues(next));
    },
    [form],
  );

  useEffect(() => {
    orgsApi.employerProfile().then(show).catch(onError);
  }, [show, onError]);

  const save = async () => {
    let values: OrgInfoFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      show(await orgsApi.updateEmployerProfile(contactValues(values)));
      void message.success('保存成功');
    } catch (error) {
      onError(error, form);
    } finally {
      setBusy(false);
    }
  };

  if (!profile) return <Skeleton active />;
  return (
    <Card title="法人单位基本信息">
      <Typography.Paragraph type="secondary">
        可修改联系人、办公电话、移动电话、Email、邮政编码、单位通讯地址、单位职能简介，不需要送审。
      </Typography.Paragraph>
      <Form<OrgInfoFormValues> form={form} layout="vertical">
        <OrgInfoFormItems locked readOnly={false} />
      </Form>
      <Button type="primary" onClick={save} loading={busy}>
        保存
      </Button>
    </Card>
  );
}
