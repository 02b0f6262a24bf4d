import type { SubjectType } from '@ce/shared';
import { beijingToday } from '../core/time';
import { courseOf, type Rand } from './scale-data';

export interface ScaleRecord {
  courseName: string;
  subjectType: SubjectType;
  startDate: string;
  endDate: string;
  days: number;
  hours: number;
  assessment: 'passed' | 'failed';
  state: 'draft' | 'submitted' | 'approved' | 'returned' | 'rejected';
  source: 'person' | 'employer';
  submittedAt: string;
  decidedAt: string;
  /** the Beijing date the rules are checked against */
  today: string;
}

const FIRST_YEAR = 2019;
const pad = (n: number) => String(n).padStart(2, '0');
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function stateOf(rand: Rand, current: boolean): ScaleRecord['state'] {
  const r = rand();
  if (current)
    return r < 0.45
      ? 'approved'
      : r < 0.75
        ? 'submitted'
        : r < 0.85
          ? 'draft'
          : r < 0.95
            ? 'returned'
            : 'rejected';
  return r < 0.9
    ? 'approved'
    : r < 0.94
      ? 'submitted'
      : r < 0.96
        ? 'draft'
        : r < 0.98
          ? 'returned'
          : 'rejected';
}

function subjectOf(rand: Rand): SubjectType {
  const r = rand();
  return r < 0.3 ? 'public' : r < 0.8 ? 'professional' : 'elective';
}

/**
 * About 10 records of person `i` over 2019 to this year: at most two a year in distinct months,
 * so no two overlap; mostly approved, recent ones more often 待办 / 草稿 / 退案.
 */
export function recordsOf(rand: Rand, i: number, now = new Date()): ScaleRecord[] {
  const today = beijingToday(now);
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const years = thisYear - FIRST_YEAR + 1;
  const n = 8 + Math.floor(rand() * 5);
  const offset = i % 97;
  const out: ScaleRecord[] = [];
  for (let j = 0; j < n; j++) {
    const year = FIRST_YEAR + Math.floor((j * years) / n);
    const current = year === thisYear;
    // months that have fully passed this year; two records of a year get different months
    const months = current ? Math.max(1, thisMonth - 1) : 11;
    const month = 1 + ((j * 5 + offset) % months);
    const days = 1 + Math.floor(rand() * 5);
    let startDate = `${year}-${pad(month)}-${pad(1 + Math.floor(rand() * 20))}`;
    let endDate = plusDays(startDate, days - 1);
    if (endDate > today) {
      // early January: move the course back so it has ended
      startDate = plusDays(startDate, -40);
      endDate = plusDays(endDate, -40);
    }
    const subjectType = subjectOf(rand);
    const hours = days * 6 - (rand() < 0.3 ? Math.floor(rand() * days * 3) : 0);
    const state = stateOf(rand, current);
    out.push({
      courseName: courseOf(subjectType, j, offset, year),
      subjectType,
      startDate,
      endDate,
      days,
      hours,
      assessment: rand() < 0.03 ? 'failed' : 'passed',
      state,
      source: state === 'approved' && rand() < 0.15 ? 'employer' : 'person',
      submittedAt: `${plusDays(endDate, 2)}T02:00:00Z`,
      decidedAt: `${plusDays(endDate, 6)}T02:00:00Z`,
      today,
    });
  }
  return out;
}
