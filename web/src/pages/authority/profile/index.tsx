import { App, Button, Card, Form, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type AuthorityInfo, authorityApi } from '../../../api/authorities';
import { useApiError } from '../../../api/useApiError';
import {
  AuthorityFormItems,
  type AuthorityFormValues,
  authorityContacts,
  toAuthorityFormValues,
} from '../components/AuthorityFormItems';
import { LicenceTable } from '../components/AuthorityInfoView';

/**
 * 行业主管部门信息维护 (002 §1.2.2): 联系人, 办公电话, 移动电话, E-mail, 邮政编码, 单位通讯地址 and
 * 单位职能简介 change without review; the rest, 上级行业主管部门 included, is shown disabled.
 */
export function AuthorityProfilePage() {
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<AuthorityFormValues>();
  const [info, setInfo] = useState<AuthorityInfo | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    authorityApi.profile().then(setInfo).catch(onError);
  }, [onError]);
  useEffect(() => {
    if (info)
      form.setFieldsValue(
        toAuthorityFormValues(info, info.parentUnitName ?? '（人社部门审核，无上级行业主管部门）'),
      );
  }, [form, info]);

  const save = async () => {
    let values: AuthorityFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      setInfo(await authorityApi.updateProfile(authorityContacts(values)));
      void message.success('保存成功');
    } catch (error) {
      onError(error, form);
    } finally {
      setBusy(false);
    }
  };

  if (!info) return <Skeleton active />;
  return (
    <Card title="行业主管部门基本信息">
      <Typography.Paragraph type="secondary">
        可修改联系人、办公电话、移动电话、E-mail、邮政编码、单位通讯地址、单位职能简介，不需要送审；其他信息如需变更请重新申请。
      </Typography.Paragraph>
      <Form<AuthorityFormValues> form={form} layout="vertical">
        <AuthorityFormItems locked readOnly={false} parentLabel="上级行业主管部门" />
      </Form>
      <Typography.Title level={5}>附件材料</Typography.Title>
      <LicenceTable licence={info.licence} />
      <Button type="primary" onClick={save} loading={busy} style={{ marginTop: 16 }}>
        保存
      </Button>
    </Card>
  );
}
