import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScaleResult } from '../src/seed/scale';
import type { HttpRow, ImportRun } from './http';
import type { InjectResult } from './inject';
import type { LoadResult } from './load';
import { LOG_LEVEL, POOL_SIZE, RATE_LIMITS_OFF } from './processes';
import type { RecountRun } from './recount';

const README = join(dirname(fileURLToPath(import.meta.url)), '../../README.md');
const HEADING = '## Benchmark';
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const int = (v: number) => Math.round(v).toLocaleString('en-US');

function injectTable(results: InjectResult[]) {
  const rows = results.map(({ m, app, bare, missing }) =>
    app && bare
      ? `| ${m.name} | \`${m.route}\` | ${app.n} | ${ms(app.median)} | ${ms(app.p99)} | ${ms(bare.median)} | ${ms(bare.p99)} |`
      : `| ${m.name} | \`${m.route}\` | — | ${missing ?? '未运行'} | | | |`,
  );
  return [
    '| 操作 | 接口 | 次数 | 中位数 ms | p99 ms | 裸SQL 中位数 ms | 裸SQL p99 ms |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function httpTable(rows: HttpRow[]) {
  const cells = (r: LoadResult) =>
    r.failures > 0
      ? [`失败 ${r.failures} 次：${(r.failure ?? '').replaceAll('|', '/').slice(0, 80)}`, '', '']
      : [int(r.rps), ms(r.p50), ms(r.p99)];
  const lines = rows.map(({ name, route, app, bare, missing }) => {
    if (!app || !bare) return `| ${name} | \`${route}\` | ${missing ?? '未运行'} | | | | | | |`;
    const r = app.rps / bare.rps;
    const ratio = app.failures || bare.failures ? '—' : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2);
    return `| ${name} | \`${route}\` | ${cells(app).join(' | ')} | ${cells(bare).join(' | ')} | ${ratio} |`;
  });
  return [
    '| 操作 | 接口 | 应用 req/s | 应用 p50 ms | 应用 p99 ms | 裸 req/s | 裸 p50 ms | 裸 p99 ms | 应用 ÷ 裸 |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...lines,
  ].join('\n');
}

function recountLine(r: RecountRun) {
  const scan = `原始扫描（同样的已认定记录按人员、年度、科目汇总，不写入）中位数 ${int(r.scan.median)} ms（${int(r.groups)} 组，${r.scan.n} 次）`;
  if (!r.app) return `| ${r.missing ?? '未运行'} | ${int(r.scan.median)} | — |\n\n${scan}.`;
  return `| ${int(r.app.median)} | ${int(r.scan.median)} | ${(r.app.median / r.scan.median).toFixed(2)} |\n\n${scan}; each recount found and fixed the ${int(r.changedPersons ?? 0)} persons put wrong before it (${r.app.n} runs).`;
}

