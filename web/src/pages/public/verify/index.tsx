import { CERTIFICATE_STATUS_LABELS } from '@ce/shared';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Result } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type CertificateVerification, certificatesApi } from '../../../api/certificates';
import { ApiError } from '../../../api/client';
import { formatDateTime } from '../../../format';

/** 继续教育证书查验 (public, SPEC §7): anyone checks a number, or scans the certificate's QR code. */
export function CertificateVerifyPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ no: string }>();
  const [result, setResult] = useState<CertificateVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const check = useCallback(async (raw: string) => {
    const no = raw.trim();
    if (!no) return;
    setLoading(true);
    setError(null);
    setResult(null);
    try {
      setResult(await certificatesApi.verify(no));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '查验失败，请稍后重试');
    } finally {
      setLoading(false);
    }
  }, []);

  const initial = params.get('no') ?? '';
  useEffect(() => {
    if (!initial) return;
    form.setFieldsValue({ no: initial });
    void check(initial);
  }, [initial, check, form]);

  const submit = ({ no }: { no: string }) => {
    setParams({ no: no.trim() });
    if (no.trim() === initial) void check(no);
  };

  return (
    <Flex vertical gap={16}>
      <Card title="继续教育证书查验">
        <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
          <Form.Item
            name="no"
            label="证书编号"
            rules={[{ required: true, whitespace: true, message: '请输入证书编号' }]}
          >
            <Input allowClear placeholder="请输入证书编号，如 GD2025XXXXXXXXXX" style={{ width: 320 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={loading}>
              查验
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {result && (
        <Card>
          <Result
            status={result.status === 'valid' ? 'success' : 'warning'}
            title={`证书${CERTIFICATE_STATUS_LABELS[result.status]}`}
            subTitle={
              result.status === 'valid'
                ? '该继续教育证书真实有效。'
                : `该证书编号已于 ${formatDateTime(result.voidedAt)} 作废（已重新生成新证书或被撤销），请以最新证书为准。`
            }
          />
          <Descriptions bordered column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label="证书编号">{result.number}</Descriptions.Item>
            <Descriptions.Item label="状态">{CERTIFICATE_STATUS_LABELS[result.status]}</Descriptions.Item>
            <Descriptions.Item label="姓名">{result.name}</Descriptions.Item>
            <Descriptions.Item label="专业系列">{result.series}</Descriptions.Item>
            <Descriptions.Item label="培训年度">{result.year}</Descriptions.Item>
            <Descriptions.Item label="总学时">{result.totalHours}</Descriptions.Item>
            <Descriptions.Item label="公需科目学时">{result.publicHours}</Descriptions.Item>
            <Descriptions.Item label="专业科目学时">{result.professionalHours}</Descriptions.Item>
            <Descriptions.Item label="个人选修科目学时">{result.electiveHours}</Descriptions.Item>
            <Descriptions.Item label="发证时间">{formatDateTime(result.issuedAt)}</Descriptions.Item>
            {result.voidedAt && (
              <Descriptions.Item label="作废时间">{formatDateTime(result.voidedAt)}</Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
    </Flex>
  );
}
