import { ORG_PROFILE_STATUS_LABELS } from '@ce/shared';
import { Alert, App, Button, Card, Form, Skeleton, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { useAccess } from '../../../access';
import { type InstitutionApplicationInput, institutionsApi } from '../../../api/institutions';
import { useApiError } from '../../../api/useApiError';
import { LicenceUpload } from '../../../components/LicenceUpload';
import { LicenceTable } from '../../authority/qualification-review/components/QualificationView';
import {
  contactValues,
  InstitutionFormItems,
  type InstitutionFormValues,
} from './components/InstitutionFormItems';
import { useInstitutionForm } from './components/useInstitutionForm';

/**
 * 施教机构角色申请: 填写机构信息并保存, 上传统一社会信用代码证 / 办学许可, 确认. The role is granted at
 * once; each 专业培训资格 is what the industry authority reviews.
 */
export function InstitutionRoleApplyPage() {
  const { modal, message } = App.useApp();
  const onError = useApiError();
  const { refresh } = useAccess();
  const { form, profile, show, busy, save: saveWith } = useInstitutionForm(institutionsApi.application);

  const save = () =>
    saveWith(
      (v) =>
        institutionsApi.saveApplication({
          ...contactValues(v),
          level: v.level as InstitutionApplicationInput['level'],
          nature: v.nature as InstitutionApplicationInput['nature'],
          parentAuthorityName: v.parentAuthorityName ?? '',
          legalName: v.legalName ?? '',
        }),
      '保存成功，请上传附件后点击“确认”',
    );

  const confirm = () =>
    modal.confirm({
      title: '确认施教机构角色申请',
      content:
        '确认后即开通施教机构功能（专业培训资格申请等），机构名称、级别、性质、法人等信息不能再在此修改。确定提交吗？',
      onOk: async () => {
        try {
          const r = await institutionsApi.confirmApplication();
          void message.success(r.message ?? '确认成功');
          show(await institutionsApi.application());
          await refresh();
        } catch (error) {
          onError(error);
        }
      },
    });

  if (!profile) return <Skeleton active />;
  const approved = profile.status === 'approved';
  const saved = profile.status !== 'none';

  return (
    <Card
      title="施教机构基本信息"
      extra={
        <Tag color={approved ? 'success' : saved ? 'gold' : 'default'}>
          {ORG_PROFILE_STATUS_LABELS[profile.status]}
        </Tag>
      }
    >
      {approved ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title="施教机构角色已确认"
          description={
            <>
              联系方式、地址和简介请在<Link to="/institution/profile">施教机构信息维护</Link>
              中修改；培训专业请在
              <Link to="/institution/qualifications">专业培训资格申请</Link>中申请。
            </>
          }
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="第一步：填写机构信息，点击保存；第二步：上传统一社会信用代码证或办学许可证；第三步：点击确认，确认成功后即可申请专业培训资格。"
        />
      )}
      <Form<InstitutionFormValues> form={form} layout="vertical">
        <InstitutionFormItems locked={false} readOnly={approved} />
      </Form>
      <Card
        size="small"
        title="附件材料"
        style={{ marginBottom: 16 }}
        extra={
          !approved && (
            <LicenceUpload
              upload={institutionsApi.uploadLicence}
              onUploaded={show}
              done="附件上传成功"
              label={profile.licence ? '重新上传' : '上传附件'}
              disabled={!saved}
            />
          )
        }
      >
        <LicenceTable p={profile} />
        {!saved && <span style={{ color: '#999' }}>请先保存基本信息</span>}
      </Card>
      {!approved && (
        <Space>
          <Button onClick={save} loading={busy}>
            保存
          </Button>
          <Button type="primary" onClick={confirm} disabled={!saved || !profile.licence}>
            确认
          </Button>
        </Space>
      )}
    </Card>
  );
}