/** Both tables of a run, written as the README's last section (## Benchmark) unless told not to. */
export function writeReport(run: {
  results: InjectResult[];
  http: {
    rows: HttpRow[] | string;
    imported: ImportRun | string;
    connections: number;
    duration: number;
    sessions: number;
  };
  recount: RecountRun;
  db: 'postgres' | 'pglite';
  seeded: ScaleResult;
  counts: Record<string, string>;
  machine: string;
  write: boolean;
}): string {
  const c = run.counts;
  const { http } = run;
  const imported =
    typeof http.imported === 'string'
      ? `批量申报导入 10,000 行：${http.imported}`
      : `批量申报导入 10,000 行 over HTTP (upload until the job is done): ${http.imported.seconds.toFixed(1)} s;
peak RSS of the app process +${int(http.imported.peakMb)} MB over its ${int(http.imported.idleMb)} MB before.`;
  const tables = `### Inject: one request at a time

${injectTable(run.results)}

### Over HTTP: ${http.connections} connections, ${http.duration} s per route and server

${typeof http.rows === 'string' ? http.rows : httpTable(http.rows)}

${imported}

### 重新统计学时 (province) next to the raw scan

| 重新统计学时 ms | 原始扫描 ms | ÷ |
|---:|---:|---:|
${recountLine(run.recount)}`;

  const rateLimits = Object.keys(RATE_LIMITS_OFF)
    .map((k) => `\`${k}\``)
    .join(', ');
  const section = `${HEADING}

\`npm run bench\` builds a fresh database (PostgreSQL at \`BENCH_DATABASE_URL\`, default
\`postgres://postgres@127.0.0.1:5432/ce_bench\`, dropped and re-created; PGlite in a temp dir with a
smaller dataset and no HTTP part when PostgreSQL is unreachable), seeds it with \`seedScale\` (the
same generator as \`npm run seed -- --persons N\`; \`BENCH_PERSONS\` overrides N), then adds its own
fresh persons (\`server/bench/fresh.ts\`): 5 法人单位 whose staff have 8 extra 待办 records each,
and one more with 200 staff who receive the imports and ${run.http.sessions} more who passed a
year. The approvals and imports it times act on those, so the seeded rows the lists read stay
as seeded.

1. **Inject**: each route through \`app.inject\`, one request at a time, with real sessions (login,
   使用选中的单位账号登录), next to its core SQL run bare through \`pg\` (\`server/bench/bare-sql.ts\`).
   Each approval acts on a distinct 待办 record; each import uploads a new 10,000-row workbook and
   polls until the job is done.
2. **Over HTTP**: the app in its own process (\`node --import tsx server/src/main.ts\`,
   \`NODE_ENV=production\`, \`LOG_LEVEL=${LOG_LEVEL}\` to a file; raised so the load is not throttled:
   ${rateLimits}) next to a bare server in another
   (\`server/bench/bare-server.ts\`: Fastify and one pg Pool of ${POOL_SIZE} connections, as the app's;
   per page one route running the minimal SQL
   of \`bare-sql.ts\` as prepared statements; no session, no validation, who asks comes in the URL;
   the certificate PDF is its SQL only, no rendering). autocannon loads each route from the bench
   process, the app first and then the bare server, never both at once, each after a short warm-up
   and only once the previous server is idle again. Connections: ${run.http.connections}. The lists
   spread over the sessions of ${run.http.sessions} persons and ${run.http.sessions} employers' agents;
   each PDF is a fresh person's own passed year; each approval is a distinct 待办 record of the
   fresh employers (several sessions of their agents); the certificate checks cycle over every
   valid number. Any answer but 2xx, a connection error, a timeout or no answer at all fails the
   run (the README is then left alone). First of all, on the app as started, one more 10,000-row
   import over HTTP: its time and the app's peak RSS (\`/proc/<pid>/status\`) over the RSS before.
3. **重新统计学时** for the province next to the raw scan of the same approved records
   (\`server/bench/recount.ts\`: recountRegion, the core of the HRSS job; before each run
   1,000 rows of ce_totals are put wrong on purpose and the run must fix exactly their persons).

Settings: \`BENCH_DURATION\` (s per route and server, default 15), \`BENCH_CONNECTIONS\` (50),
\`BENCH_SESSIONS\` (50), \`BENCH_WARMUP\` (s, 3), \`BENCH_APPROVALS\` (待办 records per server, 800 per
second of \`BENCH_DURATION\`), \`BENCH_LOG_LEVEL\` (the app's, \`info\`), \`BENCH_POOL_SIZE\` (the
bare server's pool, 10 as the app's), \`BENCH_REPEAT\` (inject requests per route, 200),
\`BENCH_IMPORT_REPEAT\` (5), \`BENCH_RECOUNT_REPEAT\` (3), \`BENCH_WRITE_README=0\` to print the
tables only, \`BENCH_APP_NODE_ARGS\` (node flags for the app process, e.g.
\`--cpu-prof --cpu-prof-dir=/tmp/prof\` to profile the HTTP part).

Last run: ${new Date().toISOString().slice(0, 10)}, ${run.db === 'postgres' ? 'PostgreSQL' : 'PGlite (PostgreSQL unreachable)'}, ${run.machine}.
Dataset as seeded: ${c.employers} 法人单位, ${c.professionals} 专业技术人员, ${c.records} 继续教育记录,
${c.history} 审批流程 rows (seeded in ${run.seeded.seconds} s).

${tables}

Each time is the whole request (session lookup, validation, the route's own queries, JSON / PDF /
Excel work); a wide gap to the bare SQL points at the query the route builds, a ratio far below 1
at the work the app does around it.
`;
  if (run.write) {
    const readme = readFileSync(README, 'utf8');
    const at = readme.indexOf(`\n${HEADING}\n`);
    const head = at >= 0 ? readme.slice(0, at) : readme.trimEnd();
    writeFileSync(README, `${head.trimEnd()}\n\n${section}`);
  }
  return tables;
}
