import { z } from 'zod';
import { ORG_LEVEL_LABELS, UNIT_NATURES } from '../dicts';

/**
 * Request-field labels of this domain (merged into FIELD_LABELS in labels.ts).
 * `contactName` keeps the identity platform's label (联系人姓名); the org's mailing address is
 * `unitAddress` so it does not take the label of the unit registration's `address`.
 */
export const ORGS_FIELD_LABELS: Record<string, string> = {
  nature: '单位性质',
  level: '隶属关系',
  officePhone: '办公电话',
  mobilePhone: '移动电话',
  email: '邮箱',
  postalCode: '邮政编码',
  unitAddress: '单位通讯地址',
  description: '单位职能简介',
  licenceFileId: '营业执照',
  regionCode: '行政区划',
  hrssUnitId: '上级人社主管部门',
};

export const ORG_LEVELS = ['province', 'city', 'county'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** org_profiles.status as shown on the application page; 'none' = never saved. */
export const ORG_PROFILE_STATUS_LABELS = {
  none: '未填写',
  draft: '已保存（未确认）',
  submitted: '待审核',
  approved: '已确认',
  returned: '退回修改',
  rejected: '不同意',
} as const;
export type OrgProfileStatus = keyof typeof ORG_PROFILE_STATUS_LABELS;

export const CERT_TYPE_LABELS = { uscc: '统一社会信用代码', orgcode: '组织机构代码' } as const;

const required = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}字`);

/** 办公电话: 020-88886666, 0755-1234567-8 or plain digits (7–12). */
export const officePhone = required('办公电话', 20).regex(
  /^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,12})$/,
  '办公电话格式应为区号-号码（如020-88886666）或纯数字',
);
export const orgMobilePhone = required('移动电话', 11).regex(/^1[3-9]\d{9}$/, '移动电话应为11位手机号码');
export const postalCode = z
  .string({ error: '请填写邮政编码' })
  .trim()
  .regex(/^\d{6}$/, '邮政编码应为6位数字');
export const emailAddress = z
  .string({ error: '请填写邮箱' })
  .trim()
  .min(1, '请填写邮箱')
  .max(100, '邮箱不能超过100字')
  .pipe(z.email('邮箱格式错误'));

/** The fields 法人单位信息维护 may change without review (manual 003 §1.2.2, SPEC §3). */
export const orgContactFields = z.object({
  contactName: required('联系人', 50),
  officePhone,
  mobilePhone: orgMobilePhone,
  email: emailAddress,
  postalCode,
  unitAddress: required('单位通讯地址', 100),
  description: required('单位职能简介', 500),
});

/**
 * 法人单位角色申请 保存. 单位名称, 代码类型, 单位代码 and 行政区划 come from the unit account
 * (identity platform) and 上级人社主管部门 from the unit's city; they are not sent.
 */
export const employerApplicationRequest = orgContactFields.extend({
  nature: z.enum(UNIT_NATURES, { error: '请选择单位性质' }),
  level: z.enum(ORG_LEVELS, { error: '请选择隶属关系' }),
});
export type EmployerApplicationRequest = z.infer<typeof employerApplicationRequest>;

export const attachLicenceRequest = z.object({
  licenceFileId: z.uuid('请先上传营业执照'),
});

/**
 * 法人单位信息维护 保存. Only the contact fields change; the locked fields may be sent back
 * unchanged (a form posting everything), but a different value is refused naming the field.
 */
export const employerProfileUpdateRequest = orgContactFields.extend({
  unitName: z.string().optional(),
  certType: z.string().optional(),
  certNumber: z.string().optional(),
  nature: z.string().optional(),
  level: z.string().optional(),
  regionCode: z.string().optional(),
});
export type EmployerProfileUpdateRequest = z.infer<typeof employerProfileUpdateRequest>;

/** What the application and the 信息维护 pages show. */
export const employerProfile = z.object({
  status: z.enum(Object.keys(ORG_PROFILE_STATUS_LABELS) as [OrgProfileStatus]),
  unitName: z.string(),
  certType: z.enum(['uscc', 'orgcode']),
  certNumber: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  hrssUnitId: z.string().nullable(),
  hrssUnitName: z.string().nullable(),
  nature: z.string().nullable(),
  level: z.enum(ORG_LEVELS).nullable(),
  contactName: z.string().nullable(),
  officePhone: z.string().nullable(),
  mobilePhone: z.string().nullable(),
  email: z.string().nullable(),
  postalCode: z.string().nullable(),
  unitAddress: z.string().nullable(),
  description: z.string().nullable(),
  licence: z.object({ id: z.string(), name: z.string() }).nullable(),
  updatedAt: z.string().nullable(),
});
export type EmployerProfile = z.infer<typeof employerProfile>;

export const ORG_LEVEL_OPTIONS = ORG_LEVELS.map((value) => ({ value, label: ORG_LEVEL_LABELS[value] }));
