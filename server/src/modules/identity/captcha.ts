import { and, eq, gt, lt } from 'drizzle-orm';
import svgCaptcha from 'svg-captcha';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { captchas } from '../../db/schema';

const LIFE_MS = 5 * 60 * 1000;

export async function createCaptcha(db: Db): Promise<{ captchaId: string; svg: string }> {
  const c = svgCaptcha.create({
    size: 4,
    noise: 2,
    ignoreChars: '0oO1iIlL',
    color: true,
    background: '#f4f6fa',
  });
  await db.delete(captchas).where(lt(captchas.expiresAt, new Date()));
  const [row] = await db
    .insert(captchas)
    .values({ answer: c.text.toLowerCase(), expiresAt: new Date(Date.now() + LIFE_MS) })
    .returning({ id: captchas.id });
  return { captchaId: row.id, svg: c.data };
}

/** Checks and spends a captcha (single use, whatever the outcome). */
export async function verifyCaptcha(db: Db, captchaId: string, answer: string): Promise<void> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(captchaId);
  const [row] = isUuid
    ? await db
        .delete(captchas)
        .where(and(eq(captchas.id, captchaId), gt(captchas.expiresAt, new Date())))
        .returning({ answer: captchas.answer })
    : [];
  if (!row || row.answer !== answer.trim().toLowerCase()) {
    throw new AppError('CAPTCHA_INVALID', '验证码错误或已过期，请重新输入', [
      { field: 'captcha', label: '验证码', message: '验证码错误或已过期' },
    ]);
  }
}
