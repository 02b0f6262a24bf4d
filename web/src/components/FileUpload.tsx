import { FILE_KINDS, FILE_MAX_BYTES } from '@ce/shared';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { accountApi } from '../api/account';
import { useApiError } from '../api/useApiError';
import { fileRefusal } from '../forms';

const ACCEPT = '.pdf,.jpg,.jpeg,.png';
const ALLOWED_MIME: readonly string[] = Object.values(FILE_KINDS);

interface FileUploadProps {
  /** the stored file's id (form value) */
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** set by Form.Item, so the label points at the file input */
  id?: string;
  purpose: 'realname';
}

/** One attachment (pdf/jpg/png, ≤10MB) uploaded to POST /api/files; the form value is its id. */
export function FileUpload({ onChange, id, purpose }: FileUploadProps) {
  const onError = useApiError();
  const { message } = App.useApp();
  const [fileList, setFileList] = useState<UploadFile[]>([]);

  return (
    <Upload
      id={id}
      accept={ACCEPT}
      maxCount={1}
      listType="picture"
      fileList={fileList}
      beforeUpload={(file) => {
        const refusal = fileRefusal(file, ALLOWED_MIME, FILE_MAX_BYTES);
        if (refusal) {
          void message.error(refusal);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError: fail }) => {
        if (!(file instanceof File)) return;
        accountApi
          .uploadFile(file, purpose)
          .then((stored) => {
            onSuccess?.(stored);
            onChange?.(stored.id);
          })
          .catch((error: unknown) => {
            onError(error);
            fail?.(error instanceof Error ? error : new Error('上传失败'));
            onChange?.(undefined);
          });
      }}
      onChange={({ fileList: next }) => setFileList(next.filter((f) => f.status !== 'error'))}
      onRemove={() => onChange?.(undefined)}
    >
      <Button>选择文件</Button>
    </Upload>
  );
}
