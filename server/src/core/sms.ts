import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { smsCodes, smsOutbox } from '../db/schema';
import type { Db, Queryable } from './db';
import { AppError } from './errors';

export interface SmsMessage {
  phone: string;
  purpose: 'password_reset' | 'unit_register';
  content: string;
  regionCode?: string | null;
}

/** The SMS gateway adapter. A real gateway implements this; the default writes to the outbox. */
export interface SmsSender {
  send(q: Queryable, message: SmsMessage): Promise<void>;
}

/** Default adapter: messages go to `sms_outbox`, which HRSS operators read under 短信发件箱. */
export const outboxSmsSender: SmsSender = {
  async send(q, m) {
    await q.insert(smsOutbox).values({
      phone: m.phone,
      purpose: m.purpose,
      content: m.content,
      regionCode: m.regionCode ?? null,
    });
  },
};

const CODE_LIFE_MS = 10 * 60 * 1000;
const RESEND_GAP_MS = 60 * 1000;
const MAX_ATTEMPTS = 5;

export interface CodeSubject {
  phone: string;
  purpose: SmsMessage['purpose'];
  /** what the code authorizes, e.g. the login name being reset */
  subject: string;
}

function hashCode(secret: string, s: CodeSubject, code: string): string {
  return createHmac('sha256', secret).update(`${s.purpose}|${s.subject}|${s.phone}|${code}`).digest('hex');
}

/** Issues a 6-digit code, valid 10 minutes, single use, and sends it through the adapter. */
export async function issueSmsCode(
  q: Queryable,
  deps: { secret: string; sms: SmsSender },
  s: CodeSubject & { regionCode?: string | null; now?: Date },
): Promise<void> {
  const now = s.now ?? new Date();
  const [recent] = await q
    .select({ createdAt: smsCodes.createdAt })
    .from(smsCodes)
    .where(
      and(
        eq(smsCodes.phone, s.phone),
        eq(smsCodes.purpose, s.purpose),
        gt(smsCodes.createdAt, new Date(now.getTime() - RESEND_GAP_MS)),
      ),
    )
    .limit(1);
  if (recent) throw new AppError('RATE_LIMITED', '验证码发送过于频繁，请60秒后再获取');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await q.insert(smsCodes).values({
    phone: s.phone,
    purpose: s.purpose,
    subject: s.subject,
    codeHash: hashCode(deps.secret, s, code),
    expiresAt: new Date(now.getTime() + CODE_LIFE_MS),
    createdAt: now,
  });
  const what = s.purpose === 'password_reset' ? '密码找回' : '单位注册';
  await deps.sms.send(q, {
    phone: s.phone,
    purpose: s.purpose,
    regionCode: s.regionCode ?? null,
    content: `【广东省专业技术人员继续教育管理系统】您正在进行${what}，验证码：${code}，10分钟内有效。如非本人操作，请忽略本短信。`,
  });
}

/**
 * Checks a code in its own transaction, so that a wrong guess is counted even though the
 * use case then fails. Returns the id of the matching code; `consumeSmsCode` spends it inside
 * the use case's transaction.
 */
export async function checkSmsCode(
  db: Db,
  secret: string,
  s: CodeSubject & { code: string },
): Promise<string> {
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(smsCodes)
        .where(
          and(eq(smsCodes.phone, s.phone), eq(smsCodes.purpose, s.purpose), eq(smsCodes.subject, s.subject)),
        )
        .orderBy(desc(smsCodes.createdAt))
        .limit(1)
        .for('update');
      if (!row || row.usedAt) throw new AppError('SMS_CODE_INVALID', '短信验证码无效，请重新获取');
      if (row.expiresAt.getTime() < Date.now()) {
        throw new AppError('SMS_CODE_INVALID', '短信验证码已过期，请重新获取');
      }
      if (row.attempts >= MAX_ATTEMPTS) {
        throw new AppError('SMS_CODE_INVALID', '短信验证码错误次数过多，请重新获取');
      }
      const expected = Buffer.from(row.codeHash, 'hex');
      const actual = Buffer.from(hashCode(secret, s, s.code), 'hex');
      if (!timingSafeEqual(expected, actual)) {
        await tx
          .update(smsCodes)
          .set({ attempts: sql`${smsCodes.attempts} + 1` })
          .where(eq(smsCodes.id, row.id));
        return '';
      }
      return row.id;
    })
    .then((id) => {
      if (!id) throw new AppError('SMS_CODE_INVALID', '短信验证码错误');
      return id;
    });
}

/** Spends a checked code; a second use (a race) fails. */
export async function consumeSmsCode(q: Queryable, id: string): Promise<void> {
  const used = await q
    .update(smsCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(smsCodes.id, id), isNull(smsCodes.usedAt)))
    .returning({ id: smsCodes.id });
  if (used.length === 0) throw new AppError('SMS_CODE_INVALID', '短信验证码已使用，请重新获取');
}
