import { z } from 'zod';
import { DEGREES, EDUCATIONS, ETHNICITIES, QUALIFICATIONS, SERIES, type Sex } from '../dicts';
import { checkIdNumber } from '../rules';
import { paged, pageQuery } from './common';
import { idNumber } from './identity';

/**
 * Request-field labels of this domain (merged into FIELD_LABELS in labels.ts).
 * 联系电话 is `contactPhone` (the identity platform's label) and 通信地址 `mailingAddress`, so
 * neither takes the label of the account's `phone` or the unit's `address`.
 */
export const PEOPLE_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  sex: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  nativePlace: '籍贯',
  education: '最高学历',
  degree: '最高学位',
  major: '所学专业',
  school: '毕业院校',
  graduationDate: '毕业时间',
  workStartDate: '参加工作时间',
  email: '邮箱',
  qualification: '专业技术任职资格',
  qualificationDate: '取得资格时间',
  series: '专业系列',
  specialty: '从事专业',
  postalCode: '邮政编码',
  mailingAddress: '通信地址',
  employerId: '所属单位',
};

export const SEXES = ['male', 'female'] as const satisfies readonly Sex[];

export const EMPLOYER_BINDING_STATUSES = ['none', 'pending', 'confirmed', 'rejected'] as const;
export type EmployerBindingStatus = (typeof EMPLOYER_BINDING_STATUSES)[number];
/** How the person's page names the binding (manual 001 §3.2.1, manual 003 §1.5.1 是/否). */
export const EMPLOYER_BINDING_LABELS: Record<EmployerBindingStatus, string> = {
  none: '未提交',
  pending: '待单位确认',
  confirmed: '已确认',
  rejected: '单位未通过（否）',
};

const required = (label: string, max = 50) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}字`);
const pick = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `请选择${label}` });
/** A real calendar date 'YYYY-MM-DD' (2020-02-30 is refused before it reaches the database). */
const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
const date = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`)
    .refine(isRealDate, `${label}不是有效日期`);
