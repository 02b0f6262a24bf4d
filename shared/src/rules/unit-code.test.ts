import { describe, expect, it } from 'vitest';
import { checkUnitCode, makeOrgCode, makeUscc } from './unit-code';

describe('checkUnitCode uscc (GB 32100-2015)', () => {
  it('accepts real codes', () => {
    for (const code of [
      '91350100M000100Y43',
      '91110000802100433B',
      '91440300708461136T',
      '914403001922038216',
    ]) {
      expect(checkUnitCode('uscc', code)).toEqual({ ok: true, code });
    }
  });

  it('normalises case, whitespace and dashes', () => {
    expect(checkUnitCode('uscc', ' 91350100-m000100y43 ')).toEqual({ ok: true, code: '91350100M000100Y43' });
  });

  it('rejects a wrong check char', () => {
    expect(checkUnitCode('uscc', '91350100M000100Y44')).toEqual({
      ok: false,
      reason: '统一社会信用代码校验位错误',
    });
  });

  it('rejects a wrong length', () => {
    expect(checkUnitCode('uscc', '91350100M000100Y4')).toEqual({
      ok: false,
      reason: '统一社会信用代码应为18位',
    });
  });

  it('accepts the registration departments A, N and Y as well as 1, 5 and 9', () => {
    for (const first of ['1', '5', '9', 'A', 'N', 'Y']) {
      const code = makeUscc({ first });
      expect(code[0]).toBe(first);
      expect(checkUnitCode('uscc', code)).toEqual({ ok: true, code });
    }
  });

  it('rejects an unknown registration department', () => {
    for (const first of ['0', 'B', 'X']) {
      const code = first + makeUscc().slice(1);
      expect(checkUnitCode('uscc', code)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('第1位'),
      });
    }
  });

  it('rejects the letters I, O, Z, S and V anywhere', () => {
    const valid = makeUscc();
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const code = `${valid.slice(0, 10)}${letter}${valid.slice(11)}`;
      expect(checkUnitCode('uscc', code)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('不使用I、O、Z、S、V'),
      });
    }
  });

  it('rejects category 0 and a non-numeric region', () => {
    expect(checkUnitCode('uscc', `90${makeUscc().slice(2)}`)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('机构类别'),
    });
    expect(checkUnitCode('uscc', makeUscc().replace('440106', '4401A6'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('行政区划码'),
    });
  });

  it('rejects a code whose embedded 组织机构代码 check char is wrong even if the overall check passes', () => {
    // The body 80210043 has org check char 3; put 4 there and try every overall check char:
    // exactly one passes the GB 32100 check and must then fail on the GB 11714 one.
    const results = [...'0123456789ABCDEFGHJKLMNPQRTUWXY']
      .map((c) => checkUnitCode('uscc', `91110000802100434${c}`))
      .filter((r) => r.ok || r.reason !== '统一社会信用代码校验位错误');
    expect(results).toEqual([
      { ok: false, reason: '统一社会信用代码中的组织机构代码（第9-17位）校验位错误' },
    ]);
  });
});

describe('checkUnitCode orgcode (GB 11714-1997)', () => {
  it('accepts real codes with and without the dash', () => {
    expect(checkUnitCode('orgcode', '80210043-3')).toEqual({ ok: true, code: '802100433' });
    expect(checkUnitCode('orgcode', 'M000100Y4')).toEqual({ ok: true, code: 'M000100Y4' });
  });

  it('accepts check char X, also in lowercase', () => {
    expect(checkUnitCode('orgcode', 'd2143569-x')).toEqual({ ok: true, code: 'D2143569X' });
  });

  it('rejects a wrong check char', () => {
    expect(checkUnitCode('orgcode', '802100434')).toEqual({ ok: false, reason: '组织机构代码校验位错误' });
  });

  it('rejects a wrong length or format', () => {
    expect(checkUnitCode('orgcode', '80210043')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('9位'),
    });
    expect(checkUnitCode('orgcode', '8021004#3')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('格式错误'),
    });
  });
});

describe('makeOrgCode / makeUscc', () => {
  it('builds codes that pass their own check', () => {
    expect(makeOrgCode('80210043')).toBe('802100433');
    expect(makeOrgCode('D2143569')).toBe('D2143569X');
    expect(makeOrgCode('00000001')).toBe('000000019');
    const uscc = makeUscc({ region: '440300', orgBase: '70846113' });
    expect(uscc).toBe('91440300708461136T');
  });

  it('covers the check-char edge cases 0 and X', () => {
    const bases = Array.from({ length: 200 }, (_, i) => String(i).padStart(8, '0'));
    const checks = new Set(bases.map((b) => makeOrgCode(b)[8]));
    expect(checks).toContain('0');
    expect(checks).toContain('X');
    for (const b of bases) {
      expect(checkUnitCode('orgcode', makeOrgCode(b)).ok).toBe(true);
      const uscc = makeUscc({ orgBase: b });
      expect(checkUnitCode('uscc', uscc)).toEqual({ ok: true, code: uscc });
    }
  });

  it('refuses bad parts', () => {
    expect(() => makeUscc({ first: 'B' })).toThrow();
    expect(() => makeUscc({ orgBase: 'ABCDEFGI' })).toThrow();
    expect(() => makeUscc({ region: '44010' })).toThrow();
    expect(() => makeOrgCode('1234567')).toThrow();
  });
});
