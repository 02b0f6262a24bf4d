import { REALNAME_STATUS_LABELS } from '@ce/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Form,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAccess } from '../../../access';
import { accountApi } from '../../../api/account';
import type { MyRealname } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { FileUpload } from '../../../components/FileUpload';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../format';

interface ApplyValues {
  frontFileId: string;
  backFileId: string;
}

/** 实名认证 in 账号中心 (SPEC §2): level 2 by ID photos that an HRSS operator reviews. */
export function RealnamePage() {
  const { session, refresh } = useAccess();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<ApplyValues>();
  const [mine, setMine] = useState<MyRealname | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const load = useCallback(() => {
    accountApi.myRealname().then(setMine).catch(onError);
  }, [onError]);
  useEffect(() => load(), [load]);

  const submit = async (values: ApplyValues) => {
    setSubmitting(true);
    try {
      await accountApi.applyRealname(values);
      void message.success('实名认证申请已提交，请等待审核');
      form.resetFields();
      load();
    } catch (error) {
      onError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  // The session carries the level too (the home page's to-do reads it): refresh it once if it lags.
  const refreshed = useRef(false);
  useEffect(() => {
    if (!mine || !session || refreshed.current || mine.level === session.account.realnameLevel) return;
    refreshed.current = true;
    void refresh();
  }, [mine, session, refresh]);

  if (!mine) return <Spin />;
  const latest = mine.latest;
  const canApply = mine.level < 2 && latest?.status !== 'pending';
  const items: DescriptionsProps['items'] = [
    { key: 'loginName', label: '登录账号', children: session?.account.loginName },
    { key: 'name', label: '姓名', children: session?.account.displayName },
    {
      key: 'level',
      label: '实名认证等级',
      children: <Tag color={mine.level >= 2 ? 'success' : 'gold'}>{mine.level >= 2 ? '二级' : '一级'}</Tag>,
    },
  ];
  if (latest) {
    items.push({
      key: 'status',
      label: '审核状态',
      children: (
        <Space>
          <StatusTag status={latest.status} labels={REALNAME_STATUS_LABELS} />
          <Typography.Text type="secondary">提交时间：{formatDateTime(latest.submittedAt)}</Typography.Text>
        </Space>
      ),
    });
  }
  if (latest?.status === 'rejected')
    items.push({ key: 'reason', label: '不通过原因', children: latest.reason });

  return (
    <Card title="实名认证">
      <Flex vertical gap={24}>
        <Descriptions bordered column={1} size="middle" styles={{ label: { width: 160 } }} items={items} />

        {mine.level >= 2 && (
          <Alert
            type="success"
            showIcon
            title="您已通过二级实名认证，可被单位绑定为经办人，也可注册单位账号。"
          />
        )}
        {mine.level < 2 && latest?.status === 'pending' && (
          <Alert type="info" showIcon title="您的二级实名认证申请正在审核中，请耐心等待人社部门审核。" />
        )}
        {latest?.status === 'rejected' && mine.level < 2 && (
          <Alert type="error" showIcon title="您的申请未获通过，请按原因修改后重新上传身份证照片并提交。" />
        )}

        {canApply && (
          <>
            <Alert
              type="warning"
              showIcon
              title="只有通过二级实名认证的用户才能被单位绑定为经办人或注册单位账号。"
              description="请上传本人身份证人像面和国徽面照片（支持pdf、jpg、png格式，每个文件不超过10MB），由人社部门审核。"
            />
            <Form form={form} labelCol={{ span: 5 }} wrapperCol={{ span: 14 }} onFinish={submit}>
              <Form.Item
                name="frontFileId"
                label="身份证人像面"
                rules={[{ required: true, message: '请上传身份证人像面照片' }]}
              >
                <FileUpload purpose="realname" />
              </Form.Item>
              <Form.Item
                name="backFileId"
                label="身份证国徽面"
                rules={[{ required: true, message: '请上传身份证国徽面照片' }]}
              >
                <FileUpload purpose="realname" />
              </Form.Item>
              <Form.Item wrapperCol={{ offset: 5, span: 14 }}>
                <Button type="primary" htmlType="submit" loading={submitting}>
                  提交实名认证申请
                </Button>
              </Form.Item>
            </Form>
          </>
        )}
      </Flex>
    </Card>
  );
}
