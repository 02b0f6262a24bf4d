import { eq } from 'drizzle-orm';
import { audit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import type { Queryable } from '../../core/db';
import { AppError } from '../../core/errors';
import { endAccountSessions } from '../../core/session';
import { formatBeijing } from '../../core/time';
import { accounts } from '../../db/schema';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 60 * 60 * 1000;

/**
 * One wrong password for an account, at 登录 or as the 原密码 of 修改密码: the same counter
 * (accounts.failed_logins) and the same rule (SPEC §2): at the 5th consecutive failure the account
 * is locked for an hour, its sessions end and an `auth.locked` row is written. Runs in the
 * caller's transaction, on the row it has locked. Returns the lock error, or null below the limit
 * (the caller answers and audits the plain failure itself, with the returned count).
 */
export async function countPasswordFailure(
  tx: Queryable,
  ctx: RequestContext,
  account: { id: string; failedLogins: number },
  who: { id: string; loginName: string; name: string | null },
  now = new Date(),
): Promise<{ locked: AppError | null; failures: number }> {
  const failures = account.failedLogins + 1;
  if (failures < MAX_FAILED_LOGINS) {
    await tx.update(accounts).set({ failedLogins: failures }).where(eq(accounts.id, account.id));
    return { locked: null, failures };
  }
  const until = new Date(now.getTime() + LOCK_MS);
  await tx.update(accounts).set({ failedLogins: 0, lockedUntil: until }).where(eq(accounts.id, account.id));
  await endAccountSessions(tx, account.id);
  await audit(tx, ctx, {
    action: 'auth.locked',
    outcome: 'failure',
    actor: who,
    objectType: 'account',
    objectId: account.id,
  });
  return {
    failures,
    locked: new AppError(
      'ACCOUNT_LOCKED',
      `密码连续错误${MAX_FAILED_LOGINS}次，账号已被锁定1小时，请于 ${formatBeijing(until)} 后再登录`,
    ),
  };
}
