export type LoginNameCheck = { ok: true } | { ok: false; reason: string };

/** SPEC §2: a login name is letters, digits and underscore. */
/** The manual's hint under 登录账号 (manual 003 §1.1.3). */
export const LOGIN_NAME_HINT = '只能包含字母、数字、下划线';

export const LOGIN_NAME_PATTERN = /^[A-Za-z0-9_]{4,30}$/;

export function checkLoginName(name: string): LoginNameCheck {
  if (!/^[A-Za-z0-9_]*$/.test(name)) return { ok: false, reason: '登录账号只能包含字母、数字、下划线' };
  if (name.length < 4 || name.length > 30) return { ok: false, reason: '登录账号长度应为4-30位' };
  return { ok: true };
}
