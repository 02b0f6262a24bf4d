import type { FormRule } from 'antd';
import type { z } from 'zod';

/** A form rule that runs a shared zod schema, so the browser says what the server would say. */
export function zodRule(schema: z.ZodType, required = true): FormRule {
  return {
    required,
    validator: async (_rule, value: unknown) => {
      if (!required && (value === undefined || value === null || value === '')) return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式错误');
    },
  };
}

/** 确认密码: must repeat the field `field`. */
export function confirmRule(field: string): FormRule {
  return ({ getFieldValue }) => ({
    required: true,
    validator: async (_rule, value: unknown) => {
      if (!value) throw new Error('请再次输入密码');
      if (value !== getFieldValue(field)) throw new Error('两次输入的密码不一致');
    },
  });
}

/**
 * A date that cannot be in the future, said in the field's words (学习结束时间不能晚于今天). The
 * picker must not also disable future days: a typed disabled day is silently cleared, and the
 * person is then told 请填写… instead of why.
 */
export function notAfterToday(label: string): FormRule {
  return {
    validator: async (_rule, value: { isAfter: (d: Date, unit: 'day') => boolean } | null | undefined) => {
      if (value?.isAfter(new Date(), 'day')) throw new Error(`${label}不能晚于今天`);
    },
  };
}

/** Why a chosen file cannot be uploaded (its type, or its size against the 10 MB limit), or null. */
export function fileRefusal(
  file: { type: string; size: number },
  allowed: readonly string[],
  maxBytes: number,
  kinds = 'pdf、jpg、png',
): string | null {
  if (!allowed.includes(file.type)) return `仅支持上传${kinds}格式的文件`;
  if (file.size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')}MB`;
    return `文件大小为${mb(file.size)}，超过了单个文件${mb(maxBytes)}的上限`;
  }
  return null;
}
