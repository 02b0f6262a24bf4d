import type { Db } from '../src/core/db';
import { AGGREGATE, type Query } from './bare-sql';
import { stats, timed } from './setup';

/**
 * 重新统计学时 for the whole province next to the raw scan of the same rows.
 *
 * WIRE THE APP'S RECOUNT HERE (issue 8, item 4): `appRecount = (db) => <the recount, all persons>`.
 * While it is null the measure is skipped (尚未实现) and only the raw scan is timed.
 */
export const appRecount: ((db: Db) => Promise<void>) | null = null;

/** The raw scan: the fresh totals of every approved record, aggregated in PostgreSQL, nothing written. */
export const RAW_SCAN = `select count(*) as groups, coalesce(sum(hours), 0) as hours from (
  ${AGGREGATE}
  group by r.professional_id, r.year, r.subject_type) as t(professional_id, year, subject_type, hours, courses, at)`;

export interface RecountRun {
  app?: ReturnType<typeof stats>;
  scan: ReturnType<typeof stats>;
  /** the (professional, year, subject) groups the scan found */
  groups: number;
  missing?: string;
}

export async function measureRecount(db: Db, bare: Query, repeat: number): Promise<RecountRun> {
  let groups = 0;
  const scanMs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    scanMs.push(
      await timed(async () => {
        const [row] = (await bare(RAW_SCAN)) as { groups: string }[];
        groups = Number(row.groups);
      }),
    );
  }
  const recount = appRecount;
  if (!recount) return { scan: stats(scanMs), groups, missing: '尚未实现' };
  const appMs: number[] = [];
  for (let i = 0; i < repeat; i++) appMs.push(await timed(() => recount(db)));
  return { app: stats(appMs), scan: stats(scanMs), groups };
}
