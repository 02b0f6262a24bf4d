import { Button, Card, Form, Skeleton, Typography } from 'antd';
import { orgsApi } from '../../../api/orgs';
import {
  contactValues,
  OrgInfoFormItems,
  type OrgInfoFormValues,
} from '../role-apply/components/OrgInfoFormItems';
import { useOrgProfileForm } from '../role-apply/components/useOrgProfileForm';

/**
 * 法人单位信息维护 (manual 003 §1.2.2): 联系人, 办公电话, 移动电话, Email, 邮政编码, 单位通讯地址 and
 * 单位职能简介 change without 送审; the other fields are shown disabled.
 */
export function EmployerProfilePage() {
  const { form, profile, busy, save } = useOrgProfileForm(orgsApi.employerProfile);
  const onSave = () => save((values) => orgsApi.updateEmployerProfile(contactValues(values)), '保存成功');

  if (!profile) return <Skeleton active />;
  return (
    <Card title="法人单位基本信息">
      <Typography.Paragraph type="secondary">
        可修改联系人、办公电话、移动电话、Email、邮政编码、单位通讯地址、单位职能简介，不需要送审。
      </Typography.Paragraph>
      <Form<OrgInfoFormValues> form={form} layout="vertical">
        <OrgInfoFormItems locked readOnly={false} />
      </Form>
      <Button type="primary" onClick={onSave} loading={busy}>
        保存
      </Button>
    </Card>
  );
}
