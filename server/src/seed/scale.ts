import { randomUUID } from 'node:crypto';
import { checkRecordRules } from '@ce/shared';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../core/db';
import { hashPassword } from '../modules/identity/passwords';
import { DEMO_PASSWORD } from './demo';
import { employerName, guangdong, idNumberOf, personName, pick, prng, profileOf, usccOf } from './scale-data';
import {
  insertEmployers,
  insertPeople,
  insertRecords,
  personRows,
  recordRow,
  type Value,
  workflowRows,
} from './scale-insert';
import { recordsOf } from './scale-records';

/**
 * `npm run seed -- --persons N`: a realistic province-sized dataset built through the same rules
 * as the app (valid ID numbers and credit codes, SPEC §6 record rules, the workflow rows the
 * engine writes), inserted with multi-row INSERTs of column arrays (unnest) for speed.
 * N/100 employers across the 21 cities, each with an agent; N confirmed professionals with
 * about 10 records each over 2019–2026; totals refreshed set-based at the end.
 */

export const SCALE_PERSON_PREFIX = 'ry';
export const SCALE_EMPLOYER_PREFIX = 'dw';
export const SCALE_AGENT_PREFIX = 'jb';
const CHUNK = 10_000;

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface ScaleResult {
  employers: number;
  persons: number;
  records: number;
  seconds: number;
}

export async function seedScale(
  db: Db,
  opts: { persons: number; log?: (message: string) => void },
): Promise<ScaleResult> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const [{ n: existing }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from accounts where login_name like ${`${SCALE_PERSON_PREFIX}%`} and kind = 'person'`,
  );
  if (existing > 0) throw new Error(`数据库中已有规模数据（${existing}人），请使用 --reset 重建`);
  const rand = prng(opts.persons);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const cities = guangdong();
  const regions = cities.flatMap((c) => c.counties);
  const employerCount = Math.max(1, Math.ceil(opts.persons / 100));

  // 法人单位 with an agent each, spread over the 21 cities
  const employers = Array.from({ length: employerCount }, (_, e) => {
    const city = cities[e % cities.length];
    const county = pick(rand, city.counties);
    return {
      id: randomUUID(),
      agentId: randomUUID(),
      agentName: personName(rand),
      name: employerName(city, rand),
      city,
      county,
      cert: usccOf(e, county),
      login: `${SCALE_EMPLOYER_PREFIX}${pad(e + 1, 5)}`,
      agentLogin: `${SCALE_AGENT_PREFIX}${pad(e + 1, 5)}`,
      agentIdNumber: idNumberOf(opts.persons + e, regions).idNumber,
    };
  });
  const now = new Date().toISOString();
  await insertEmployers(db, employers, passwordHash, now, () => personName(rand));
  log(`法人单位 ${employerCount} 个（含经办人）已写入`);

  let recordCount = 0;
  for (let from = 0; from < opts.persons; from += CHUNK) {
    const to = Math.min(opts.persons, from + CHUNK);
    const accounts: Value[][] = [];
    const persons: Value[][] = [];
    const profs: Value[][] = [];
    const records: Value[][] = [];
    const items: Value[][] = [];
    const history: Value[][] = [];
    for (let i = from; i < to; i++) {
      const employer = employers[Math.min(employerCount - 1, Math.floor(i / 100))];
      const accountId = randomUUID();
      const profId = randomUUID();
      const name = personName(rand);
      const { idNumber, birthDate } = idNumberOf(i, regions);
      const phone = `1${3 + (i % 7)}${pad(i, 9)}`;
      const profile = profileOf(rand);
      const login = `${SCALE_PERSON_PREFIX}${pad(i + 1, 6)}`;
      personRows(
        { accounts, persons, profs },
        { accountId, profId, login, name, idNumber, birthDate, phone, profile, employer },
        passwordHash,
        now,
      );
      for (const r of recordsOf(rand, i)) {
        const facts = { ...r, declaredHours: r.hours };
        if (checkRecordRules(facts, { today: r.today }).length > 0)
          throw new Error(`规则校验失败：${JSON.stringify(r)}`);
        const recordId = randomUUID();
        const itemId = randomUUID();
        const confirm = r.source === 'employer';
        records.push(
          recordRow(
            rand,
            r,
            { recordId, profId, source: r.source, createdBy: confirm ? employer.agentId : accountId },
            employer,
          ),
        );
        workflowRows({ items, history }, r, { itemId, recordId, accountId, name }, employer);
      }
    }
    await db.transaction(async (tx) => {
      // the rows are consistent by construction: skip the per-row foreign-key triggers when allowed
      await tx.execute(sql`savepoint fk`);
      try {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`release savepoint fk`);
      } catch {
        await tx.execute(sql`rollback to savepoint fk`);
      }
      await insertPeople(tx, accounts, persons, profs);
      await insertRecords(tx, records, items, history);
    });
    recordCount += records.length;
    log(
      `专业技术人员 ${to}/${opts.persons}，继续教育记录 ${recordCount}（${Math.round((Date.now() - started) / 1000)}s）`,
    );
  }
  log('统计学时（ce_totals）…');
  // one set-based statement for every seeded person (the same aggregate as totals.ts)
  await db.execute(sql`
    insert into ce_totals (professional_id, year, subject_type, hours, courses, updated_at)
    select r.professional_id, r.year, r.subject_type,
           coalesce(sum(coalesce(r.recognised_hours, 0)) filter (where r.assessment = 'passed'), 0),
           count(*) filter (where r.assessment = 'passed' and coalesce(r.recognised_hours, 0) > 0)::int, now()
      from ce_records r
      join workflow_items w on w.object_type = 'ce_record' and w.object_id = r.id and w.state = 'approved'
      join professionals p on p.id = r.professional_id
      join accounts a on a.id = p.person_id
     where a.login_name like ${`${SCALE_PERSON_PREFIX}%`} and a.kind = 'person'
     group by r.professional_id, r.year, r.subject_type
    on conflict (professional_id, year, subject_type)
      do update set hours = excluded.hours, courses = excluded.courses, updated_at = excluded.updated_at`);
  await db.execute(sql`analyze`);
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  log(
    `完成：${employerCount} 个法人单位，${opts.persons} 名专业技术人员，${recordCount} 条继续教育记录，用时 ${seconds}s`,
  );
  return { employers: employerCount, persons: opts.persons, records: recordCount, seconds };
}