/** optional text: '' and null both mean "not given" */
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}字`)
    .nullish()
    .transform((v) => v || null);

/** 联系电话: a mobile number or a fixed line with its area code. */
const contactPhone = required('联系电话', 20).regex(
  /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/,
  '联系电话应为11位手机号码或带区号的固定电话',
);

/** Every field of 人员基本信息 (SPEC §4) except 公民身份号码 and 所属单位. */
export const professionalFields = z.object({
  name: required('姓名'),
  sex: pick(SEXES, '性别'),
  ethnicity: pick(ETHNICITIES, '民族'),
  birthDate: date('出生日期'),
  nativePlace: required('籍贯', 100),
  education: pick(EDUCATIONS, '最高学历'),
  degree: z
    .enum(DEGREES, { error: '请选择最高学位' })
    .nullish()
    .transform((v) => v ?? null),
  major: required('所学专业', 100),
  school: required('毕业院校', 100),
  graduationDate: date('毕业时间'),
  workStartDate: date('参加工作时间'),
  contactPhone,
  email: z
    .string()
    .trim()
    .max(100, '邮箱不能超过100字')
    .nullish()
    .transform((v) => v || null)
    .pipe(z.email('邮箱格式错误').nullable()),
  qualification: pick(QUALIFICATIONS, '专业技术任职资格'),
  qualificationDate: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(date('取得资格时间').nullable()),
  series: pick(SERIES, '专业系列'),
  specialty: required('从事专业', 100),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, '邮政编码应为6位数字')
    .nullish()
    .transform((v) => v || null),
  mailingAddress: optionalText('通信地址', 100),
});
export type ProfessionalFields = z.infer<typeof professionalFields>;

/**
 * 性别 and 出生日期 must agree with the 公民身份号码 (SPEC §4): the field that disagrees, or null.
 * Called by the server for every save; the web uses it to warn before saving.
 */
export function idNumberMismatch(
  id: string,
  fields: { sex: Sex; birthDate: string },
): { field: 'sex' | 'birthDate'; message: string } | null {
  const check = checkIdNumber(id);
  if (!check.ok) return null;
  if (check.birthDate !== fields.birthDate) {
    return { field: 'birthDate', message: `出生日期与公民身份号码不一致（应为${check.birthDate}）` };
  }
  if (check.sex !== fields.sex) {
    return { field: 'sex', message: `性别与公民身份号码不一致（应为${check.sex === 'male' ? '男' : '女'}）` };
  }
  return null;
}

// ---------- the person: 人员基本信息维护 ----------

/** 保存: the profile and the picked employer (the binding changes only at 提交). */
export const myProfileRequest = professionalFields.extend({
  employerId: z.uuid('请选择所属单位').nullish(),
});
export type MyProfileRequest = z.infer<typeof myProfileRequest>;

/** 提交: saves and sends the binding to the employer for 专业技术人员信息确认. */
export const mySubmitRequest = professionalFields.extend({
  employerId: z.uuid('请选择所属单位'),
});
export type MySubmitRequest = z.infer<typeof mySubmitRequest>;

export const employerBrief = z.object({ id: z.string(), name: z.string(), regionName: z.string() });
export type EmployerBrief = z.infer<typeof employerBrief>;

export const employerSearchQuery = z.object({ name: z.string().trim().max(50).optional() });
export const employerSearchResponse = z.array(employerBrief);

/** A full profile (detail pages: the ID and phone in full, SPEC §13). */
export const professionalDetail = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.enum(SEXES),
  idNumber: z.string(),
  ethnicity: z.string(),
  birthDate: z.string(),
  nativePlace: z.string(),
  education: z.string(),
  degree: z.string().nullable(),
  major: z.string(),
  school: z.string(),
  graduationDate: z.string(),
  workStartDate: z.string(),
  contactPhone: z.string(),
  email: z.string().nullable(),
  qualification: z.string(),
  qualificationDate: z.string().nullable(),
  series: z.string(),
  specialty: z.string(),
  postalCode: z.string().nullable(),
  mailingAddress: z.string().nullable(),
  employer: employerBrief.nullable(),
  bindingStatus: z.enum(EMPLOYER_BINDING_STATUSES),
  /** when the binding last changed (提交 / 是 / 否 / 新增) */
  bindingAt: z.string().nullable(),
  /** a person account is linked (the ID number has registered) */
  hasAccount: z.boolean(),
  updatedAt: z.string(),
});
export type ProfessionalDetail = z.infer<typeof professionalDetail>;

export const myProfileResponse = z.object({
  /** from the account (real name, ID number) when nothing is saved yet */
  prefill: z.object({
    name: z.string(),
    idNumber: z.string(),
    sex: z.enum(SEXES).nullable(),
    birthDate: z.string().nullable(),
    contactPhone: z.string(),
  }),
  profile: professionalDetail.nullable(),
});
export type MyProfileResponse = z.infer<typeof myProfileResponse>;

export const profileSaveResponse = z.object({ message: z.string(), profile: professionalDetail });

// ---------- the employer: 专业技术人员信息确认 / 信息维护 ----------

export const staffListQuery = pageQuery.extend({
  name: z.string().trim().max(50).optional(),
  idNumber: z.string().trim().max(18).optional(),
});
export type StaffListQuery = z.infer<typeof staffListQuery>;

/** A row of 单位人员基本信息 (the ID number masked). Used by the records pages too. */
export const staffListItem = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.enum(SEXES),
  idNumber: z.string(),
  education: z.string(),
  workStartDate: z.string(),
  series: z.string(),
  bindingStatus: z.enum(EMPLOYER_BINDING_STATUSES),
});
export type StaffListItem = z.infer<typeof staffListItem>;
export const staffListResponse = paged(staffListItem);

/** A row of 专业技术人员信息确认: a person who picked this employer and waits for 是 / 否. */
export const pendingStaffItem = staffListItem.extend({ submittedAt: z.string().nullable() });
export type PendingStaffItem = z.infer<typeof pendingStaffItem>;
export const pendingStaffResponse = paged(pendingStaffItem);

export const staffIdsRequest = z.object({
  ids: z.array(z.uuid('编号格式错误')).min(1, '请至少选择一名人员').max(500, '一次最多确认500名人员'),
});

/** 新增: the employer fills in the profile, keyed by the ID number. */
export const staffCreateRequest = professionalFields.extend({ idNumber });
export type StaffCreateRequest = z.infer<typeof staffCreateRequest>;

/** 修改: the same fields; the ID number does not change. */
export const staffUpdateRequest = professionalFields;
