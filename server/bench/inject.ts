import type { FastifyInstance } from 'fastify';
import { SCALE_AGENT_PREFIX, SCALE_EMPLOYER_PREFIX, SCALE_PERSON_PREFIX } from '../src/seed/scale';
import type { TestApp } from '../src/test/harness';
import { approveSql, certificateSql, listSql, pendingSql } from './bare-sql';
import type { Fresh, PendingRecord } from './fresh';
import { importSql, importWorkbook, type Measure, ok, uploadAndWait } from './measures';
import { type BenchDb, session, stats, timed } from './setup';

/**
 * The inject part of `npm run bench`: each route through app.inject with a real session, one
 * request at a time, next to its core SQL run bare (bare-sql.ts). Approvals and imports act on
 * the bench's fresh persons (fresh.ts), so the seeded rows the lists read stay as seeded.
 */

export interface InjectResult {
  m: Measure;
  app?: ReturnType<typeof stats>;
  bare?: ReturnType<typeof stats>;
  missing?: string;
}

export async function runInject(opts: {
  app: FastifyInstance;
  t: TestApp;
  db: BenchDb;
  fresh: Fresh;
  /** distinct 待办 records: the app takes the even ones, the bare SQL the odd ones */
  pending: PendingRecord[];
  repeat: number;
  imports: number;
  importRows: number;
  log: (m: string) => void;
}): Promise<InjectResult[]> {
  const { app, t, db, fresh, pending, log } = opts;
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
  const person = await session(t, `${SCALE_PERSON_PREFIX}000001`);
  const employer = await session(t, `${SCALE_AGENT_PREFIX}00001`, firstEmployer.id);
  const linaClient = await session(t, 'lina');
  const importer = await session(t, fresh.importUnit.agentLogin, fresh.importUnit.id);
  const units = new Map(fresh.approvalUnits.map((u) => [u.id, u]));
  const reviewers = new Map<string, Awaited<ReturnType<typeof session>>>();
  const workbooks: Buffer[] = [];

  const measures: Measure[] = [
    {
      name: '个人继续教育记录列表（第1页）',
      route: 'GET /api/records/mine',
      repeat: opts.repeat,
      prepare: async () => has('GET', '/api/records/mine') || '接口尚未实现',
      app: async () => void (await ok(person, 'GET', '/api/records/mine?page=1&pageSize=20')),
      bare: async () => void (await listSql(db, firstPerson.id)),
    },
    {
      name: '单位待办：继续教育记录认定列表',
      route: 'GET /api/review/records',
      repeat: opts.repeat,
      prepare: async () => has('GET', '/api/review/records') || '接口尚未实现',
      app: async () =>
        void (await ok(employer, 'GET', '/api/review/records?page=1&pageSize=20&state=submitted')),
      bare: async () => void (await pendingSql(db, firstEmployer.id)),
    },
    {
      name: '审核同意（含学时统计）',
      route: 'POST /api/review/records/:id/review',
      repeat: Math.min(opts.repeat, Math.floor(pending.length / 2)),
      prepare: async () => {
        if (!has('POST', '/api/review/records/:id/review')) return '接口尚未实现';
        for (const u of fresh.approvalUnits) reviewers.set(u.id, await session(t, u.agentLogin, u.id));
        return true;
      },
      app: async (i) => {
        const p = pending[2 * i];
        const c = reviewers.get(p.unitId);
        if (!c) throw new Error(`没有单位 ${p.unitId} 的经办人会话`);
        await ok(c, 'POST', `/api/review/records/${p.id}/review`, {
          decision: 'approve',
          recognisedHours: p.hours,
          opinion: '同意',
        });
      },
      bare: async (i) => {
        const p = pending[2 * i + 1];
        await approveSql(db, p.id, { id: units.get(p.unitId)?.agentId ?? '', unitId: p.unitId });
      },
    },
    {
      name: '继续教育证书PDF',
      route: 'GET /api/certificates/:professionalId/:year/pdf',
      repeat: opts.repeat,
      prepare: async () => has('GET', '/api/certificates/:professionalId/:year/pdf') || '接口尚未实现',
      app: async () => void (await ok(linaClient, 'GET', `/api/certificates/${lina.id}/2025/pdf`)),
      bare: async () => void (await certificateSql(db, lina.id, 2025)),
    },
    {
      name: `批量申报导入 ${opts.importRows.toLocaleString('en-US')} 行（上传至入库完成）`,
      route: 'POST /api/imports/records',
      repeat: opts.imports,
      prepare: async () => {
        if (!has('POST', '/api/imports/records')) return '接口尚未实现';
        log(`生成 ${opts.imports} 个 ${opts.importRows} 行的导入文件…`);
        for (let i = 0; i < opts.imports; i++)
          workbooks.push(await importWorkbook(fresh.importStaff, opts.importRows, `R${i}`));
        return true;
      },
      app: async (i) => uploadAndWait(importer, workbooks[i]),
      bare: async (i) => importSql(db, fresh.importStaff, opts.importRows, `B${i}`, fresh.importUnit.id),
    },
  ];

  const results: InjectResult[] = [];
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
  return results;
}
