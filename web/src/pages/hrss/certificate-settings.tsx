import { SEAL_MAX_BYTES } from '@ce/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Skeleton,
  Space,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  type CertificateSettings,
  certificateSettingsApi,
  sealImageUrl,
} from '../../api/certificate-settings';
import { useApiError } from '../../api/useApiError';
import { formatDateTime } from '../../format';

const SEAL_TYPES = ['image/png', 'image/jpeg'];
const SEAL_MB = SEAL_MAX_BYTES / 1024 / 1024;

/** A checkerboard behind the preview, so a transparent PNG shows as transparent. */
const CHECKERBOARD = {
  width: 168,
  height: 168,
  padding: 8,
  objectFit: 'contain' as const,
  border: '1px solid #d9d9d9',
  background: 'repeating-conic-gradient(#f0f0f0 0% 25%, #ffffff 0% 50%) 50% / 16px 16px',
};

interface FormValues {
  authorityName: string;
}

/**
 * 证书设置 (人社部门): the 发证机关 printed on the 继续教育证书 of persons whose employer is in this
 * HRSS org's region, and the 公章 image stamped over it. A city without its own settings prints
 * the province's.
 */
export function CertificateSettingsPage() {
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<FormValues>();
  const [settings, setSettings] = useState<CertificateSettings | null>(null);
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [sealError, setSealError] = useState<string | null>(null);

  const show = useCallback(
    (next: CertificateSettings) => {
      setSettings(next);
      form.setFieldsValue({ authorityName: next.authorityName });
    },
    [form],
  );

  useEffect(() => {
    certificateSettingsApi.get().then(show).catch(onError);
  }, [show, onError]);

  const onSave = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      show(await certificateSettingsApi.save({ authorityName: values.authorityName }));
      void message.success('保存成功');
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const onUpload = async (file: File) => {
    setSealError(null);
    if (!SEAL_TYPES.includes(file.type)) {
      setSealError('仅支持PNG或JPEG图片');
      return;
    }
    if (file.size > SEAL_MAX_BYTES) {
      setSealError(`图片不能超过${SEAL_MB}MB（所选文件 ${Math.ceil(file.size / 1024)}KB）`);
      return;
    }
    setUploading(true);
    try {
      show(await certificateSettingsApi.uploadSeal(file));
      void message.success('公章已上传');
    } catch (error) {
      onError(error);
      const field = (error as { fields?: { field: string; message: string }[] }).fields?.find(
        (f) => f.field === 'seal',
      );
      if (field) setSealError(field.message);
    } finally {
      setUploading(false);
    }
  };

  const onDelete = async () => {
    try {
      show(await certificateSettingsApi.deleteSeal());
      setSealError(null);
      void message.success('公章已删除');
    } catch (error) {
      onError(error);
    }
  };

  if (!settings) return <Skeleton active />;
  const seal = settings.seal;
  const picker = (
    <Upload
      accept=".png,.jpg,.jpeg,image/png,image/jpeg"
      showUploadList={false}
      beforeUpload={(file) => {
        void onUpload(file);
        return Upload.LIST_IGNORE;
      }}
    >
      <Button loading={uploading}>{seal ? '重新上传' : '上传公章'}</Button>
    </Upload>
  );

  return (
    <Card title="证书设置">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`所属单位在${settings.regionName}的专业技术人员打印继续教育证书时，证书右下方显示此处设置的发证机关，并在其上加盖公章。${
          settings.saved ? '' : '本地区尚未设置，目前使用上级人社部门的设置或系统默认。'
        }`}
      />
      <Form<FormValues> form={form} labelCol={{ flex: '120px' }} wrapperCol={{ flex: '480px' }}>
        <Form.Item label="适用地区">
          <Typography.Text>{settings.regionName}</Typography.Text>
        </Form.Item>
        <Form.Item
          label="发证机关"
          name="authorityName"
          rules={[
            { required: true, whitespace: true, message: '请输入发证机关' },
            { min: 2, message: '请输入发证机关（至少2个字）' },
            { max: 40, message: '发证机关不能超过40个字' },
          ]}
        >
          <Input placeholder="如：广东省人力资源和社会保障厅" maxLength={40} showCount />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" onClick={onSave} loading={saving}>
            保存
          </Button>
        </Form.Item>
        <Form.Item
          label="公章图片"
          validateStatus={sealError ? 'error' : undefined}
          help={sealError ?? undefined}
          extra={`支持PNG、JPEG格式，不超过${SEAL_MB}MB；建议使用透明背景的PNG图片，打印时公章约3.8厘米，盖在发证机关名称上。`}
        >
          {seal ? (
            <Space align="start" size="large">
              <img src={sealImageUrl(seal.uploadedAt)} alt="公章" style={CHECKERBOARD} />
              <Space orientation="vertical">
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'name', label: '文件名', children: seal.name },
                    { key: 'size', label: '大小', children: `${Math.ceil(seal.size / 1024)} KB` },
                    { key: 'at', label: '上传时间', children: formatDateTime(seal.uploadedAt) },
                  ]}
                />
                <Space>
                  {picker}
                  <Popconfirm
                    title="删除公章"
                    description="确定删除公章吗？删除后本地区打印的继续教育证书将不再显示公章。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={onDelete}
                  >
                    <Button danger>删除公章</Button>
                  </Popconfirm>
                </Space>
              </Space>
            </Space>
          ) : (
            <Space orientation="vertical">
              <Typography.Text type="secondary">未上传公章，证书上仅显示发证机关名称。</Typography.Text>
              {picker}
            </Space>
          )}
        </Form.Item>
        {settings.updatedAt && (
          <Form.Item label="最后修改">
            <Typography.Text type="secondary">
              {settings.updatedByName ?? ''} {formatDateTime(settings.updatedAt)}
            </Typography.Text>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
