export type PasswordCheck = { ok: true } | { ok: false; reason: string };

/** The manuals' wording, shown beside every password field. */
export const PASSWORD_HINT = '密码必须为8-16位不连续字母跟数字混合';

const ALLOWED = /^[A-Za-z0-9!@#$%^&*()_+\-=.,?]*$/;

/** SPEC §2 password policy: 8–16 chars, letters and digits mixed, no run of 3 consecutive or repeated. */
export function checkPassword(pw: string): PasswordCheck {
  if (pw.length < 8 || pw.length > 16) return { ok: false, reason: '密码长度应为8-16位' };
  if (!ALLOWED.test(pw)) return { ok: false, reason: '密码包含不允许的字符' };
  if (!/[A-Za-z]/.test(pw) || !/\d/.test(pw)) return { ok: false, reason: '密码必须同时包含字母和数字' };
  if (hasRunOfThree(pw.toLowerCase())) {
    return { ok: false, reason: '密码不能包含3位及以上连续或重复的字符（如abc、321、aaa）' };
  }
  return { ok: true };
}

/** 'aaa' / '111' anywhere, or 'abc' / 'cba' / '123' / '321' among letters or among digits. */
function hasRunOfThree(pw: string): boolean {
  for (let i = 0; i + 2 < pw.length; i++) {
    const [a, b, c] = [pw[i], pw[i + 1], pw[i + 2]];
    if (a === b && b === c) return true;
    const sameClass = (/\d/.test(a) && /\d/.test(b) && /\d/.test(c)) || /^[a-z]{3}$/.test(a + b + c);
    if (!sameClass) continue;
    const step1 = b.charCodeAt(0) - a.charCodeAt(0);
    const step2 = c.charCodeAt(0) - b.charCodeAt(0);
    if (step1 === step2 && Math.abs(step1) === 1) return true;
  }
  return false;
}
