import type { Db } from '../src/core/db';
import { recountRegion } from '../src/modules/requirements/recount';
import { AGGREGATE, type Query } from './bare-sql';
import { stats, timed } from './setup';

/**
 * 重新统计学时 for the whole province (the HRSS job's core, recountRegion) next to the raw scan
 * of the same rows. Before each run DRIFT rows of ce_totals are put wrong on purpose (outside
 * the timing), so every run has persons to find and fix; the run must fix exactly those.
 */
export const DRIFT = 1000;
export const appRecount = (db: Db) => recountRegion(db, { kind: 'all' });

const drift = (bare: Query) =>
  bare(`update ce_totals set hours = hours + 1 where (professional_id, year, subject_type) in
          (select professional_id, year, subject_type from ce_totals order by random() limit ${DRIFT})
        returning professional_id`);

/** The raw scan: the fresh totals of every approved record, aggregated in PostgreSQL, nothing written. */
export const RAW_SCAN = `select count(*) as groups, coalesce(sum(hours), 0) as hours from (
  ${AGGREGATE}
  group by r.professional_id, r.year, r.subject_type) as t(professional_id, year, subject_type, hours, courses, at)`;

export interface RecountRun {
  app?: ReturnType<typeof stats>;
  scan: ReturnType<typeof stats>;
  /** the (professional, year, subject) groups the scan found */
  groups: number;
  /** persons the last app run found drifted and fixed */
  changedPersons?: number;
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
  const appMs: number[] = [];
  let changedPersons = 0;
  for (let i = 0; i < repeat; i++) {
    const wrong = new Set((await drift(bare)).map((r) => (r as { professional_id: string }).professional_id));
    appMs.push(
      await timed(async () => {
        changedPersons = (await appRecount(db)).changedPersons;
      }),
    );
    if (changedPersons !== wrong.size)
      throw new Error(`重新统计学时修正了 ${changedPersons} 人，应为 ${wrong.size} 人`);
  }
  return { app: stats(appMs), scan: stats(scanMs), groups, changedPersons };
}
