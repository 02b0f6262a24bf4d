import type { RecountJob, RecountJobState } from '@ce/shared';
import { audit, auditContextOf } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import { conflict, forbidden } from '../../core/errors';
import { hrssScope } from '../../core/scope';
import { RECOUNT_JOB, type RecountPayload } from './recount.job';
import * as repo from './recount.repository';
import { regionLabel } from './standing';

/**
 * 重新统计学时 for HRSS: every person of its region (the province HRSS: the whole province; a city
 * HRSS: the persons whose employer lies in its region), as a background job with a progress bar.
 */

/** The HRSS acting, and the region it recounts: null for the province, else its region code prefix. */
function regionOf(actor: Actor): { unitId: string; regionCode: string | null } {
  const scope = hrssScope(actor);
  const unitId = actor.actingUnit?.id;
  if (!unitId) throw forbidden('仅人社部门可使用此功能');
  return { unitId, regionCode: scope.kind === 'all' ? null : scope.prefix };
}

function present(row: repo.RecountJobRow): RecountJob {
  return {
    id: row.id,
    status: row.status,
    regionName: regionLabel(row.regionCode),
    personsTotal: row.personsTotal,
    personsDone: row.personsDone,
    changedPersons: row.changedPersons,
    changedRows: row.changedRows,
    message: row.message,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

const stillRunning = (regionCode: string | null) =>
  conflict(`${regionLabel(regionCode)}的重新统计学时正在进行中，请等待本次统计完成后再试`);

function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    if ((x as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Starts the recount of the actor's region; one at a time per region (409 while one runs). */
export async function startRecount(s: Services, ctx: RequestContext, actor: Actor): Promise<RecountJob> {
  const { unitId, regionCode } = regionOf(actor);
  let job: repo.RecountJobRow;
  try {
    job = await s.db.transaction(async (tx) => {
      if (await repo.runningJob(tx, regionCode)) throw stillRunning(regionCode);
      const row = await repo.insertJob(tx, { unitId, regionCode, createdBy: actor.accountId });
      await audit(tx, ctx, {
        action: 'totals.recount.start',
        objectType: 'recount_job',
        objectId: row.id,
        detail: { region: regionLabel(regionCode) },
      });
      // queued in this transaction: the job exists exactly when its row does
      const payload: RecountPayload = { recountJobId: row.id, ctx: auditContextOf(ctx) };
      await s.jobs.send(RECOUNT_JOB, payload, { tx });
      return row;
    });
  } catch (error) {
    // two starts at once: the partial unique index lets one in
    if (isUniqueViolation(error)) throw stillRunning(regionCode);
    throw error;
  }
  s.jobs.wake(RECOUNT_JOB);
  return present(job);
}

/** The actor's region and its latest recount, for the progress bar. */
export async function recountState(s: Services, actor: Actor): Promise<RecountJobState> {
  const { regionCode } = regionOf(actor);
  const row = await repo.latestJob(s.db, regionCode);
  return { regionName: regionLabel(regionCode), job: row ? present(row) : null };
}
