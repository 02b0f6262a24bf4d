import { cpus, loadavg, totalmem } from 'node:os';
import { seedDemo } from '../src/seed/demo';
import { SCALE_AGENT_PREFIX, SCALE_EMPLOYER_PREFIX, SCALE_PERSON_PREFIX, seedScale } from '../src/seed/scale';
import type { Client } from '../src/test/client';
import {
  approveSql,
  certificateSql,
  importSql,
  importWorkbook,
  listSql,
  type Measure,
  ok,
  pendingSql,
  type Staff,
  uploadAndWait,
} from './measures';
import { writeReport } from './report';
import { benchApp, openBenchDb, session, stats, timed } from './setup';

/**
 * `npm run bench`: seeds 100,000 professionals with about 1,000,000 records into a fresh bench
 * database, then times the main routes through app.inject (real routes, real sessions) next to
 * their core SQL run bare, and writes the table into README.md (## Benchmark).
 */
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ce_bench';
const REPEAT = Number(process.env.BENCH_REPEAT ?? 200);
const IMPORT_REPEAT = Number(process.env.BENCH_IMPORT_REPEAT ?? 5);
const IMPORT_ROWS = 10_000;

const db = await openBenchDb(url);
const persons = Number(process.env.BENCH_PERSONS ?? (db.kind === 'postgres' ? 100_000 : 5_000));
if (db.kind === 'pglite') {
  console.log(`PostgreSQL（${url}）无法连接：改用 PGlite（临时目录），数据规模缩小为 ${persons} 人`);
}
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
await seedDemo(db.database.db, { onlyIfEmpty: false });
const seeded = await seedScale(db.database.db, { persons, log });
const { app, t } = await benchApp(db.database);
const has = (method: string, route: string) =>
  app.apiRoutes.some((r) => r.method === method && r.url === route);

const one = async <T>(text: string, params: unknown[] = []) => (await db.bare(text, params))[0] as T;
const firstPerson = await one<{ id: string }>(
  `select p.id from professionals p join accounts a on a.id = p.person_id where a.login_name = $1`,
  [`${SCALE_PERSON_PREFIX}000001`],
);
const firstEmployer = await one<{ id: string }>('select id from accounts where login_name = $1', [
  `${SCALE_EMPLOYER_PREFIX}00001`,
]);
const lina = await one<{ id: string }>(
  `select p.id from professionals p join accounts a on a.id = p.person_id where a.login_name = 'lina'`,
);
const staff = (
  (await db.bare(
    'select id, name, id_number from professionals where employer_id = $1 and binding_status = $2',
    [firstEmployer.id, 'confirmed'],
  )) as { id: string; name: string; id_number: string }[]
).map((s): Staff => ({ professionalId: s.id, name: s.name, idNumber: s.id_number }));

// distinct 待办 records for the approvals, half through the app and half bare, with each reviewer's session
const pending = (await db.bare(
  `select w.object_id as id, w.reviewer_unit_id as unit, r.declared_hours as hours, u.login_name as unit_login
     from workflow_items w join ce_records r on r.id = w.object_id join accounts u on u.id = w.reviewer_unit_id
    where w.object_type = 'ce_record' and w.state = 'submitted' and u.login_name like $1
    order by u.login_name, w.submitted_at limit $2`,
  [`${SCALE_EMPLOYER_PREFIX}%`, REPEAT * 2],
)) as { id: string; unit: string; hours: string; unit_login: string }[];
const sessions = new Map<string, Client>();
const reviewer = async (unit: string, unitLogin: string) => {
  let c = sessions.get(unit);
  if (!c) {
    c = await session(t, unitLogin.replace(SCALE_EMPLOYER_PREFIX, SCALE_AGENT_PREFIX), unit);
    sessions.set(unit, c);
  }
  return c;
};
const person = await session(t, `${SCALE_PERSON_PREFIX}000001`);
const employer = await session(t, `${SCALE_AGENT_PREFIX}00001`, firstEmployer.id);
const linaClient = await session(t, 'lina');
const workbooks: Buffer[] = [];

// the dataset as seeded (the imports below add to it)
const counts = await one<Record<string, string>>(
  `select (select count(*) from professionals) as professionals, (select count(*) from ce_records) as records,
          (select count(*) from org_roles where role = 'employer') as employers,
          (select count(*) from workflow_history) as history`,
);
const loadBefore = loadavg()[0];

