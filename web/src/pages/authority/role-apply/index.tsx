import { AUTHORITY_STATUS_LABELS } from '@ce/shared';
import { Alert, App, Button, Card, Form, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useAccess } from '../../../access';
import {
  type AuthorityApplication,
  type AuthorityApplicationInput,
  authorityApi,
} from '../../../api/authorities';
import { useApiError } from '../../../api/useApiError';
import { ApprovalHistory } from '../../../components/ApprovalHistory';
import { LicenceUpload } from '../../../components/LicenceUpload';
import {
  AuthorityFormItems,
  type AuthorityFormValues,
  authorityContacts,
  toAuthorityFormValues,
} from '../components/AuthorityFormItems';
import { LicenceTable } from '../components/AuthorityInfoView';

function StatusAlert({ app }: { app: AuthorityApplication }) {
  if (app.status === 'approved')
    return (
      <Alert
        type="success"
        showIcon
        title="行业主管角色已审核通过"
        description={
          <>
            请重新使用单位账号登录（切换单位）后使用行业主管部门功能菜单；联系人、电话等信息请在
            <Link to="/authority/profile">行业主管部门信息维护</Link>中修改。
          </>
        }
      />
    );
  if (app.status === 'rejected')
    return <Alert type="error" showIcon title="申请已被不同意并结案，本申请只能查看，不能再修改或送审。" />;
  if (app.status === 'submitted')
    return (
      <Alert
        type="info"
        showIcon
        title={`已送审，等待${app.workflow?.reviewerUnitName ?? '审核部门'}审核。审核人未审核前可以回收。`}
      />
    );
  if (app.missingParent)
    return (
      <Alert
        type="warning"
        showIcon
        title={`上一级行业主管部门并没有在本系统注册申请角色：${app.missingParent}。该部门审核通过后才能送审。`}
      />
    );
  return (
    <Alert
      type="info"
      showIcon
      title={
        app.status === 'returned'
          ? '申请被不同意并退案，请按审核意见修改后保存，再点击送审。'
          : '第一步：填写行业主管部门基本信息，点击保存；第二步：上传统一社会信用代码证；第三步：点击送审。'
      }
    />
  );
}

/**
 * 行业主管角色申请 (002 §1.2.1): 保存 → 上传统一社会信用代码证 → 送审 to the HRSS (省级) or the
 * authority one level up of the same 专业序列; 回收 before review; 退案 → edit → 送审 again.
 */
export function AuthorityRoleApplyPage() {
  const { message, modal } = App.useApp();
  const onError = useApiError();
  const { refresh } = useAccess();
  const [form] = Form.useForm<AuthorityFormValues>();
  const [app, setApp] = useState<AuthorityApplication | null>(null);
  const [busy, setBusy] = useState(false);
  const show = useCallback((next: AuthorityApplication) => setApp(next), []);

  useEffect(() => {
    authorityApi.application().then(show).catch(onError);
  }, [show, onError]);
  useEffect(() => {
    if (app) form.setFieldsValue(toAuthorityFormValues(app, app.reviewerName ?? app.parentUnitName ?? ''));
  }, [form, app]);

  const run = async (action: () => Promise<AuthorityApplication>, done: string) => {
    setBusy(true);
    try {
      show(await action());
      void message.success(done);
    } catch (error) {
      onError(error, form);
      authorityApi
        .application()
        .then(show)
        .catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    let values: AuthorityFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    await run(
      () =>
        authorityApi.save({
          ...authorityContacts(values),
          nature: values.nature as AuthorityApplicationInput['nature'],
          level: values.level as AuthorityApplicationInput['level'],
          series: values.series as AuthorityApplicationInput['series'],
        }),
      '保存成功，请上传统一社会信用代码证后点击“送审”',
    );
  };

  const submit = () =>
    modal.confirm({
      title: '确认送审',
      content: `送审到${app?.reviewerName ?? '审核部门'}，审核期间不能修改。确定送审吗？`,
      onOk: () =>
        run(async () => {
          const next = await authorityApi.submit();
          await refresh();
          return next;
        }, '送审成功'),
    });

  if (!app) return <Skeleton active />;
  const saved = app.status !== 'none';
  return (
    <Card
      title="行业主管部门基本信息"
      extra={
        <Tag color={app.status === 'approved' ? 'success' : 'gold'}>
          {AUTHORITY_STATUS_LABELS[app.status]}
        </Tag>
      }
    >
      <div style={{ marginBottom: 16 }}>
        <StatusAlert app={app} />
      </div>
      <Form<AuthorityFormValues> form={form} layout="vertical">
        <AuthorityFormItems
          locked={false}
          readOnly={!app.editable}
          parentLabel={app.status === 'approved' ? '上级行业主管部门' : '审核部门'}
        />
      </Form>
      <Typography.Title level={5}>附件材料</Typography.Title>
      <LicenceTable licence={app.licence} />
      {app.editable && (
        <Space style={{ margin: '12px 0' }}>
          <LicenceUpload
            upload={authorityApi.uploadLicence}
            onUploaded={show}
            done="统一社会信用代码证上传成功"
            label={app.licence ? '重新上传' : '上传统一社会信用代码证'}
            disabled={!saved}
          />
          {!saved && <Typography.Text type="secondary">请先保存基本信息</Typography.Text>}
        </Space>
      )}
      <Space style={{ margin: '16px 0' }}>
        {app.editable && (
          <>
            <Button onClick={save} loading={busy}>
              保存
            </Button>
            <Button
              type="primary"
              onClick={submit}
              disabled={!saved || !app.licence || app.missingParent !== null}
              title={app.missingParent ? `上一级行业主管部门未注册：${app.missingParent}` : undefined}
            >
              送审
            </Button>
          </>
        )}
        {app.workflow?.canWithdraw && app.status === 'submitted' && (
          <Button onClick={() => run(authorityApi.withdraw, '已回收，可修改后重新送审')} loading={busy}>
            回收
          </Button>
        )}
      </Space>
      {app.history.length > 0 && (
        <>
          <Typography.Title level={5}>审批流程</Typography.Title>
          <ApprovalHistory history={app.history} />
        </>
      )}
    </Card>
  );
}
