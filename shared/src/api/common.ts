import { z } from 'zod';

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** 年度 in a search form: a real year or nothing (an out-of-range year is a 400, not a database error). */
export const yearFilter = z.coerce
  .number()
  .int('年度格式错误')
  .min(1900, '年度格式错误')
  .max(2100, '年度格式错误');

export const idParam = z.object({ id: z.uuid('编号格式错误') });

export const okResponse = z.object({ ok: z.literal(true), message: z.string().optional() });

/** Chinese labels of the identity platform's request fields (see labels.ts for all). */
export const COMMON_FIELD_LABELS: Record<string, string> = {
  loginName: '登录账号',
  password: '密码',
  confirmPassword: '确认密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  realName: '姓名',
  idNumber: '公民身份号码',
  phone: '手机号码',
  captcha: '验证码',
  captchaId: '验证码',
  code: '短信验证码',
  smsCode: '短信验证码',
  accountType: '账号类型',
  agentLoginName: '实名个人登录账号',
  agentIdNumber: '实名个人证件号码',
  unitName: '单位名称',
  certType: '单位证件类型',
  certNumber: '单位证件号码',
  provinceCode: '单位所在地区（省）',
  cityCode: '单位所在地区（市）',
  countyCode: '单位所在地区（县）',
  address: '单位详细地址',
  legalRepresentative: '单位法人姓名',
  contactName: '联系人姓名',
  contactPhone: '联系电话',
  frontFileId: '身份证人像面照片',
  backFileId: '身份证国徽面照片',
  reason: '不通过原因',
  opinion: '审核意见',
  unitId: '单位账号',
  page: '页码',
  pageSize: '每页条数',
  id: '编号',
  file: '文件',
  purpose: '文件用途',
  status: '状态',
  from: '开始时间',
  to: '结束时间',
};