const measures: Measure[] = [
  {
    name: '个人继续教育记录列表（第1页）',
    route: 'GET /api/records/mine',
    repeat: REPEAT,
    prepare: async () => has('GET', '/api/records/mine') || '接口尚未实现',
    app: async () => void (await ok(person, 'GET', '/api/records/mine?page=1&pageSize=20')),
    bare: async () => void (await listSql(db, firstPerson.id)),
  },
  {
    name: '单位待办：继续教育记录认定列表',
    route: 'GET /api/review/records',
    repeat: REPEAT,
    prepare: async () => has('GET', '/api/review/records') || '接口尚未实现',
    app: async () => void (await ok(employer, 'GET', '/api/review/records?page=1&pageSize=20')),
    bare: async () => void (await pendingSql(db, firstEmployer.id)),
  },
  {
    name: '审核同意（含学时统计）',
    route: 'POST /api/review/records/:id/review',
    repeat: Math.min(REPEAT, Math.floor(pending.length / 2)),
    prepare: async () => {
      if (!has('POST', '/api/review/records/:id/review')) return '接口尚未实现';
      for (const p of pending) await reviewer(p.unit, p.unit_login);
      return true;
    },
    app: async (i) => {
      const p = pending[2 * i];
      const c = await reviewer(p.unit, p.unit_login);
      await ok(c, 'POST', `/api/review/records/${p.id}/review`, {
        decision: 'approve',
        recognisedHours: Number(p.hours),
        opinion: '同意',
      });
    },
    bare: async (i) => {
      const p = pending[2 * i + 1];
      await approveSql(db, p.id, { id: firstEmployer.id, unitId: p.unit });
    },
  },
  {
    name: '继续教育证书PDF',
    route: 'GET /api/certificates/:professionalId/:year/pdf',
    repeat: REPEAT,
    prepare: async () => has('GET', '/api/certificates/:professionalId/:year/pdf') || '接口尚未实现',
    app: async () => void (await ok(linaClient, 'GET', `/api/certificates/${lina.id}/2025/pdf`)),
    bare: async () => void (await certificateSql(db, lina.id, 2025)),
  },
  {
    name: `批量申报导入 ${IMPORT_ROWS.toLocaleString('en-US')} 行（上传至入库完成）`,
    route: 'POST /api/imports/records',
    repeat: IMPORT_REPEAT,
    prepare: async () => {
      if (!has('POST', '/api/imports/records')) return '接口尚未实现';
      log(`生成 ${IMPORT_REPEAT} 个 ${IMPORT_ROWS} 行的导入文件…`);
      for (let i = 0; i < IMPORT_REPEAT; i++)
        workbooks.push(await importWorkbook(staff, IMPORT_ROWS, `R${i}`));
      return true;
    },
    app: async (i) => uploadAndWait(employer, workbooks[i]),
    bare: async (i) => importSql(db, staff, IMPORT_ROWS, `B${i}`, firstEmployer.id),
  },
];

const results: {
  m: Measure;
  app?: ReturnType<typeof stats>;
  bare?: ReturnType<typeof stats>;
  missing?: string;
}[] = [];
for (const m of measures) {
  const ready = m.prepare ? await m.prepare() : true;
  if (ready !== true) {
    log(`跳过 ${m.name}：${ready}`);
    results.push({ m, missing: ready });
    continue;
  }
  const readOnly = !m.route.startsWith('POST');
  if (readOnly) for (let i = 0; i < 5; i++) await Promise.all([m.app(i), m.bare(i)]);
  const appMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < m.repeat; i++) {
    appMs.push(await timed(() => m.app(i)));
    bareMs.push(await timed(() => m.bare(i)));
  }
  const r = { m, app: stats(appMs), bare: stats(bareMs) };
  log(
    `${m.name}: 中位数 ${r.app.median.toFixed(1)} ms，p99 ${r.app.p99.toFixed(1)} ms（裸SQL ${r.bare.median.toFixed(1)} / ${r.bare.p99.toFixed(1)} ms）`,
  );
  results.push(r);
}

const table = writeReport({
  results,
  db: db.kind,
  seeded,
  counts,
  machine: `${cpus().length} 核 ${cpus()[0]?.model.trim() ?? ''}，内存 ${Math.round(totalmem() / 2 ** 30)} GB，load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
  write: process.env.BENCH_WRITE_README !== '0',
});
console.log(`\n${table}`);
await app.close();
await db.close();
