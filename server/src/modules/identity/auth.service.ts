import type { SessionInfo } from '@ce/shared';
import { maskPhone } from '@ce/shared';
import { and, eq } from 'drizzle-orm';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import type { Queryable } from '../../core/db';
import { AppError } from '../../core/errors';
import { createSession, endAccountSessions, endSession, unitRoleGrants } from '../../core/session';
import { checkSmsCode, consumeSmsCode, issueSmsCode } from '../../core/sms';
import { formatBeijing } from '../../core/time';
import { accounts, agentBindings, units } from '../../db/schema';
import { verifyCaptcha } from './captcha';
import { findAccountByLogin, findPerson, findUnit, lockAccountRow } from './identity.repository';
import { countPasswordFailure } from './password-failures';
import { dummyHash, hashPassword, verifyPassword } from './passwords';

export { LOCK_MS, MAX_FAILED_LOGINS } from './password-failures';

export function sessionInfoOf(actor: Actor): SessionInfo {
  return {
    account: {
      id: actor.accountId,
      kind: actor.accountKind,
      loginName: actor.loginName,
      displayName: actor.displayName,
      realnameLevel: actor.realnameLevel,
      mustChangePassword: actor.mustChangePassword,
    },
    actorKind: actor.kind,
    actingUnit: actor.actingUnit
      ? {
          id: actor.actingUnit.id,
          name: actor.actingUnit.name,
          roles: actor.actingUnit.roles.map((r) => r.role),
        }
      : null,
    permissions: [...actor.permissions],
    expiresAt: actor.expiresAt.toISOString(),
  };
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

/** Name and phone of an account: the person's own, or the unit's name and contact phone. */
async function contactOf(q: Queryable, account: { id: string; kind: 'person' | 'unit' }) {
  if (account.kind === 'person') {
    const person = await findPerson(q, account.id);
    return { name: person?.realName ?? null, phone: person?.phone ?? null };
  }
  const unit = await findUnit(q, account.id);
  return { name: unit?.name ?? null, phone: unit?.contactPhone ?? null };
}

type LoginOutcome = { ok: true; session: NewSession } | { ok: false; error: AppError };

/**
 * 个人登录 / 单位登录. Five consecutive failures lock the account for an hour (SPEC §2).
 * Failures are committed (counter, lock, audit) before the error is returned.
 */
export async function login(
  s: Services,
  ctx: RequestContext,
  input: {
    accountType: 'person' | 'unit';
    loginName: string;
    password: string;
    captchaId: string;
    captcha: string;
  },
  userAgent: string | null,
  /** the session this browser still holds (its cookie), ended when the new one opens */
  heldSession: Actor | null = null,
): Promise<NewSession> {
  await verifyCaptcha(s.db, input.captchaId, input.captcha);
  const found = await findAccountByLogin(s.db, input.loginName);
  const badCredentials = new AppError(
    'BAD_CREDENTIALS',
    '账号或密码错误（密码连续错误5次后账号将被锁定1小时）',
  );
  if (!found || found.kind !== input.accountType) {
    await verifyPassword(await dummyHash(), input.password);
    await audit(s.db, ctx, {
      action: 'auth.login_failed',
      outcome: 'failure',
      detail: { loginName: input.loginName.slice(0, 50), reason: '账号不存在' },
    });
    throw badCredentials;
  }

  const outcome = await s.db.transaction(async (tx): Promise<LoginOutcome> => {
    const account = await lockAccountRow(tx, found.id);
    if (!account) return { ok: false, error: badCredentials };
    const who = { id: account.id, loginName: account.loginName, name: (await contactOf(tx, account)).name };
    const now = new Date();
    if (account.disabled) {
      await audit(tx, ctx, {
        action: 'auth.login_failed',
        outcome: 'failure',
        actor: who,
        detail: { reason: '账号已停用' },
      });
      return { ok: false, error: new AppError('ACCOUNT_DISABLED', '账号已停用，请联系管理员') };
    }
    if (account.lockedUntil && account.lockedUntil > now) {
      await audit(tx, ctx, {
        action: 'auth.login_failed',
        outcome: 'failure',
        actor: who,
        detail: { reason: '账号已锁定' },
      });
      return {
        ok: false,
        error: new AppError(
          'ACCOUNT_LOCKED',
          `账号已被锁定，请于 ${formatBeijing(account.lockedUntil)} 后再登录`,
        ),
      };
    }
    if (!(await verifyPassword(account.passwordHash, input.password))) {
      const { locked, failures } = await countPasswordFailure(tx, ctx, account, who, now);
      if (locked) return { ok: false, error: locked };
      await audit(tx, ctx, {
        action: 'auth.login_failed',
        outcome: 'failure',
        actor: who,
        detail: { reason: '密码错误', failures },
      });
      return { ok: false, error: badCredentials };
    }
    await tx.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
    if (heldSession) {
      // a new login in the same browser ends the session it held (another account's, or its own)
      await endSession(tx, heldSession.sessionId);
      await audit(
        tx,
        { ...ctx, actor: heldSession },
        {
          action: 'auth.logout',
          objectType: 'account',
          objectId: heldSession.accountId,
          detail: { reason: '同一浏览器重新登录' },
        },
      );
    }
    const session = await createSession(tx, s.config, {
      accountId: account.id,
      actingUnitId: null,
      ip: ctx.ip,
      userAgent,
    });
    await audit(tx, ctx, { action: 'auth.login', actor: who, objectType: 'account', objectId: account.id });
    return { ok: true, session };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.session;
}

/** 退出: ends every session of the account (the issue: logout ends all sessions of that account). */
export async function logout(s: Services, ctx: RequestContext, actor: Actor): Promise<void> {
  await s.db.transaction(async (tx) => {
    await endAccountSessions(tx, actor.accountId);
    await audit(tx, ctx, { action: 'auth.logout', objectType: 'account', objectId: actor.accountId });
  });
}

/** Units a person may act for: active bindings with the CE system authorized. */
export async function actingUnits(s: Services, actor: Actor) {
  if (actor.accountKind !== 'person') return [];
  const rows = await s.db
    .select({ unitId: units.accountId, unitName: units.name, loginName: accounts.loginName })
    .from(agentBindings)
    .innerJoin(units, eq(units.accountId, agentBindings.unitId))
    .innerJoin(accounts, eq(accounts.id, units.accountId))
    .where(
      and(
        eq(agentBindings.personId, actor.accountId),
        eq(agentBindings.status, 'active'),
        eq(agentBindings.authorized, true),
      ),
    )
    .orderBy(units.name);
  return Promise.all(
    rows.map(async (r) => ({ ...r, roles: (await unitRoleGrants(s.db, r.unitId)).map((g) => g.role) })),
  );
}

/** 使用选中的单位账号登录: a new session (new token) acting for the unit. */
export async function switchToUnit(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  unitId: string,
  userAgent: string | null,
): Promise<NewSession> {
  if (actor.accountKind !== 'person') throw new AppError('FORBIDDEN', '单位账号不能再选择单位账号登录');
  const allowed = (await actingUnits(s, actor)).find((u) => u.unitId === unitId);
  if (!allowed) throw new AppError('FORBIDDEN', '您不是该单位的已授权经办人，不能使用该单位账号登录');
  return s.db.transaction(async (tx) => {
    await endSession(tx, actor.sessionId);
    const session = await createSession(tx, s.config, {
      accountId: actor.accountId,
      actingUnitId: unitId,
      ip: ctx.ip,
      userAgent,
    });
    // the row belongs to the unit now acted for, so that unit's region sees it
    const unit = await findUnit(tx, unitId);
    const actingUnit = unit ? { id: unitId, name: unit.name, regionCode: unit.regionCode, roles: [] } : null;
    await audit(
      tx,
      { ...ctx, actor: { ...actor, actingUnit } },
      {
        action: 'auth.switch_unit',
        objectType: 'unit',
        objectId: unitId,
        detail: { unitName: allowed.unitName },
      },
    );
    return session;
  });
}

/** 切换回个人账号. */
export async function switchToPerson(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  userAgent: string | null,
): Promise<NewSession> {
  if (!actor.actingUnit) throw new AppError('INVALID_STATE', '当前已是个人身份');
  return s.db.transaction(async (tx) => {
    await endSession(tx, actor.sessionId);
    const session = await createSession(tx, s.config, {
      accountId: actor.accountId,
      actingUnitId: null,
      ip: ctx.ip,
      userAgent,
    });
    await audit(tx, ctx, {
      action: 'auth.switch_person',
      objectType: 'unit',
      objectId: actor.actingUnit?.id ?? null,
    });
    return session;
  });
}

/** 修改密码 (also the forced change at first login): ends every session, opens a fresh one. */
export async function changePassword(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  input: { oldPassword: string; newPassword: string },
  userAgent: string | null,
): Promise<NewSession> {
  const newHash = await hashPassword(input.newPassword);
  const outcome = await s.db.transaction(async (tx): Promise<LoginOutcome> => {
    const account = await lockAccountRow(tx, actor.accountId);
    if (!account) return { ok: false, error: new AppError('UNAUTHENTICATED', '请先登录') };
    if (!(await verifyPassword(account.passwordHash, input.oldPassword))) {
      // counted with the login failures: 5 in a row lock the account and end its sessions
      const who = { id: account.id, loginName: account.loginName, name: actor.displayName };
      const { locked, failures } = await countPasswordFailure(tx, ctx, account, who);
      await audit(tx, ctx, {
        action: 'auth.password_change',
        outcome: 'failure',
        detail: { reason: '原密码错误', failures },
      });
      if (locked) return { ok: false, error: locked };
      return {
        ok: false,
        error: new AppError('VALIDATION', '原密码：原密码错误（密码连续错误5次后账号将被锁定1小时）', [
          { field: 'oldPassword', label: '原密码', message: '原密码错误' },
        ]),
      };
    }
    if (input.oldPassword === input.newPassword) {
      return {
        ok: false,
        error: new AppError('VALIDATION', '新密码：新密码不能与原密码相同', [
          { field: 'newPassword', label: '新密码', message: '新密码不能与原密码相同' },
        ]),
      };
    }
    await tx
      .update(accounts)
      .set({
        passwordHash: newHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        failedLogins: 0,
      })
      .where(eq(accounts.id, actor.accountId));
    await endAccountSessions(tx, actor.accountId);
    const session = await createSession(tx, s.config, {
      accountId: actor.accountId,
      actingUnitId: actor.actingUnit?.id ?? null,
      ip: ctx.ip,
      userAgent,
    });
    await audit(tx, ctx, {
      action: 'auth.password_change',
      objectType: 'account',
      objectId: actor.accountId,
    });
    return { ok: true, session };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.session;
}

/** 密码找回, step 1: sends a code when login name and phone match, and says the same either way. */
export async function sendResetCode(
  s: Services,
  ctx: RequestContext,
  input: { loginName: string; phone: string; captchaId: string; captcha: string },
): Promise<{ phoneMasked: string; message: string }> {
  await verifyCaptcha(s.db, input.captchaId, input.captcha);
  const account = await findAccountByLogin(s.db, input.loginName);
  // the code goes to the registered phone: the person's mobile or the unit's contact phone
  const phone = account ? (await contactOf(s.db, account)).phone : null;
  const phoneMasked = maskPhone(input.phone);
  const message = `如账号与手机号码匹配，验证码已发送至 ${phoneMasked}，10分钟内有效`;
  await s.db.transaction(async (tx) => {
    if (!account || phone !== input.phone) {
      await audit(tx, ctx, {
        action: 'auth.password_reset_sms',
        outcome: 'failure',
        detail: { loginName: input.loginName.slice(0, 50), reason: '账号与手机号码不匹配' },
      });
      return;
    }
    await issueSmsCode(
      tx,
      { secret: s.config.sessionSecret, sms: s.sms },
      {
        phone,
        purpose: 'password_reset',
        subject: account.id,
      },
    );
    await audit(tx, ctx, {
      action: 'auth.password_reset_sms',
      actor: { id: account.id, loginName: account.loginName, name: null },
      objectType: 'account',
      objectId: account.id,
    });
  });
  return { phoneMasked, message };
}

/** 密码找回, step 2: a valid code sets the new password, unlocks the account and ends its sessions. */
export async function resetPassword(
  s: Services,
  ctx: RequestContext,
  input: { loginName: string; phone: string; code: string; newPassword: string },
): Promise<void> {
  const account = await findAccountByLogin(s.db, input.loginName);
  if (!account) throw new AppError('SMS_CODE_INVALID', '短信验证码无效，请重新获取');
  const codeId = await checkSmsCode(s.db, s.config.sessionSecret, {
    phone: input.phone,
    purpose: 'password_reset',
    subject: account.id,
    code: input.code,
  });
  const newHash = await hashPassword(input.newPassword);
  await s.db.transaction(async (tx) => {
    await consumeSmsCode(tx, codeId);
    await tx
      .update(accounts)
      .set({
        passwordHash: newHash,
        mustChangePassword: false,
        failedLogins: 0,
        lockedUntil: null,
        passwordChangedAt: new Date(),
      })
      .where(eq(accounts.id, account.id));
    await endAccountSessions(tx, account.id);
    await audit(tx, ctx, {
      action: 'auth.password_reset',
      actor: { id: account.id, loginName: account.loginName, name: null },
      objectType: 'account',
      objectId: account.id,
    });
  });
}
