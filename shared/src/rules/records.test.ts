import { describe, expect, it } from 'vitest';
import { checkRecordRules, RECORD_LIMITS, type RecordFacts } from './records';

const ok: RecordFacts = {
  courseName: '建设工程质量管理',
  subjectType: 'professional',
  startDate: '2025-03-10',
  endDate: '2025-03-12',
  days: 3,
  declaredHours: 18,
  assessment: 'passed',
};
const today = '2026-11-22';
const fields = (r: Partial<RecordFacts>) => checkRecordRules({ ...ok, ...r }, { today }).map((i) => i.field);

describe('checkRecordRules: what a record can hold', () => {
  it('accepts a plain record', () => {
    expect(fields({})).toEqual([]);
  });

  it('refuses dates before 1900, naming the date', () => {
    expect(fields({ startDate: '0000-01-01' })).toEqual(['startDate']);
    expect(fields({ startDate: '1899-12-31', endDate: '1899-12-31', days: 1, declaredHours: 6 })).toEqual([
      'startDate',
      'endDate',
    ]);
    expect(fields({ startDate: RECORD_LIMITS.earliestDate, endDate: '1900-01-03' })).toEqual([]);
  });

  it('refuses more days or hours than the columns hold, even over a long enough span', () => {
    const long = { startDate: '1950-01-01', endDate: '2025-01-01' };
    expect(fields({ ...long, days: 10_000, declaredHours: 6 })).toEqual(['days']);
    expect(fields({ ...long, days: 9999.5, declaredHours: 6 })).toEqual([]);
    expect(
      checkRecordRules(
        { ...ok, ...long, days: 9999.5, declaredHours: 100_000 },
        { today, hoursPerDay: 12 },
      ).map((i) => i.message),
    ).toEqual([`拟申报学时不能超过${RECORD_LIMITS.maxHours}学时`]);
  });
});
