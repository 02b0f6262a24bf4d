import { captchaFields } from '@ce/shared';
import { Button, Flex, Form, type FormInstance, Input } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { identityApi } from '../api/identity';
import type { Captcha } from '../api/types';
import { zodRule } from '../forms';

export interface CaptchaState {
  captcha: Captcha | null;
  refresh: () => void;
  /** after a submit: a captcha is good for one try, so clear the field and load a new image */
  renew: (form: FormInstance) => void;
}

/** Loads an image captcha (GET /api/auth/captcha); call `refresh` after every failed submit. */
export function useCaptcha(): CaptchaState {
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const refresh = useCallback(() => {
    identityApi
      .captcha()
      .then(setCaptcha)
      .catch(() => setCaptcha(null));
  }, []);
  useEffect(refresh, [refresh]);
  const renew = useCallback(
    (form: FormInstance) => {
      form.setFields([{ name: 'captcha', value: '' }]);
      refresh();
    },
    [refresh],
  );
  return { captcha, refresh, renew };
}

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** 验证码: the input (form field `captcha`), the image (click to refresh) and 看不清换一张. */
export function CaptchaItem({ state, label = '验证码' }: { state: CaptchaState; label?: string }) {
  return (
    <Form.Item label={label} htmlFor="captcha" required>
      <Flex gap={8} align="center">
        <Form.Item name="captcha" noStyle rules={[zodRule(captchaFields.captcha)]}>
          <Input
            id="captcha"
            aria-label={label}
            placeholder="请输入验证码"
            autoComplete="off"
            maxLength={8}
          />
        </Form.Item>
        {state.captcha ? (
          <img
            src={svgDataUrl(state.captcha.svg)}
            alt="验证码图片"
            title="点击图片刷新验证码"
            height={36}
            style={{ cursor: 'pointer', flex: 'none' }}
            onClick={state.refresh}
            onKeyDown={(e) => e.key === 'Enter' && state.refresh()}
          />
        ) : null}
        <Button type="link" onClick={state.refresh} style={{ flex: 'none', padding: 0 }}>
          看不清换一张
        </Button>
      </Flex>
    </Form.Item>
  );
}
