import { describe, expect, it } from 'vitest';
import { formatBeijing } from './time';

describe('formatBeijing', () => {
  it('zero-pads month, day and hour as the page does (审计日志 export, the lock message)', () => {
    expect(formatBeijing(new Date('2026-12-02T17:05:03Z'))).toBe('2026-12-03 01:05:03');
    expect(formatBeijing(new Date('2026-03-08T16:00:00Z'))).toBe('2026-03-09 00:00:00');
  });
});
