import { z } from 'zod';
import { QUALIFICATIONS, type Sex } from '../dicts';
import { checkIdNumber } from '../rules';
import { paged, pageQuery } from './common';
import { idNumber } from './identity';
import { SEXES } from './people';

/**
 * 师资信息维护 (manual 002 §1.6.1, 003 §1.7.1): the teachers of an org that runs classes.
 * Request fields have names of their own so the global labels (labels.ts) name them as the form does.
 */
export const TEACHERS_FIELD_LABELS: Record<string, string> = {
  teacherTitle: '专业技术资格',
  teacherEmail: 'E-Mail',
  teachableCourses: '可以教授课程',
  teacherIntro: '教师简介',
};

/** 状态 of a teacher: 启用 (may be chosen as 授课教师 or 班主任) or 禁用. */
export const TEACHER_STATUS_LABELS = { enabled: '启用', disabled: '禁用' } as const;
export type TeacherStatus = keyof typeof TEACHER_STATUS_LABELS;

const required = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}字`);

export const teacherInput = z.object({
  name: required('姓名', 50),
  sex: z.enum(SEXES, { error: '请选择性别' }),
  idNumber,
  teacherTitle: z.enum(QUALIFICATIONS, { error: '请选择专业技术资格' }),
  contactPhone: required('联系电话', 20).regex(
    /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/,
    '联系电话应为11位手机号码或带区号的固定电话',
  ),
  teacherEmail: required('E-Mail', 100).pipe(z.email('E-Mail格式错误')),
  teachableCourses: required('可以教授课程', 500),
  teacherIntro: required('教师简介', 1000),
});
export type TeacherInput = z.infer<typeof teacherInput>;

/** 性别 must agree with the 公民身份号码 (the 17th digit): the message, or null. */
export function teacherSexMismatch(id: string, sex: Sex): string | null {
  const check = checkIdNumber(id);
  if (!check.ok || check.sex === sex) return null;
  return `性别与公民身份号码不一致（应为${check.sex === 'male' ? '男' : '女'}）`;
}

export const teacherQuery = pageQuery.extend({
  name: z.string().trim().max(50).optional(),
  idNumber: z.string().trim().max(18).optional(),
});
export type TeacherQuery = z.infer<typeof teacherQuery>;

/** A row of the list: phone and ID number masked (SPEC §13). */
export const teacherListItem = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.enum(SEXES),
  idNumber: z.string(),
  contactPhone: z.string(),
  teachableCourses: z.string(),
  /** 职称 = 专业技术资格 */
  teacherTitle: z.string(),
  status: z.enum(['enabled', 'disabled']),
});
export type TeacherListItem = z.infer<typeof teacherListItem>;
export const teacherList = paged(teacherListItem);

/** 修改: every field in full. */
export const teacherDetail = teacherListItem.extend({
  teacherEmail: z.string(),
  teacherIntro: z.string(),
});
export type TeacherDetail = z.infer<typeof teacherDetail>;

/** 启用 / 禁用 / 删除 of the selected teachers (with confirmation on the page). */
export const teacherIdsRequest = z.object({
  ids: z.array(z.uuid('编号格式错误')).min(1, '请至少选择一名教师').max(500, '一次最多处理500名教师'),
});
export type TeacherIdsRequest = z.infer<typeof teacherIdsRequest>;

/** What 启用 / 禁用 / 删除 did: all selected teachers or none (one transaction). */
export const teacherBatchResult = z.object({
  ok: z.literal(true),
  count: z.number().int(),
  message: z.string(),
});
export type TeacherBatchResult = z.infer<typeof teacherBatchResult>;
