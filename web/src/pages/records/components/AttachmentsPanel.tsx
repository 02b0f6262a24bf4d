import { FILE_KINDS, FILE_MAX_BYTES } from '@ce/shared';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { fileUrl } from '../../../api/client';
import { type RecordAttachment, recordSupportApi } from '../../../api/records';
import { useApiError } from '../../../api/useApiError';
import { formatDateTime } from '../../../format';
import { fileRefusal } from '../../../forms';

const ACCEPT = '.pdf,.jpg,.jpeg,.png';
const ALLOWED_MIME: readonly string[] = Object.values(FILE_KINDS);

interface AttachmentsPanelProps {
  attachments: RecordAttachment[];
  /** 新增 and 删除 are offered */
  editable: boolean;
  /** why 新增 is not available yet (e.g. 请先保存基本信息) */
  hint?: string;
  onAdd?: (body: { fileId: string; name: string }) => Promise<unknown>;
  onRemove?: (attachmentId: string) => Promise<unknown>;
}

interface AddValues {
  name: string;
}

/**
 * 附件材料 of a record: 序号, 附件名称, 附件类型, 附件大小(kb), 上传时间, 经办人, 操作 [下载] [删除].
 * 新增: choose the proof (pdf/jpg/png ≤ 10MB), type 附件名称, 确定 (manual 000 step 8).
 */
export function AttachmentsPanel({ attachments, editable, hint, onAdd, onRemove }: AttachmentsPanelProps) {
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<AddValues>();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);

  const close = () => {
    setOpen(false);
    setFiles([]);
    setFileError(null);
    form.resetFields();
  };

  const add = async () => {
    const file = files[0]?.originFileObj;
    if (!file) setFileError('请选择要上传的文件');
    const values = await form.validateFields().catch(() => null);
    if (!file || !values) return;
    setSaving(true);
    try {
      const stored = await recordSupportApi.uploadFile(file);
      await onAdd?.({ fileId: stored.id, name: values.name.trim() });
      void message.success('附件上传成功');
      close();
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (id: string) => {
    try {
      await onRemove?.(id);
      void message.success('附件已删除');
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<RecordAttachment> = [
    { title: '序号', key: 'seq', width: 64, render: (_, __, i) => i + 1 },
    { title: '附件名称', dataIndex: 'name' },
    { title: '附件类型', dataIndex: 'type' },
    { title: '附件大小(kb)', dataIndex: 'sizeKb' },
    { title: '上传时间', dataIndex: 'uploadedAt', render: (_, row) => formatDateTime(row.uploadedAt) },
    { title: '经办人', dataIndex: 'uploadedByName' },
    {
      title: '操作',
      key: 'actions',
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" href={fileUrl(row.fileId)} target="_blank" rel="noreferrer">
            下载
          </Button>
          {editable && (
            <Popconfirm title={`确定删除附件“${row.name}”吗？`} onConfirm={() => remove(row.id)}>
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title="附件材料"
      extra={
        // before the first 保存 the button shows (disabled) where it will be; read-only views have none
        (editable || hint) && (
          <Button type="primary" disabled={!editable || !onAdd} onClick={() => setOpen(true)}>
            新增
          </Button>
        )
      }
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Table<RecordAttachment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={attachments}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有数据需要显示' }}
      />
      <Modal
        title="附件材料上传"
        open={open}
        okText="确定"
        onOk={add}
        confirmLoading={saving}
        onCancel={close}
        destroyOnHidden
      >
        <Form form={form} name="attachment" layout="vertical">
          <Form.Item
            label="附件文件"
            htmlFor="attachment_file"
            required
            validateStatus={fileError ? 'error' : undefined}
            help={fileError ?? '支持pdf、jpg、png格式，单个文件不超过10MB'}
          >
            <Upload
              id="attachment_file"
              accept={ACCEPT}
              maxCount={1}
              fileList={files}
              beforeUpload={(file) => {
                const refusal = fileRefusal(file, ALLOWED_MIME, FILE_MAX_BYTES);
                if (refusal) {
                  void message.error(refusal);
                  return Upload.LIST_IGNORE;
                }
                // The file goes up on 确定, together with its name.
                return false;
              }}
              onChange={({ fileList }) => {
                setFiles(fileList);
                setFileError(null);
                const chosen = fileList[0];
                if (chosen && !form.getFieldValue('name')) {
                  form.setFieldValue('name', chosen.name.replace(/\.[^.]+$/, ''));
                }
              }}
            >
              <Button>选择文件</Button>
            </Upload>
          </Form.Item>
          <Form.Item
            name="name"
            label="附件名称"
            rules={[{ required: true, whitespace: true, message: '请填写附件名称' }]}
          >
            <Input maxLength={100} placeholder="如：学时证明" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
