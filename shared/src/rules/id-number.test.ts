import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckChar, makeIdNumber } from './id-number';

const TODAY = new Date(2024, 5, 15); // 2024-06-15, local time

describe('checkIdNumber (GB 11643-1999)', () => {
  it('accepts the standard example with check char X', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      provinceCode: '11',
    });
  });

  it('trims and upper-cases a lowercase x', () => {
    const r = checkIdNumber('  11010519491231002x ', TODAY);
    expect(r).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
  });

  it('reads sex from the 17th digit: odd is male, even is female', () => {
    expect(checkIdNumber(makeIdNumber({ seq: 291 }), TODAY)).toMatchObject({ ok: true, sex: 'male' });
    expect(checkIdNumber(makeIdNumber({ seq: 290 }), TODAY)).toMatchObject({ ok: true, sex: 'female' });
  });

  it('rejects a wrong check digit', () => {
    expect(checkIdNumber('110105194912310021', TODAY)).toEqual({
      ok: false,
      reason: '公民身份号码校验位错误',
    });
    // The SPEC's masking example is not a valid number: its check char would be 8.
    expect(checkIdNumber('440106199001012903', TODAY)).toEqual({
      ok: false,
      reason: '公民身份号码校验位错误',
    });
    expect(checkIdNumber('440106199001012908', TODAY).ok).toBe(true);
  });

  it('rejects a wrong length or format', () => {
    expect(checkIdNumber('11010519491231002', TODAY)).toEqual({ ok: false, reason: '公民身份号码应为18位' });
    expect(checkIdNumber('', TODAY)).toEqual({ ok: false, reason: '公民身份号码应为18位' });
    const formatError = { ok: false, reason: '公民身份号码格式错误：前17位应为数字，末位应为数字或X' };
    expect(checkIdNumber('1101051949123100X2', TODAY)).toEqual(formatError);
    expect(checkIdNumber('11010519491231002Y', TODAY)).toEqual(formatError);
  });

  it('rejects an unknown province code even with a correct check char', () => {
    const id = makeIdNumber({ region: '990101' });
    expect(id.slice(0, 6)).toBe('990101');
    expect(checkIdNumber(id, TODAY)).toEqual({ ok: false, reason: '公民身份号码地址码错误' });
  });

  it('rejects impossible, future and pre-1900 birth dates', () => {
    const reason = '公民身份号码出生日期错误';
    expect(checkIdNumber(makeIdNumber({ birthDate: '19900230' }), TODAY)).toEqual({ ok: false, reason });
    expect(checkIdNumber(makeIdNumber({ birthDate: '19901301' }), TODAY)).toEqual({ ok: false, reason });
    expect(checkIdNumber(makeIdNumber({ birthDate: '19000229' }), TODAY)).toEqual({ ok: false, reason });
    expect(checkIdNumber(makeIdNumber({ birthDate: '18991231' }), TODAY)).toEqual({ ok: false, reason });
    expect(checkIdNumber(makeIdNumber({ birthDate: '20240616' }), TODAY)).toEqual({ ok: false, reason });
  });

  it('accepts leap days, 1900-01-01 and a birth today', () => {
    expect(checkIdNumber(makeIdNumber({ birthDate: '20000229' }), TODAY)).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
    expect(checkIdNumber(makeIdNumber({ birthDate: '19000101' }), TODAY).ok).toBe(true);
    expect(checkIdNumber(makeIdNumber({ birthDate: '20240615' }), TODAY).ok).toBe(true);
  });
});

describe('idNumberCheckChar', () => {
  it('computes the MOD 11-2 check char', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44010619900101290')).toBe('8');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow();
  });
});

describe('makeIdNumber', () => {
  it('builds valid numbers with the defaults', () => {
    expect(makeIdNumber()).toBe('440106199001012908');
  });

  it('adjusts the sequence for the requested sex', () => {
    const male = makeIdNumber({ birthDate: '19851120', seq: 120, sex: 'male' });
    const female = makeIdNumber({ birthDate: '19851120', seq: 999, sex: 'female' });
    expect(male.slice(14, 17)).toBe('121');
    expect(female.slice(14, 17)).toBe('998');
    expect(checkIdNumber(male, TODAY)).toMatchObject({ ok: true, sex: 'male', birthDate: '1985-11-20' });
    expect(checkIdNumber(female, TODAY)).toMatchObject({ ok: true, sex: 'female' });
  });

  it('keeps a sequence that already matches the sex', () => {
    expect(makeIdNumber({ seq: 7, sex: 'male' }).slice(14, 17)).toBe('007');
  });
});
