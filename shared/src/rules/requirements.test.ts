import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REQUIREMENT_RULES,
  defaultRuleFor,
  emptyTotals,
  evaluateYear,
  explanationText,
  pickRule,
  type RequirementRule,
} from './requirements';

const rule = (over: Partial<RequirementRule>): RequirementRule => ({
  fromYear: 2021,
  toYear: null,
  series: null,
  regionCode: null,
  totalHours: 90,
  publicHours: 30,
  professionalHours: 42,
  electiveHours: 18,
  hoursPerDay: 6,
  ...over,
});

function totals(pub: number, pro: number, ele: number) {
  const t = emptyTotals();
  t.public = { hours: pub, courses: pub > 0 ? 1 : 0 };
  t.professional = { hours: pro, courses: pro > 0 ? 1 : 0 };
  t.elective = { hours: ele, courses: ele > 0 ? 1 : 0 };
  return t;
}

describe('requirement rules (SPEC §7)', () => {
  it('ships 72 = 18 + 42 + 12 up to 2020 and 90 = 30 + 42 + 18 from 2021', () => {
    const y2020 = pickRule([], 2020, '工程技术人员', '4401');
    expect([y2020.totalHours, y2020.publicHours, y2020.professionalHours, y2020.electiveHours]).toEqual([
      72, 18, 42, 12,
    ]);
    const y2021 = pickRule([], 2021, null, null);
    expect([y2021.totalHours, y2021.publicHours, y2021.professionalHours, y2021.electiveHours]).toEqual([
      90, 30, 42, 18,
    ]);
    expect(pickRule([], 2030, null, null)).toBe(DEFAULT_REQUIREMENT_RULES[1]);
    for (const r of DEFAULT_REQUIREMENT_RULES) {
      expect(r.publicHours + r.professionalHours + r.electiveHours).toBeLessThanOrEqual(r.totalHours);
    }
  });

  it('takes the first default for years before it, not the newest', () => {
    expect(defaultRuleFor(1985).totalHours).toBe(72);
    expect(pickRule([], 1985, null, null).totalHours).toBe(72);
  });

  it('prefers an HRSS rule to the defaults, and the most specific HRSS rule', () => {
    const province = rule({ totalHours: 100 });
    const city = rule({ regionCode: '4401', totalHours: 96 });
    const county = rule({ regionCode: '440106', totalHours: 98 });
    const series = rule({ series: '卫生技术人员', totalHours: 120 });
    const rules = [series, county, city, province];
    expect(pickRule(rules, 2024, '工程技术人员', '440106')).toBe(county);
    expect(pickRule(rules, 2024, '工程技术人员', '440105')).toBe(city);
    expect(pickRule(rules, 2024, '工程技术人员', '4403')).toBe(province);
    expect(pickRule(rules, 2024, '工程技术人员', null)).toBe(province);
    expect(pickRule(rules, 2024, '卫生技术人员', '440106')).toBe(series);
  });

  it('applies a rule only within its years', () => {
    const old = rule({ fromYear: 2007, toYear: 2007, totalHours: 90, publicHours: 18 });
    expect(pickRule([old], 2007, null, null)).toBe(old);
    expect(pickRule([old], 2008, null, null).totalHours).toBe(72);
  });

  it('lets the later of two equal rules win', () => {
    const a = rule({ totalHours: 100 });
    const b = rule({ totalHours: 110 });
    expect(pickRule([a, b], 2024, null, null)).toBe(b);
  });
});

describe('annual verification (年度验证)', () => {
  const r = DEFAULT_REQUIREMENT_RULES[1];

  it('passes when every category meets its requirement', () => {
    const v = evaluateYear(2024, r, totals(30, 42, 18));
    expect(v.passed).toBe(true);
    expect(v.explanation).toEqual([]);
    expect(v.totalRecognised).toBe(90);
  });

  it('explains what each category still lacks', () => {
    const v = evaluateYear(2024, r, totals(18, 60, 0));
    expect(v.passed).toBe(false);
    expect(v.explanation).toEqual(['公需课还差 12 学时', '选修课还差 18 学时']);
    expect(explanationText(v)).toBe('公需课还差 12 学时，选修课还差 18 学时');
    expect(v.categories.find((c) => c.subjectType === 'professional')).toMatchObject({
      required: 42,
      recognised: 60,
      missing: 0,
      courses: 1,
    });
  });

  it('does not let extra hours of one category make up for another', () => {
    const v = evaluateYear(2024, r, totals(0, 200, 200));
    expect(v.passed).toBe(false);
    expect(v.totalMissing).toBe(0);
    expect(v.explanation).toEqual(['公需课还差 30 学时']);
  });

  it('names the total when it asks for more than the categories together', () => {
    const strict = rule({ totalHours: 100 });
    expect(evaluateYear(2024, strict, totals(30, 42, 18)).explanation).toEqual(['总学时还差 10 学时']);
    expect(evaluateYear(2024, strict, totals(20, 42, 18)).explanation).toEqual([
      '公需课还差 10 学时',
      '总学时还差 20 学时',
    ]);
    expect(evaluateYear(2024, strict, totals(30, 52, 18)).passed).toBe(true);
  });

  it('rounds to one decimal', () => {
    const v = evaluateYear(2024, r, totals(29.95, 42, 18));
    expect(v.categories[0].missing).toBe(0.1);
    expect(v.passed).toBe(false);
  });
});
