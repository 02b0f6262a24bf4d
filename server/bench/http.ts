import type { Db } from '../src/core/db';
import { SCALE_AGENT_PREFIX, SCALE_EMPLOYER_PREFIX, SCALE_PERSON_PREFIX } from '../src/seed/scale';
import type { Query } from './bare-sql';
import type { Fresh, PendingRecord } from './fresh';
import { httpMeasures, inBatches } from './http-measures';
import { HttpSession } from './http-session';
import { type LoadResult, type LoadSpec, load } from './load';
import { type Child, peakRssDuring, settle, startApp, startBare } from './processes';

/**
 * The concurrent part of `npm run bench`: the app in its own process next to the bare server
 * (bare-server.ts) in another, each route loaded by autocannon from this process, app first and
 * bare after, never both at once. Many sessions (persons, employers' agents) spread over the
 * connections, so no figure is one cached row.
 */

export interface HttpPlan {
  dbUrl: string;
  /** Drizzle on the bench database (the captcha answers of the logins) */
  db: Db;
  bare: Query;
  /** the seeded persons */
  persons: number;
  fresh: Fresh;
  /** distinct 待办 records for the approvals of each side */
  pending: { app: PendingRecord[]; bare: PendingRecord[] };
  /** a 10,000-row workbook for the fresh import employer */
  workbook: Buffer;
  connections: number;
  duration: number;
  warmup: number;
  /** sessions of persons and of employers' agents */
  sessions: number;
  log: (m: string) => void;
}

export interface HttpRow {
  name: string;
  route: string;
  app?: LoadResult;
  bare?: LoadResult;
  missing?: string;
}

export interface ImportRun {
  seconds: number;
  idleMb: number;
  peakMb: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export async function runHttp(plan: HttpPlan): Promise<{ rows: HttpRow[]; imported: ImportRun }> {
  const { log } = plan;
  const children: Child[] = [];
  try {
    const app = await startApp(plan.dbUrl);
    children.push(app);
    const bare = await startBare(plan.dbUrl);
    children.push(bare);
    log(`应用进程 ${app.url}（pid ${app.pid}），裸服务进程 ${bare.url}（pid ${bare.pid}）`);

    // persons and employers spread over the seeded dataset, each with its own session
    const step = Math.max(1, Math.floor(plan.persons / plan.sessions));
    const personLogins = Array.from(
      { length: Math.min(plan.sessions, plan.persons) },
      (_, k) => `${SCALE_PERSON_PREFIX}${pad(1 + k * step, 6)}`,
    );
    const persons = (await plan.bare(
      `select a.login_name, p.id from accounts a join professionals p on p.person_id = a.id
        where a.login_name = any($1::text[]) order by a.login_name`,
      [personLogins],
    )) as { login_name: string; id: string }[];
    const employerCount = Math.max(1, Math.ceil(plan.persons / 100));
    const estep = Math.max(1, Math.floor(employerCount / plan.sessions));
    const employerLogins = Array.from(
      { length: Math.min(plan.sessions, employerCount) },
      (_, k) => `${SCALE_EMPLOYER_PREFIX}${pad(1 + k * estep, 5)}`,
    );
    const employers = (await plan.bare(
      'select login_name, id from accounts where login_name = any($1::text[]) order by login_name',
      [employerLogins],
    )) as { login_name: string; id: string }[];
    log(`登录 ${persons.length} 名专业技术人员、${employers.length} 个单位经办人…`);
    const sessions = {
      persons: [] as HttpSession[],
      employers: [] as HttpSession[],
      reviewers: new Map<string, HttpSession[]>(),
    };
    sessions.persons = await inBatches(persons, 5, (p) => HttpSession.login(app.url, plan.db, p.login_name));
    sessions.employers = await inBatches(employers, 5, (e) =>
      HttpSession.login(
        app.url,
        plan.db,
        e.login_name.replace(SCALE_EMPLOYER_PREFIX, SCALE_AGENT_PREFIX),
        e.id,
      ),
    );
    // several sessions per fresh employer for the approvals
    for (const u of plan.fresh.approvalUnits) {
      const n = Math.max(1, Math.ceil(plan.sessions / plan.fresh.approvalUnits.length));
      sessions.reviewers.set(
        u.id,
        await inBatches(Array.from({ length: n }), 5, () =>
          HttpSession.login(app.url, plan.db, u.agentLogin, u.id),
        ),
      );
    }

    // the import first, on the app as started (after the logins): its RSS before is the idle one
    log('批量申报导入 10,000 行（应用进程的内存峰值）…');
    const importer = await HttpSession.login(
      app.url,
      plan.db,
      plan.fresh.importUnit.agentLogin,
      plan.fresh.importUnit.id,
    );
    const started = Date.now();
    const rss = await peakRssDuring(app.pid, () => importer.importAndWait(plan.workbook));
    const imported = {
      seconds: (Date.now() - started) / 1000,
      idleMb: rss.idleKb / 1024,
      peakMb: (rss.peakKb - rss.idleKb) / 1024,
    };
    log(
      `导入用时 ${imported.seconds.toFixed(1)} s，内存峰值 +${imported.peakMb.toFixed(0)} MB（空闲 ${imported.idleMb.toFixed(0)} MB）`,
    );
    await settle(app.pid);

    const measures = httpMeasures({ ...plan, appUrl: app.url, persons, employers, sessions });

    const opts = { connections: plan.connections, duration: plan.duration };
    // each run ends when its server is idle again (what was left in flight does not eat into the next)
    const run = async (target: Child, spec: LoadSpec, o: typeof opts) => {
      const r = await load(target.url, spec, o);
      await settle(target.pid);
      return r;
    };
    const rows: HttpRow[] = [];
    for (const m of measures) {
      const ready = m.prepare ? await m.prepare() : true;
      if (ready !== true) {
        log(`跳过 ${m.name}：${ready}`);
        rows.push({ name: m.name, route: m.route, missing: ready });
        continue;
      }
      if (!m.writes && plan.warmup > 0) {
        const warm = { ...opts, duration: plan.warmup, answers: false };
        const [a, b] = [await run(app, m.app(), warm), await run(bare, m.bare(), warm)];
        const failed = [a, b].find((r) => r.failures > 0);
        if (failed) {
          rows.push({ name: m.name, route: m.route, app: a, bare: b });
          log(`${m.name}：预热失败 ${failed.failure}`);
          continue;
        }
      }
      const a = await run(app, m.app(), opts);
      const b = await run(bare, m.bare(), opts);
      const line = (r: LoadResult) =>
        r.failures > 0
          ? `失败 ${r.failures} 次（${r.failure}）`
          : `${r.rps.toFixed(0)} req/s，p50 ${r.p50} ms，p99 ${r.p99} ms`;
      log(`${m.name}：应用 ${line(a)}；裸 ${line(b)}`);
      rows.push({ name: m.name, route: m.route, app: a, bare: b });
    }

    return { rows, imported };
  } finally {
    for (const c of children.reverse()) await c.stop();
  }
}
