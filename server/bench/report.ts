import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScaleResult } from '../src/seed/scale';
import type { Measure } from './measures';

interface Stat {
  n: number;
  median: number;
  p99: number;
}

const README = join(dirname(fileURLToPath(import.meta.url)), '../../README.md');
const HEADING = '## Benchmark';
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** The Markdown table of a run, written as the README's last section (## Benchmark) unless told not to. */
export function writeReport(run: {
  results: { m: Measure; app?: Stat; bare?: Stat; missing?: string }[];
  db: 'postgres' | 'pglite';
  seeded: ScaleResult;
  counts: Record<string, string>;
  machine: string;
  write: boolean;
}): string {
  const rows = run.results.map(({ m, app, bare, missing }) =>
    app && bare
      ? `| ${m.name} | \`${m.route}\` | ${app.n} | ${ms(app.median)} | ${ms(app.p99)} | ${ms(bare.median)} | ${ms(bare.p99)} |`
      : `| ${m.name} | \`${m.route}\` | — | ${missing ?? '未运行'} | | | |`,
  );
  const table = [
    '| 操作 | 接口 | 次数 | 中位数 ms | p99 ms | 裸SQL 中位数 ms | 裸SQL p99 ms |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  const c = run.counts;
  const section = `${HEADING}

\`npm run bench\` builds a fresh database (PostgreSQL at \`BENCH_DATABASE_URL\`, default
\`postgres://postgres@127.0.0.1:5432/ce_bench\`, dropped and re-created; PGlite in a temp dir with a
smaller dataset when PostgreSQL is unreachable), seeds it with \`seedScale\` (the same generator as
\`npm run seed -- --persons N\`; \`BENCH_PERSONS\` overrides N), then times each route through
\`app.inject\` with real sessions (login, 使用选中的单位账号登录) next to its core SQL run bare
through \`pg\`. Each approval acts on a distinct 待办 record; each import uploads a new
10,000-row workbook and polls until the job is done (all rows checked, then inserted in one
transaction with the totals refreshed).

Last run: ${new Date().toISOString().slice(0, 10)}, ${run.db === 'postgres' ? 'PostgreSQL' : 'PGlite (PostgreSQL unreachable)'}, ${run.machine}.
Dataset: ${c.employers} 法人单位, ${c.professionals} 专业技术人员, ${c.records} 继续教育记录,
${c.history} 审批流程 rows (seeded in ${run.seeded.seconds} s).

${table}

Each time is the whole request (session lookup, validation, the route's own queries, JSON / PDF /
Excel work); a wide gap to the bare SQL points at the query the route builds.
`;
  if (run.write) {
    const readme = readFileSync(README, 'utf8');
    const at = readme.indexOf(`\n${HEADING}\n`);
    const head = at >= 0 ? readme.slice(0, at) : readme.trimEnd();
    writeFileSync(README, `${head.trimEnd()}\n\n${section}`);
  }
  return table;
}
