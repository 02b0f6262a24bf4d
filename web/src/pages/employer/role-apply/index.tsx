import { ORG_PROFILE_STATUS_LABELS } from '@ce/shared';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Skeleton, Space, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { useAccess } from '../../../access';
import { fileUrl } from '../../../api/client';
import { type EmployerApplicationInput, orgsApi } from '../../../api/orgs';
import { useApiError } from '../../../api/useApiError';
import { LicenceUpload } from '../../../components/LicenceUpload';
import { formatDateTime } from '../../../format';
import { contactValues, OrgInfoFormItems, type OrgInfoFormValues } from './components/OrgInfoFormItems';
import { useOrgProfileForm } from './components/useOrgProfileForm';

/**
 * 法人单位角色申请 (manual 003 §1.2.1): 第一步 填写并保存, 第二步 上传营业执照, 第三步 确认.
 * The role is approved at once; the new menus appear once the session is loaded again.
 */
export function EmployerRoleApplyPage() {
  const { modal, message } = App.useApp();
  const onError = useApiError();
  const { refresh } = useAccess();
  const { form, profile, show, busy, save: saveWith } = useOrgProfileForm(orgsApi.employerApplication);

  const save = () =>
    saveWith(
      (values) =>
        orgsApi.saveEmployerApplication({
          ...contactValues(values),
          nature: values.nature as EmployerApplicationInput['nature'],
          level: values.level as EmployerApplicationInput['level'],
        }),
      '保存成功，请上传营业执照后点击“确认”',
    );

  const confirm = () =>
    modal.confirm({
      title: '确认法人单位角色申请',
      content: '确认后即开通法人单位功能，单位名称、性质、隶属关系等信息不能再在此修改。确定提交吗？',
      onOk: async () => {
        try {
          const r = await orgsApi.confirmEmployerApplication();
          void message.success(r.message ?? '确认成功');
          show(await orgsApi.employerApplication());
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
      title="法人单位基本信息"
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
          title="法人单位角色已确认"
          description={
            <>
              联系人、电话、Email、邮政编码、地址和职能简介请在
              <Link to="/employer/profile">法人单位信息维护</Link>
              中修改。
            </>
          }
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="第一步：填写角色申报信息，点击保存；第二步：上传营业执照；第三步：点击确认，确认成功后即可看到其他功能菜单。"
        />
      )}
      <Form<OrgInfoFormValues> form={form} layout="vertical">
        <OrgInfoFormItems locked={false} readOnly={approved} />
      </Form>
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="营业执照">
          <Flex gap={12} align="center" wrap>
            {profile.licence ? (
              <a href={fileUrl(profile.licence.id)} target="_blank" rel="noreferrer">
                {profile.licence.name}
              </a>
            ) : (
              <span>未上传</span>
            )}
            {!approved && (
              <LicenceUpload
                upload={orgsApi.uploadLicence}
                onUploaded={show}
                done="营业执照上传成功"
                label={profile.licence ? '重新上传' : '上传附件'}
                disabled={!saved}
              />
            )}
            {!saved && <span style={{ color: '#999' }}>请先保存基本信息</span>}
          </Flex>
        </Descriptions.Item>
        {profile.updatedAt && (
          <Descriptions.Item label="最后保存时间">{formatDateTime(profile.updatedAt)}</Descriptions.Item>
        )}
      </Descriptions>
      {!approved && (
        <Space>
          <Button onClick={save} loading={busy}>
            保存
          </Button>
          <Tooltip title={!saved ? '请先保存基本信息' : !profile.licence ? '请先上传营业执照' : undefined}>
            <Button type="primary" onClick={confirm} disabled={!saved || !profile.licence}>
              确认
            </Button>
          </Tooltip>
        </Space>
      )}
    </Card>
  );
}
