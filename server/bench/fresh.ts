import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/core/db';
import { beijingToday } from '../src/core/time';
import { hashPassword } from '../src/modules/identity/passwords';
import { DEMO_PASSWORD } from '../src/seed/demo';
import {
  employerName,
  guangdong,
  idNumberOf,
  personName,
  pick,
  prng,
  profileOf,
  usccOf,
} from '../src/seed/scale-data';
import {
  insertEmployers,
  insertPeople,
  insertRecords,
  personRows,
  recordRow,
  type Value,
  workflowRows,
} from '../src/seed/scale-insert';
import { recordsOf, type ScaleRecord } from '../src/seed/scale-records';
import { AGGREGATE } from './bare-sql';
import type { Staff } from './measures';

/**
 * The bench's own persons, added after the seed so the writes it times (approvals, imports) do not
 * change what the list measures read: a few fresh 法人单位 (logins bdw…, agents bjb…) whose fresh
 * staff (bry…) have a seeded-like history plus PENDING_PER_PERSON extra 待办 records each, and one
 * fresh employer whose staff receive the imported rows, with a few more persons who passed a year
 * (the certificates the HTTP part prints and checks).
 */
export const FRESH_PREFIX = { employer: 'bdw', agent: 'bjb', person: 'bry' } as const;
/** recordsOf gives 8 to 12 records: the first 8 of a second set become 待办 */
const PENDING_PER_PERSON = 8;
/** ID numbers and credit codes far above any the seed gives (it numbers persons from 0) */
const INDEX_BASE = 5_000_000;

export interface FreshUnit {
  id: string;
  agentId: string;
  agentLogin: string;
}

/** A 待办 record for an approval: the record, its reviewing employer, the hours to recognise. */
export interface PendingRecord {
  id: string;
  unitId: string;
  hours: number;
}

