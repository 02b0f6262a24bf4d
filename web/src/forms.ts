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
