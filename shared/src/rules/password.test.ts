import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_HINT } from './password';

const RUN = '密码不能包含3位及以上连续或重复的字符（如abc、321、aaa）';

describe('checkPassword (SPEC §2)', () => {
  it('accepts mixed letters and digits without runs', () => {
    for (const pw of ['Gd2024Edu', 'a1b2c3d4', 'Zx9Ab8Cd7', 'q1w2e3r4!', 'Ab13Ce57Gi9Km2Np', 'Ab1-_.,?']) {
      expect(checkPassword(pw), pw).toEqual({ ok: true });
    }
  });

  it('rejects a wrong length', () => {
    const reason = '密码长度应为8-16位';
    expect(checkPassword('Gd20Ed7')).toEqual({ ok: false, reason });
    expect(checkPassword('')).toEqual({ ok: false, reason });
    expect(checkPassword('Ab13Ce57Gi9Km2Np7')).toEqual({ ok: false, reason });
  });

  it('requires both letters and digits', () => {
    const reason = '密码必须同时包含字母和数字';
    expect(checkPassword('GdEduKmNp')).toEqual({ ok: false, reason });
    expect(checkPassword('20241357')).toEqual({ ok: false, reason });
    expect(checkPassword('!@#$%^&*')).toEqual({ ok: false, reason });
  });

  it('rejects ascending and descending runs of letters or digits', () => {
    for (const pw of ['Gd2024abc', 'Gd2024cba', 'Gd123Edu7', 'Gd321Edu7', 'GdXyZ2024', 'Gd20Edu98765']) {
      expect(checkPassword(pw), pw).toEqual({ ok: false, reason: RUN });
    }
  });

  it('rejects three identical characters, ignoring case', () => {
    for (const pw of ['Gd2024aaa', 'Gd111Edu7', 'GdaAa2024', 'Gd2024!!!']) {
      expect(checkPassword(pw), pw).toEqual({ ok: false, reason: RUN });
    }
  });

  it('does not treat a letter-digit boundary as a run', () => {
    expect(checkPassword('Gd20Ed89a')).toEqual({ ok: true });
  });

  it('rejects characters outside letters, digits and the listed punctuation', () => {
    const reason = '密码包含不允许的字符';
    for (const pw of ['Gd2024 Edu', 'Gd2024Edu密', 'Gd2024<Edu>', 'Gd2024~Edu']) {
      expect(checkPassword(pw), pw).toEqual({ ok: false, reason });
    }
  });

  it('uses the manual wording for the hint', () => {
    expect(PASSWORD_HINT).toBe('密码必须为8-16位不连续字母跟数字混合');
  });
});
