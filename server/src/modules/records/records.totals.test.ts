import { type RecordDetail, SUBJECT_TYPES, type SubjectType } from '@ce/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/client';
import { startTestApp, type TestApp } from '../../test/harness';
import { pngBytes, upload } from '../../test/uploads';
import { makeEmployer, makeProfessional, type TestEmployer, type TestProfessional } from '../../test/world';
import { recountOf, type TotalsRow, totalsOf } from '../requirements/totals';

/**
 * Property: whatever sequence of declarations, approvals, corrections, returns and deletions
 * goes through the HTTP API, the kept totals (ce_totals) equal a recount from the records and
 * an independent computation kept by the test (SPEC §7: totals current after every change).
 */

/** mulberry32: a small seeded PRNG, so a failure replays. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Model {
  id: string;
  prof: number;
  year: number;
  month: number;
  days: number;
  subjectType: SubjectType;
  declared: number;
  recognised: number;
  assessment: 'passed' | 'failed';
  state: 'draft' | 'submitted' | 'approved' | 'returned';
}

let t: TestApp;
let employer: TestEmployer;
let people: TestProfessional[];
const proofs: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  employer = await makeEmployer(t);
  people = [];
  for (let i = 0; i < 3; i++) {
    const p = await makeProfessional(t, employer);
    people.push(p);
    const f = await upload(p.client, 'ce_record', {
      name: '学时证明.png',
      bytes: pngBytes(),
      type: 'image/png',
    });
    proofs.push(f.body.id);
  }
});
afterAll(() => t.close());

function expected(records: Model[], prof: number): TotalsRow[] {
  const groups = new Map<string, TotalsRow>();
  for (const r of records.filter((x) => x.prof === prof && x.state === 'approved')) {
    const key = `${r.year}/${r.subjectType}`;
    const g = groups.get(key) ?? { year: r.year, subjectType: r.subjectType, hours: 0, courses: 0 };
    if (r.assessment === 'passed') {
      g.hours += r.recognised;
      if (r.recognised > 0) g.courses += 1;
    }
    groups.set(key, g);
  }
  return [...groups.values()];
}

const sorted = (rows: TotalsRow[]) =>
  [...rows].sort((a, b) => a.year - b.year || a.subjectType.localeCompare(b.subjectType));

describe('live totals (property test)', () => {
  it('stay equal to a recount and to an independent computation over 200 random steps', async () => {
    const rnd = prng(20250101);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const half = (max: number) => Math.max(0.5, Math.round(rnd() * max * 2) / 2);
    const records: Model[] = [];
    let seq = 0;
    const dates = (year: number, month: number, days: number) => ({
      startDate: `${year}-${String(month).padStart(2, '0')}-01`,
      endDate: `${year}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`,
    });
    const ok = <T>(res: { status: number; body: T }, what: string) => {
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(200);
      return res.body;
    };

    async function create(prof: number, submit: boolean): Promise<Model> {
      seq += 1;
      const days = 1 + Math.floor(rnd() * 3);
      const m: Model = {
        id: '',
        prof,
        year: pick([2024, 2025]),
        month: 1 + Math.floor(rnd() * 9),
        days,
        subjectType: pick(SUBJECT_TYPES),
        declared: half(days * 6),
        recognised: 0,
        assessment: rnd() < 0.15 ? 'failed' : 'passed',
        state: 'draft',
      };
      const c: Client = people[prof].client;
      const r = ok(
        await c.post<RecordDetail>('/api/records', {
          courseName: `随机课程${seq}`,
          subjectType: m.subjectType,
          studyForm: '面授',
          ...dates(m.year, m.month, days),
          days,
          declaredHours: m.declared,
          assessment: m.assessment,
          institutionName: '随机施教机构',
        }),
        'create',
      );
      m.id = r.id;
      records.push(m);
      if (submit) {
        ok(
          await c.post(`/api/records/${m.id}/attachments`, { fileId: proofs[prof], name: '学时证明' }),
          'attach',
        );
        ok(await c.post(`/api/records/${m.id}/submit`), 'submit');
        m.state = 'submitted';
      }
      return m;
    }

    async function approve(m: Model) {
      const hours = half(m.declared);
      ok(
        await employer.client.post(`/api/review/records/${m.id}/review`, {
          decision: 'approve',
          recognisedHours: hours,
        }),
        'approve',
      );
      m.state = 'approved';
      m.recognised = m.assessment === 'failed' ? 0 : hours;
    }

    for (let step = 0; step < 200; step++) {
      const prof = Math.floor(rnd() * 3);
      const roll = rnd();
      const mine = (state: Model['state']) => records.filter((r) => r.prof === prof && r.state === state);
      if (roll < 0.35) {
        await approve(await create(prof, true));
      } else if (roll < 0.55 && mine('approved').length > 0) {
        const m = pick(mine('approved'));
        const year = rnd() < 0.5 ? m.year : 4049 - m.year;
        const subjectType = rnd() < 0.5 ? m.subjectType : pick(SUBJECT_TYPES);
        const assessment = rnd() < 0.1 ? (m.assessment === 'passed' ? 'failed' : 'passed') : m.assessment;
        const hours = half(m.declared);
        ok(
          await employer.client.post(`/api/employer/records/${m.id}/correct`, {
            ...dates(year, m.month, m.days),
            subjectType,
            assessment,
            recognisedHours: hours,
            correctionReason: `第${step}步随机修改`,
          }),
          'correct',
        );
        Object.assign(m, { year, subjectType, assessment, recognised: assessment === 'failed' ? 0 : hours });
      } else if (roll < 0.7) {
        const m = mine('draft').length > 0 && rnd() < 0.5 ? pick(mine('draft')) : await create(prof, false);
        ok(await people[prof].client.delete(`/api/records/${m.id}`), 'delete');
        records.splice(records.indexOf(m), 1);
      } else if (roll < 0.85) {
        const m = await create(prof, true);
        ok(
          await employer.client.post(`/api/review/records/${m.id}/review`, {
            decision: 'return',
            opinion: '请补充材料',
          }),
          'return',
        );
        m.state = 'returned';
      } else if (mine('returned').length > 0) {
        const m = pick(mine('returned'));
        ok(await people[prof].client.post(`/api/records/${m.id}/submit`), 'resubmit');
        m.state = 'submitted';
        if (rnd() < 0.7) await approve(m);
      } else {
        // an approval that must fail leaves everything as it was
        const m = records.find((r) => r.state === 'approved');
        if (m) {
          const r = await employer.client.post(`/api/review/records/${m.id}/review`, {
            decision: 'approve',
            recognisedHours: 1,
          });
          expect(r.status).toBe(409);
        }
      }
    }

    expect(records.filter((r) => r.state === 'approved').length).toBeGreaterThan(30);
    for (let i = 0; i < people.length; i++) {
      const kept = sorted(await totalsOf(t.db, people[i].id));
      expect(kept).toEqual(sorted(await recountOf(t.db, people[i].id)));
      expect(kept).toEqual(sorted(expected(records, i)));
    }
  }, 300_000);
});
