import { describe, expect, it } from 'vitest';
import { checkLoginName, LOGIN_NAME_PATTERN } from './login-name';

describe('checkLoginName (SPEC §2)', () => {
  it('accepts letters, digits and underscore, 4 to 30 long', () => {
    for (const name of ['zhang_san', 'abcd', 'A1_b', 'x'.repeat(30)]) {
      expect(checkLoginName(name), name).toEqual({ ok: true });
      expect(LOGIN_NAME_PATTERN.test(name)).toBe(true);
    }
  });

  it('rejects other characters', () => {
    for (const name of ['张三丰', 'zhang san', 'zhang-san', 'a@b.cn']) {
      expect(checkLoginName(name), name).toEqual({ ok: false, reason: '登录账号只能包含字母、数字、下划线' });
      expect(LOGIN_NAME_PATTERN.test(name)).toBe(false);
    }
  });

  it('rejects a wrong length', () => {
    for (const name of ['', 'abc', 'x'.repeat(31)]) {
      expect(checkLoginName(name), name).toEqual({ ok: false, reason: '登录账号长度应为4-30位' });
      expect(LOGIN_NAME_PATTERN.test(name)).toBe(false);
    }
  });
});
