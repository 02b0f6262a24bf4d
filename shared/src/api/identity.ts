import { z } from 'zod';
import { ORG_ROLES, PERMISSIONS } from '../access';
import { checkIdNumber, checkLoginName, checkPassword, checkUnitCode } from '../rules';

const required = (label: string) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .min(1, `请输入${label}`);

export const loginName = required('登录账号').superRefine((v, ctx) => {
  const r = checkLoginName(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
});
export const password = z
  .string({ error: '请输入密码' })
  .min(1, '请输入密码')
  .superRefine((v, ctx) => {
    const r = checkPassword(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  });
export const idNumber = required('公民身份号码')
  .transform((v) => v.toUpperCase())
  .superRefine((v, ctx) => {
    const r = checkIdNumber(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  });
export const mobilePhone = required('手机号码').regex(/^1[3-9]\d{9}$/, '手机号码应为11位数字，以1开头');
/** 单位注册's 联系电话 (manual 003 §1.1.3): a mobile, the SMS code goes to it; said in the label's words */
export const unitContactPhone = required('联系电话').regex(
  /^1[3-9]\d{9}$/,
  '联系电话应为11位手机号码，以1开头',
);
export const realName = required('姓名').max(50, '姓名不能超过50个字符');
export const captchaFields = {
  captchaId: z.string({ error: '请刷新验证码' }).min(1, '请刷新验证码'),
  captcha: required('验证码').max(8, '验证码错误'),
};
export const smsCode = required('短信验证码').regex(/^\d{6}$/, '短信验证码为6位数字');

// ---------- captcha ----------
export const captchaResponse = z.object({ captchaId: z.string(), svg: z.string() });

// ---------- session ----------
export const actorKind = z.enum(['person', 'unit', 'agent']);
export const sessionInfo = z.object({
  account: z.object({
    id: z.string(),
    kind: z.enum(['person', 'unit']),
    loginName: z.string(),
    displayName: z.string(),
    /** persons only: 1 or 2 */
    realnameLevel: z.number().int().nullable(),
    mustChangePassword: z.boolean(),
  }),
  actorKind,
  actingUnit: z.object({ id: z.string(), name: z.string(), roles: z.array(z.enum(ORG_ROLES)) }).nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** ISO time the session ends at the latest */
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;
export const sessionResponse = z.object({ session: sessionInfo.nullable() });

export const loginRequest = z.object({
  accountType: z.enum(['person', 'unit']).default('person'),
  loginName: required('登录账号'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码'),
  ...captchaFields,
});
export type LoginRequest = z.input<typeof loginRequest>;

/** A person may act for these units (authorized bindings). */
export const actingUnitOption = z.object({
  unitId: z.string(),
  unitName: z.string(),
  loginName: z.string(),
  roles: z.array(z.enum(ORG_ROLES)),
});
export const actingUnitsResponse = z.object({ items: z.array(actingUnitOption) });
export const switchUnitRequest = z.object({ unitId: z.uuid('请选择单位账号') });

export const changePasswordRequest = z.object({
  oldPassword: z.string({ error: '请输入原密码' }).min(1, '请输入原密码'),
  newPassword: password,
});

export const resetSmsRequest = z.object({
  loginName: required('登录账号'),
  phone: mobilePhone,
  ...captchaFields,
});
export const resetPasswordRequest = z.object({
  loginName: required('登录账号'),
  phone: mobilePhone,
  code: smsCode,
  newPassword: password,
});

// ---------- registration ----------
export const registerPersonRequest = z.object({
  loginName,
  password,
  realName,
  idNumber,
  phone: mobilePhone,
  ...captchaFields,
});
export type RegisterPersonRequest = z.input<typeof registerPersonRequest>;
export const registeredResponse = z.object({ accountId: z.string(), loginName: z.string() });

/** 单位注册 step 1 (单位所属实名认证人员信息). */
export const unitAgentCheckRequest = z.object({
  agentLoginName: required('实名个人登录账号'),
  agentIdNumber: idNumber,
  ...captchaFields,
});
export const unitAgentCheckResponse = z.object({
  agentName: z.string(),
  agentPhoneMasked: z.string(),
});

export const unitCertType = z.enum(['uscc', 'orgcode'], { error: '请选择单位证件类型' });
export const UNIT_CERT_TYPE_LABELS = { uscc: '统一社会信用代码', orgcode: '组织机构代码' } as const;

/** 单位注册 step 2 (单位信息登记); the SMS code is sent to the agent's registered phone. */
export const unitInfoFields = z
  .object({
    agentLoginName: required('实名个人登录账号'),
    agentIdNumber: idNumber,
    loginName,
    password,
    unitName: required('单位名称').max(100, '单位名称不能超过100个字符'),
    certType: unitCertType,
    certNumber: required('单位证件号码'),
    provinceCode: required('单位所在地区（省）'),
    cityCode: required('单位所在地区（市）'),
    countyCode: z.string().trim().optional(),
    address: required('单位详细地址').max(100, '单位详细地址不能超过100个字符'),
    legalRepresentative: required('单位法人姓名').max(50),
    contactName: required('联系人姓名').max(50),
    contactPhone: unitContactPhone,
  })
  .superRefine((v, ctx) => {
    const r = checkUnitCode(v.certType, v.certNumber);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['certNumber'], message: r.reason });
  });
export const unitSmsRequest = unitInfoFields;
export type UnitInfo = z.input<typeof unitInfoFields>;
export const unitRegisterRequest = unitInfoFields.and(z.object({ smsCode }));
export const smsSentResponse = z.object({
  ok: z.literal(true),
  phoneMasked: z.string(),
  message: z.string(),
});

// ---------- regions ----------
export const regionQuery = z.object({
  parent: z
    .string()
    .regex(/^\d{0,6}$/, '行政区划代码错误')
    .default(''),
});
export const regionNode = z.object({ code: z.string(), name: z.string(), hasChildren: z.boolean() });
export const regionsResponse = z.object({ items: z.array(regionNode) });
