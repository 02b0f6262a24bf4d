import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './client';

/** Request fields whose errors belong to another form control (the captcha image id → the captcha input). */
const FIELD_ALIASES: Record<string, string> = { captchaId: 'captcha' };

export type ApiErrorHandler = (error: unknown, form?: FormInstance, aliases?: Record<string, string>) => void;

/**
 * The one place that shows request errors (ant-design-pro's requestErrorConfig): the server's Chinese
 * message in a toast, and field errors on the form controls they name.
 */
export function useApiError(): ApiErrorHandler {
  const { message } = App.useApp();
  return useCallback(
    (error, form, aliases) => {
      if (!(error instanceof ApiError)) {
        console.error(error);
        void message.error('操作失败，请稍后重试');
        return;
      }
      void message.error(error.message);
      if (!form || error.fields.length === 0) return;
      form.setFields(
        error.fields.map((f) => {
          const name = aliases?.[f.field] ?? FIELD_ALIASES[f.field] ?? f.field;
          return { name: name.split('.'), errors: [f.message] };
        }),
      );
    },
    [message],
  );
}
