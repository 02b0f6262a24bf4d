import { Button, Card, Form, Skeleton, Typography } from 'antd';
import { institutionsApi } from '../../../api/institutions';
import {
  contactValues,
  InstitutionFormItems,
  type InstitutionFormValues,
} from '../role-apply/components/InstitutionFormItems';
import { useInstitutionForm } from '../role-apply/components/useInstitutionForm';

/**
 * 施教机构信息维护: 法人联系电话 / E-Mail, 联系人姓名 / 电话 / E-Mail, 机构详细地址 and 机构基地简介
 * change without review; the other fields are shown disabled.
 */
export function InstitutionProfilePage() {
  const { form, profile, busy, save } = useInstitutionForm(institutionsApi.profile);
  const onSave = () => save((v) => institutionsApi.updateProfile(contactValues(v)), '保存成功');

  if (!profile) return <Skeleton active />;
  return (
    <Card title="施教机构基本信息">
      <Typography.Paragraph type="secondary">
        可修改法人联系电话、法人E-Mail、联系人姓名、联系人电话、联系人E-Mail、机构详细地址、机构基地简介，不需要送审。
      </Typography.Paragraph>
      <Form<InstitutionFormValues> form={form} layout="vertical">
        <InstitutionFormItems locked readOnly={false} />
      </Form>
      <Button type="primary" onClick={onSave} loading={busy}>
        保存
      </Button>
    </Card>
  );
}
