import { FILE_KINDS, FILE_MAX_BYTES } from '@ce/shared';
import { App, Button, Upload } from 'antd';
import { useApiError } from '../api/useApiError';
import { fileRefusal } from '../forms';

const ALLOWED_MIME: readonly string[] = Object.values(FILE_KINDS);

interface LicenceUploadProps<T> {
  /** uploads the file and attaches it to the application; answers the application as it is now */
  upload: (file: File) => Promise<T>;
  onUploaded: (next: T) => void;
  /** the toast after a successful upload, e.g. 营业执照上传成功 */
  done: string;
  /** the button's text */
  label: string;
  disabled?: boolean;
}

/**
 * The 附件材料 button of a 角色申请 (营业执照, 统一社会信用代码证 …): pdf/jpg/png ≤ 10 MB refused
 * before sending with the reason, then uploaded and attached in one call.
 */
export function LicenceUpload<T>({ upload, onUploaded, done, label, disabled }: LicenceUploadProps<T>) {
  const { message } = App.useApp();
  const onError = useApiError();
  return (
    <Upload
      accept=".pdf,.jpg,.jpeg,.png"
      showUploadList={false}
      disabled={disabled}
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
        upload(file)
          .then((next) => {
            onSuccess?.(next);
            onUploaded(next);
            void message.success(done);
          })
          .catch((error: unknown) => {
            onError(error);
            fail?.(error instanceof Error ? error : new Error('上传失败'));
          });
      }}
    >
      <Button disabled={disabled}>{label}</Button>
    </Upload>
  );
}
