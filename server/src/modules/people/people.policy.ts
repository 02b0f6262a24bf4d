import { idNumberMismatch } from '@ce/shared';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import type { Queryable } from '../../core/db';
import { fieldError, forbidden, invalidState } from '../../core/errors';
import { professionals } from '../../db/schema';

export type ProfessionalRow = typeof professionals.$inferSelect;
export type ConfirmedProfessional = ProfessionalRow & { employerId: string; bindingStatus: 'confirmed' };

/**
 * The person's professional profile when their employer has confirmed it (manual 001 §3.2.1:
 * records may be declared only after 专业技术人员信息确认). Otherwise explains what is missing.
 */
export async function confirmedProfessionalOf(
  q: Queryable,
  personAccountId: string,
): Promise<ConfirmedProfessional> {
  const [row] = await q.select().from(professionals).where(eq(professionals.personId, personAccountId));
  if (!row || row.bindingStatus === 'none' || !row.employerId) {
    throw invalidState('请先在“人员基本信息维护”中填写个人信息并选择所属单位提交');
  }
  if (row.bindingStatus === 'pending') {
    throw invalidState('您的所属单位尚未确认您的人员信息，确认后才能申报继续教育记录');
  }
  if (row.bindingStatus === 'rejected') {
    throw invalidState('您的所属单位未通过您的人员信息确认（否），请重新选择单位提交');
  }
  return { ...row, employerId: row.employerId, bindingStatus: 'confirmed' };
}

/** The acting unit's id when it holds an active employer role (法人单位). */
export function employerUnitId(actor: Actor): string {
  const unit = actor.actingUnit;
  if (!unit?.roles.some((r) => r.role === 'employer')) {
    throw forbidden('仅法人单位可使用此功能');
  }
  return unit.id;
}

/**
 * 性别 and 出生日期 must agree with the 公民身份号码 (SPEC §4), and no date lies in the future
 * or before birth. Throws a 400 naming the field.
 */
export function assertProfileDates(
  idNumber: string,
  input: { sex: 'male' | 'female'; birthDate: string } & Record<DateField, string | null>,
  today = new Date().toISOString().slice(0, 10),
): void {
  const mismatch = idNumberMismatch(idNumber, input);
  if (mismatch) throw fieldError(mismatch.field, mismatch.message);
  for (const field of DATE_FIELDS) {
    const value = input[field];
    if (!value) continue;
    if (value > today) throw fieldError(field, '不能晚于今天');
    if (value < input.birthDate) throw fieldError(field, '不能早于出生日期');
  }
}

const DATE_FIELDS = ['graduationDate', 'workStartDate', 'qualificationDate'] as const;
type DateField = (typeof DATE_FIELDS)[number];