export interface Fresh {
  /** interleaved by person, so approvals in a row touch different persons */
  pending: PendingRecord[];
  approvalUnits: FreshUnit[];
  importUnit: FreshUnit;
  importStaff: Staff[];
  /** persons who passed 年度验证 in `year` (certificates to print and check) */
  holders: { login: string; professionalId: string; year: number }[];
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** the decision of a decided record and its opinion, as the seed writes them */
/** Six approved 3-day courses of one year: 36 公需 + 54 专业 + 18 选修 hours, above any default rule. */
function passingYear(year: number): ScaleRecord[] {
  const subjects = ['public', 'public', 'professional', 'professional', 'professional', 'elective'] as const;
  return subjects.map((subjectType, m) => ({
    courseName: `${year}年基准测试课程${m + 1}`,
    subjectType,
    startDate: `${year}-0${m + 1}-10`,
    endDate: `${year}-0${m + 1}-12`,
    days: 3,
    hours: 18,
    assessment: 'passed',
    state: 'approved',
    source: 'person',
    submittedAt: `${year}-0${m + 1}-14T02:00:00Z`,
    decidedAt: `${year}-0${m + 1}-18T02:00:00Z`,
    today: beijingToday(),
  }));
}

export async function seedFresh(
  db: Db,
  opts: { pending: number; employers: number; importStaff: number; holders: number },
): Promise<Fresh> {
  const rand = prng(INDEX_BASE + opts.pending);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const cities = guangdong();
  const regions = cities.flatMap((c) => c.counties);
  const now = new Date().toISOString();
  const employers = Array.from({ length: opts.employers + 1 }, (_, e) => {
    const city = cities[e % cities.length];
    const county = pick(rand, city.counties);
    return {
      id: randomUUID(),
      agentId: randomUUID(),
      agentName: personName(rand),
      name: `${employerName(city, rand)}（基准${e + 1}）`,
      city,
      county,
      cert: usccOf(INDEX_BASE + e, county),
      login: `${FRESH_PREFIX.employer}${pad(e + 1, 3)}`,
      agentLogin: `${FRESH_PREFIX.agent}${pad(e + 1, 3)}`,
      agentIdNumber: idNumberOf(INDEX_BASE + 900_000 + e, regions).idNumber,
    };
  });
  await insertEmployers(db, employers, passwordHash, now, () => personName(rand));
  const importEmployer = employers[opts.employers];

  const approvalPersons = Math.ceil(opts.pending / PENDING_PER_PERSON);
  const rows = { accounts: [] as Value[][], persons: [] as Value[][], profs: [] as Value[][] };
  const recs = { records: [] as Value[][], items: [] as Value[][], history: [] as Value[][] };
  const byPerson: PendingRecord[][] = [];
  const importStaff: Staff[] = [];
  const holders: Fresh['holders'] = [];
  const passedYear = Number(beijingToday().slice(0, 4)) - 2;
  for (let k = 0; k < approvalPersons + opts.importStaff + opts.holders; k++) {
    const kind =
      k < approvalPersons ? 'approval' : k < approvalPersons + opts.importStaff ? 'import' : 'holder';
    const employer = kind === 'approval' ? employers[k % opts.employers] : importEmployer;
    const login = `${FRESH_PREFIX.person}${pad(k + 1, 6)}`;
    const accountId = randomUUID();
    const profId = randomUUID();
    const name = personName(rand);
    const { idNumber, birthDate } = idNumberOf(INDEX_BASE + k, regions);
    const phone = `17${pad(k, 9)}`;
    const profile = profileOf(rand);
    personRows(
      rows,
      { accountId, profId, login, name, idNumber, birthDate, phone, profile, employer },
      passwordHash,
      now,
    );
    if (kind === 'import') importStaff.push({ professionalId: profId, name, idNumber });
    if (kind === 'holder') holders.push({ login, professionalId: profId, year: passedYear });
    const history = [
      ...recordsOf(rand, INDEX_BASE + k),
      ...(kind === 'holder' ? passingYear(passedYear) : []),
    ];
    const extra =
      kind === 'approval'
        ? recordsOf(rand, INDEX_BASE + k + 50)
            .slice(0, PENDING_PER_PERSON)
            .map((r) => ({ ...r, state: 'submitted' as const, source: 'person' as const }))
        : [];
    const mine: PendingRecord[] = [];
    const all = [...history.map((r) => ({ r, extra: false })), ...extra.map((r) => ({ r, extra: true }))];
    for (const { r: generated, extra: isExtra } of all) {
      // all of them the person's own declarations, sent to the employer
      const r = { ...generated, source: 'person' as const };
      const recordId = randomUUID();
      const itemId = randomUUID();
      recs.records.push(
        recordRow(rand, r, { recordId, profId, source: r.source, createdBy: accountId }, employer),
      );
      workflowRows(recs, r, { itemId, recordId, accountId, name }, employer);
      if (isExtra && r.state === 'submitted')
        mine.push({ id: recordId, unitId: employer.id, hours: r.hours });
    }
    if (mine.length) byPerson.push(mine);
  }
  await db.transaction(async (tx) => {
    await insertPeople(tx, rows.accounts, rows.persons, rows.profs);
    await insertRecords(tx, recs.records, recs.items, recs.history);
    const ids = sql.join(
      employers.map((e) => sql`${e.id}::uuid`),
      sql`, `,
    );
    await tx.execute(sql`insert into ce_totals (professional_id, year, subject_type, hours, courses, updated_at)
      ${sql.raw(AGGREGATE)} join professionals p on p.id = r.professional_id
      where p.employer_id in (${ids}) group by r.professional_id, r.year, r.subject_type`);
  });
  await db.execute(sql`analyze`);
  // round robin over the persons: the n-th pending record of every person, then the (n+1)-th
  const pending: PendingRecord[] = [];
  for (let n = 0; n < PENDING_PER_PERSON; n++)
    for (const mine of byPerson) if (mine[n]) pending.push(mine[n]);
  const unit = (e: (typeof employers)[number]): FreshUnit => ({
    id: e.id,
    agentId: e.agentId,
    agentLogin: e.agentLogin,
  });
  return {
    pending: pending.slice(0, opts.pending),
    approvalUnits: employers.slice(0, opts.employers).map(unit),
    importUnit: unit(importEmployer),
    importStaff,
    holders,
  };
}
