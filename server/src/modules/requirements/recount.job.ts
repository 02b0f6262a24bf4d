import { type AuditContext, audit } from '../../core/audit';
import type { Services } from '../../core/context';
import type { Db } from '../../core/db';
import type { JobDefinition } from '../../core/jobs';
import type { RegionScope } from '../../core/scope';
import { recountRegion } from './recount';
import * as repo from './recount.repository';
import { regionLabel } from './standing';

/**
 * The background job of an HRSS 重新统计学时 (./recount.service.ts starts it). Any instance may run
 * it, and an attempt may be repeated (its worker died, or it threw): the recount only writes rows
 * that differ, so a repeat finds what is left; the changes of each batch are added to the job row
 * in the batch's own transaction, so the counts stay true across attempts.
 */
export const RECOUNT_JOB = 'totals-recount';

/** Plain data only: the payload outlives the request (and the process) that queued it. */
export interface RecountPayload {
  recountJobId: string;
  /** who started it, for the audit row of the result */
  ctx: AuditContext;
}

/** What the HRSS reads when it ends (manual wording: 重新统计完成…). */
export function resultMessage(changedPersons: number): string {
  return changedPersons === 0 ? '重新统计完成，学时无变化' : `重新统计完成，${changedPersons} 人学时已更新`;
}

const LOST = '重新统计失败：执行统计的服务进程中断，已更新的学时保持有效，请重新统计';
const BROKEN = '重新统计失败：系统错误，已更新的学时保持有效，请稍后重新统计';

export function recountJobDefinition(s: Services): JobDefinition<RecountPayload> {
  return {
    name: RECOUNT_JOB,
    retryLimit: 2,
    // a province takes seconds to minutes; an attempt this old is taken as lost
    expireInSeconds: Math.max(s.config.jobExpireSeconds, 1800),
    run: (data) => runRecount(s.db, data),
    async onDead(data, reason) {
      await s.db.transaction(async (tx) => {
        const message = reason.startsWith('lost:') ? LOST : BROKEN;
        const job = await repo.endJob(tx, data.recountJobId, { status: 'failed', message: () => message });
        if (!job) return;
        await audit(tx, data.ctx, {
          action: 'totals.recount',
          objectType: 'recount_job',
          objectId: job.id,
          outcome: 'failure',
          detail: { region: regionLabel(job.regionCode), reason: reason.slice(0, 200) },
        });
      });
    },
  };
}

async function runRecount(db: Db, data: RecountPayload) {
  const id = data.recountJobId;
  const job = await repo.findJob(db, id);
  // ended already (or gone): nothing to do
  if (job?.status !== 'running') return;
  const scope: RegionScope =
    job.regionCode === null ? { kind: 'all' } : { kind: 'prefix', prefix: job.regionCode };
  await recountRegion(db, scope, (q, p) =>
    repo.progress(q, id, {
      personsTotal: p.personsTotal,
      personsDone: p.personsDone,
      changedPersons: p.batch.persons,
      changedRows: p.batch.rows,
    }),
  );
  await db.transaction(async (tx) => {
    const ended = await repo.endJob(tx, id, {
      status: 'done',
      message: (j) => resultMessage(j.changedPersons),
    });
    if (!ended) return;
    await audit(tx, data.ctx, {
      action: 'totals.recount',
      objectType: 'recount_job',
      objectId: id,
      detail: {
        region: regionLabel(ended.regionCode),
        persons: ended.personsTotal,
        changedPersons: ended.changedPersons,
        changedRows: ended.changedRows,
      },
    });
  });
}
