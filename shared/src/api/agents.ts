import { z } from 'zod';

export const BINDING_STATUS_LABELS = {
  pending: '待通过',
  active: '已通过',
  rejected: '已拒绝',
  cancelled: '已取消',
} as const;
export const bindingStatus = z.enum(['pending', 'active', 'rejected', 'cancelled']);

/** 子账号信息 (as the unit sees its agents). */
export const unitAgent = z.object({
  id: z.string(),
  loginName: z.string(),
  realName: z.string(),
  /** 子账号类型 */
  type: z.literal('经办人'),
  status: bindingStatus,
  /** 系统授权: the CE system is authorized for this agent */
  authorized: z.boolean(),
  createdAt: z.string(),
});
export const unitAgentsResponse = z.object({ items: z.array(unitAgent) });

/** 新增绑定: search by name + login name + ID number and send a request. */
export const bindRequest = z.object({
  realName: z.string({ error: '请输入姓名' }).trim().min(1, '请输入姓名'),
  loginName: z.string({ error: '请输入登录账号' }).trim().min(1, '请输入登录账号'),
  idNumber: z
    .string({ error: '请输入证件号码' })
    .trim()
    .min(1, '请输入证件号码')
    .transform((v) => v.toUpperCase()),
});

/** 我经办的单位账号信息 (as the person sees the units that asked for them). */
export const agency = z.object({
  id: z.string(),
  /** 账户名称 */
  unitName: z.string(),
  /** 登录名 */
  loginName: z.string(),
  /** 账户类型 */
  type: z.literal('单位账号'),
  status: bindingStatus,
  authorized: z.boolean(),
  createdAt: z.string(),
});
export const agenciesResponse = z.object({ items: z.array(agency) });
