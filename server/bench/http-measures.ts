import type { Db } from '../src/core/db';
import type { Query } from './bare-sql';
import type { Fresh, PendingRecord } from './fresh';
import { HttpSession } from './http-session';
import type { LoadRequest, LoadSpec } from './load';

/**
 * The routes the HTTP part loads, each as the app's request and the bare server's for the same
 * page: the same persons, employers and records on both sides.
 */

export interface HttpMeasure {
  name: string;
  route: string;
  /** true: each request consumes a record, no warm-up */
  writes?: boolean;
  /** runs once before; a string says why the measure is skipped */
  prepare?: () => Promise<true | string>;
  app: () => LoadSpec;
  bare: () => LoadSpec;
}

export interface HttpWorld {
  appUrl: string;
  db: Db;
  bare: Query;
  connections: number;
  fresh: Fresh;
  pending: { app: PendingRecord[]; bare: PendingRecord[] };
  /** seeded persons and employers (their professional / unit ids) */
  persons: { id: string }[];
  employers: { id: string }[];
  /** a session per person and per employer (same order), several per fresh approval employer */
  sessions: { persons: HttpSession[]; employers: HttpSession[]; reviewers: Map<string, HttpSession[]> };
}

const get = (path: string, headers?: Record<string, string>): LoadRequest => ({
  method: 'GET',
  path,
  headers,
});

export async function inBatches<T, R>(items: readonly T[], size: number, fn: (t: T) => Promise<R>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

export function httpMeasures(w: HttpWorld): HttpMeasure[] {
  const agentOf = new Map(w.fresh.approvalUnits.map((u) => [u.id, u.agentId]));
  const prints: { session: HttpSession; professionalId: string; year: number }[] = [];
  const numbers: string[] = [];

  const approve = (side: 'app' | 'bare') => {
    const records = w.pending[side];
    return {
      maxRequests: records.length,
      perRequest: (n: number): LoadRequest => {
        const p = records[Math.min(n, records.length - 1)];
        if (side === 'bare') {
          const body = JSON.stringify({ unitId: p.unitId, agentId: agentOf.get(p.unitId) });
          return { method: 'POST', path: `/review/records/${p.id}/review`, body };
        }
        const sessions = w.sessions.reviewers.get(p.unitId) ?? [];
        const s = sessions[n % sessions.length];
        const body = JSON.stringify({ decision: 'approve', recognisedHours: p.hours, opinion: '同意' });
        return {
          method: 'POST',
          path: `/api/review/records/${p.id}/review`,
          headers: s.headers(true),
          body,
        };
      },
    };
  };
  return [
    {
      name: '个人继续教育记录列表（第1页）',
      route: 'GET /api/records/mine',
      app: () => ({
        perConnection: (n) =>
          get(
            '/api/records/mine?page=1&pageSize=20',
            w.sessions.persons[n % w.sessions.persons.length].headers(),
          ),
      }),
      bare: () => ({
        perConnection: (n) => get(`/records/mine?professionalId=${w.persons[n % w.persons.length].id}`),
      }),
    },
    {
      name: '单位待办：继续教育记录认定列表',
      route: 'GET /api/review/records',
      app: () => ({
        perConnection: (n) =>
          get(
            '/api/review/records?page=1&pageSize=20&state=submitted',
            w.sessions.employers[n % w.sessions.employers.length].headers(),
          ),
      }),
      bare: () => ({
        perConnection: (n) => get(`/review/records?unitId=${w.employers[n % w.employers.length].id}`),
      }),
    },
    {
      name: '审核同意（含学时统计）',
      route: 'POST /api/review/records/:id/review',
      writes: true,
      prepare: async () =>
        w.pending.app.length >= w.connections && w.pending.bare.length >= w.connections
          ? true
          : '待办记录不足',
      app: () => approve('app'),
      bare: () => approve('bare'),
    },
    {
      name: '继续教育证书PDF',
      route: 'GET /api/certificates/:professionalId/:year/pdf',
      prepare: async () => {
        // the fresh persons who passed a year, each printing their own (issued on the first print)
        const holders = w.fresh.holders;
        const sessions = await inBatches(holders, 5, (h) => HttpSession.login(w.appUrl, w.db, h.login));
        for (const [k, h] of holders.entries()) {
          await sessions[k].ok('GET', `/api/certificates/${h.professionalId}/${h.year}/pdf`);
          prints.push({ session: sessions[k], professionalId: h.professionalId, year: h.year });
        }
        return prints.length > 0 || '没有年度验证通过的人员';
      },
      app: () => ({
        perConnection: (n) => {
          const p = prints[n % prints.length];
          return get(`/api/certificates/${p.professionalId}/${p.year}/pdf`, p.session.headers());
        },
      }),
      bare: () => ({
        perConnection: (n) => {
          const p = prints[n % prints.length];
          return get(`/certificates/${p.professionalId}/${p.year}/pdf`);
        },
      }),
    },
    {
      name: '证书查验（公开）',
      route: 'GET /api/public/certificates/:number',
      prepare: async () => {
        const rows = (await w.bare(
          `select number from certificates where status = 'valid' order by number limit 1000`,
        )) as { number: string }[];
        numbers.push(...rows.map((r) => r.number));
        return numbers.length > 0 || '没有证书';
      },
      app: () => ({ perRequest: (n) => get(`/api/public/certificates/${numbers[n % numbers.length]}`) }),
      bare: () => ({ perRequest: (n) => get(`/certificates/${numbers[n % numbers.length]}`) }),
    },
  ];
}
