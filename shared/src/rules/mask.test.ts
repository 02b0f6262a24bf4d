import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask';

describe('masking for lists (SPEC §13)', () => {
  it('keeps the first 4 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('440106199001012903')).toBe('4401**********2903');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('keeps the first 3 and last 4 digits of a phone number', () => {
    expect(maskPhone('18612343271')).toBe('186****3271');
  });

  it('stars the middle of a name', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张')).toBe('张');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('𠮷田')).toBe('𠮷*');
  });

  it('turns null and empty into an empty string', () => {
    for (const fn of [maskIdNumber, maskPhone, maskName]) {
      expect(fn(null)).toBe('');
      expect(fn(undefined)).toBe('');
      expect(fn('')).toBe('');
    }
  });

  it('stars a value too short to keep both ends', () => {
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskIdNumber('12345678')).toBe('********');
  });
});
