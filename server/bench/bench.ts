import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { LocalFileStore } from '../src/core/file-store';
import { seedDemo } from '../src/seed/demo';
import { seedScale } from '../src/seed/scale';
import { seedFresh } from './fresh';
import { type HttpRow, type ImportRun, runHttp } from './http';
import { runInject } from './inject';
import { importWorkbook } from './measures';
import { measureRecount } from './recount';
import { writeReport } from './report';
import { benchApp, openBenchDb } from './setup';

/**
 * `npm run bench`: seeds 100,000 professionals with about 1,000,000 records into a fresh bench
 * database, adds the bench's own fresh persons (fresh.ts) for the writes, then
 * 1. times the main routes through app.inject next to their core SQL run bare (inject.ts);
 * 2. loads them over real HTTP with autocannon, the app in its own process next to a bare
 *    Fastify + pg server (http.ts), and takes the app's peak RSS during a 10,000-row import;
 * 3. times the province recount next to the raw scan (recount.ts);
 * and writes both tables into README.md (## Benchmark). Any failed request fails the run.
 */
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ce_bench';
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const REPEAT = num('BENCH_REPEAT', 200);
const IMPORT_REPEAT = num('BENCH_IMPORT_REPEAT', 5);
const IMPORT_ROWS = 10_000;
const DURATION = num('BENCH_DURATION', 15);
const CONNECTIONS = num('BENCH_CONNECTIONS', 50);
/** distinct 待办 records per side for the approvals over HTTP: more than either can approve in DURATION */
const APPROVALS = num('BENCH_APPROVALS', 800 * DURATION);
/** sessions of persons and of employers' agents; as many fresh persons print certificates */
const SESSIONS = num('BENCH_SESSIONS', 50);

const db = await openBenchDb(url);
const persons = num('BENCH_PERSONS', db.kind === 'postgres' ? 100_000 : 5_000);
if (db.kind === 'pglite') {
  console.log(
    `PostgreSQL（${url}）无法连接：改用 PGlite（临时目录），数据规模缩小为 ${persons} 人，不测 HTTP 部分`,
  );
}
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
// the demo's 附件材料 (never downloaded by the bench) in a directory of their own
const demoFiles = new LocalFileStore(mkdtempSync(join(tmpdir(), 'ce-bench-files-')));
await seedDemo(db.database.db, { onlyIfEmpty: false, files: demoFiles });
const seeded = await seedScale(db.database.db, { persons, log });

// the dataset as seeded (the bench's fresh persons and the imports below add to it)
const counts = (
  await db.bare(
    `select (select count(*) from professionals) as professionals, (select count(*) from ce_records) as records,
          (select count(*) from org_roles where role = 'employer') as employers,
          (select count(*) from workflow_history) as history`,
  )
)[0] as Record<string, string>;

const http = db.kind === 'postgres' && db.url !== null;
const injectPending = 2 * REPEAT;
log('添加基准测试专用人员（审核、导入使用）…');
const fresh = await seedFresh(db.database.db, {
  pending: injectPending + (http ? 2 * APPROVALS : 0),
  employers: 5,
  importStaff: 200,
  holders: SESSIONS,
});
log(`基准测试专用：${fresh.pending.length} 条待办记录，导入单位 ${fresh.importStaff.length} 名人员`);
const loadBefore = loadavg()[0];

const { app, t } = await benchApp(db.database);
const results = await runInject({
  app,
  t,
  db,
  fresh,
  pending: fresh.pending.slice(0, injectPending),
  repeat: REPEAT,
  imports: IMPORT_REPEAT,
  importRows: IMPORT_ROWS,
  log,
});
// the in-process app stops here: its job worker must not take the HTTP part's import
await app.close();

let httpRows: HttpRow[] | string = '需要 PostgreSQL（BENCH_DATABASE_URL）';
let imported: ImportRun | string = httpRows;
if (http && db.url) {
  const rest = fresh.pending.slice(injectPending);
  const run = await runHttp({
    dbUrl: db.url,
    db: db.database.db,
    bare: db.bare,
    persons,
    fresh,
    pending: { app: rest.filter((_, i) => i % 2 === 0), bare: rest.filter((_, i) => i % 2 === 1) },
    workbook: await importWorkbook(fresh.importStaff, IMPORT_ROWS, 'H'),
    connections: CONNECTIONS,
    duration: DURATION,
    warmup: num('BENCH_WARMUP', Math.min(3, DURATION / 5)),
    sessions: SESSIONS,
    log,
  });
  httpRows = run.rows;
  imported = run.imported;
}

log('重新统计学时（全省）与原始扫描…');
const recount = await measureRecount(db.database.db, db.bare, num('BENCH_RECOUNT_REPEAT', 3));
log(
  `原始扫描 ${recount.scan.median.toFixed(0)} ms（${recount.groups} 组）；重新统计：${recount.app ? `${recount.app.median.toFixed(0)} ms` : recount.missing}`,
);

const failed =
  typeof httpRows === 'string' ? [] : httpRows.filter((r) => r.app?.failures || r.bare?.failures);
const report = writeReport({
  results,
  http: { rows: httpRows, imported, connections: CONNECTIONS, duration: DURATION, sessions: SESSIONS },
  recount,
  db: db.kind,
  seeded,
  counts,
  machine: `${cpus().length} 核 ${cpus()[0]?.model.trim() ?? ''}，内存 ${Math.round(totalmem() / 2 ** 30)} GB，load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
  write: process.env.BENCH_WRITE_README !== '0' && failed.length === 0,
});
console.log(`\n${report}`);
await db.close();
if (failed.length > 0) {
  console.error(`\n失败：${failed.map((r) => r.name).join('、')} 有非2xx应答或连接错误（README 未更新）`);
  process.exitCode = 1;
}
