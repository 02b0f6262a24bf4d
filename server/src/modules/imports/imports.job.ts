import { pickRule } from '@ce/shared';
import { type AuditContext, audit } from '../../core/audit';
import type { Services } from '../../core/context';
import type { Db } from '../../core/db';
import { AppError, invalidState } from '../../core/errors';
import type { JobDefinition, JobInfo } from '../../core/jobs';
import { beijingToday } from '../../core/time';
import { refreshTotalsOf } from '../requirements/totals';
import type { WorkflowActor } from '../workflow/workflow.engine';
import { checkRows, firstClash, type ImportRecord } from './imports.check';
import { insertImported } from './imports.insert';
import * as repo from './imports.repository';
import { type RawRow, readUpload } from './imports.workbook';

/**
 * The background job of 继续教育记录批量申报: checks the uploaded rows and imports them all in one
 * transaction. Any instance may run it, and an attempt may be repeated (its worker died, or it
 * threw): a job that has ended is left alone, a repeated one checks again from the start, and the
 * insert transaction re-locks the import job, so the records go in once or not at all.
 */
export const IMPORT_JOB = 'record-import';

/** Plain data only: the payload outlives the request (and the process) that queued it. */
export interface ImportPayload {
  importJobId: string;
  /** who declares, as the workflow history keeps it */
  who: WorkflowActor & { unitId: string };
  /** who uploaded, for the audit rows */
  ctx: AuditContext;
}

const LOST = '导入失败：处理该批次的服务进程中断，未导入任何记录，请重新上传';
const BROKEN = '导入失败：系统错误，未导入任何记录，请稍后重新上传';

export function importJobDefinition(s: Services): JobDefinition<ImportPayload> {
  return {
    name: IMPORT_JOB,
    retryLimit: 2,
    run: (data, job) => runImport(s.db, data, job),
    async onDead(data, reason) {
      await s.db.transaction(async (tx) => {
        const message = reason.startsWith('lost:') ? LOST : BROKEN;
        if (!(await repo.endJob(tx, data.importJobId, { status: 'failed', message }))) return;
        await audit(tx, data.ctx, {
          action: 'record.import',
          objectType: 'import_job',
          objectId: data.importJobId,
          outcome: 'failure',
          detail: { reason: reason.slice(0, 200) },
        });
      });
    },
  };
}

async function runImport(db: Db, data: ImportPayload, job: JobInfo) {
  const jobId = data.importJobId;
  const row = await repo.jobToRun(db, jobId);
  // done, invalid or failed already (or gone): nothing to do
  if (!row?.upload || (row.status !== 'checking' && row.status !== 'importing')) return;
  if (row.status !== 'checking' || job.retryCount > 0) {
    await repo.updateJob(db, jobId, { status: 'checking', processedRows: 0 });
  }
  try {
    const rows = await readUpload(row.upload);
    const records = await check(db, jobId, row.unitId, rows);
    if (!records) return;
    await repo.updateJob(db, jobId, { status: 'importing' });
    await insert(db, data, { id: jobId, unitId: row.unitId, fileName: row.fileName }, records);
  } catch (error) {
    // a business reason (a person unbound meanwhile, a clash) ends the job; anything else is
    // thrown again so the attempt is retried, and reported by onDead when retries are spent
    if (!(error instanceof AppError)) throw error;
    await db.transaction(async (tx) => {
      const message = `导入失败：${error.message}`;
      if (!(await repo.endJob(tx, jobId, { status: 'failed', message }))) return;
      await audit(tx, data.ctx, {
        action: 'record.import',
        objectType: 'import_job',
        objectId: jobId,
        outcome: 'failure',
        detail: { reason: error.message.slice(0, 200) },
      });
    });
  }
}

/** Checks every row; the checked records, or null when the job ended as 数据有误 (invalid). */
async function check(db: Db, jobId: string, unitId: string, rows: RawRow[]) {
  const scope = { unitId };
  const ids = rows.map((r) =>
    String(r.cells.公民身份号码 ?? '')
      .trim()
      .toUpperCase(),
  );
  const staff = await repo.confirmedStaff(db, scope, ids);
  const institutionNames = rows.map((r) => String(r.cells.施教机构名称 ?? '').trim()).filter(Boolean);
  const rules = await repo.activeRules(db);
  const region = await repo.unitRegion(db, unitId);
  const perDayCache = new Map<string, number>();
  const lookups = {
    staff,
    institutions: await repo.institutionsNamed(db, institutionNames),
    existing: await repo.standingRecords(
      db,
      [...staff.values()].map((p) => p.id),
    ),
    today: beijingToday(),
    hoursPerDay: (year: number, series: string | null) => {
      const key = `${year}|${series}`;
      let perDay = perDayCache.get(key);
      if (perDay === undefined) {
        perDay = pickRule(rules, year, series, region).hoursPerDay;
        perDayCache.set(key, perDay);
      }
      return perDay;
    },
  };
  const { records, errors } = await checkRows(rows, lookups, (processedRows) =>
    repo.updateJob(db, jobId, { processedRows }),
  );
  if (errors.length === 0) return records;
  await repo.endJob(db, jobId, {
    status: 'invalid',
    errors,
    message: `共${errors.length}处错误，数据有误，未导入任何记录，请修改后重新上传`,
  });
  return null;
}

async function insert(
  db: Db,
  data: ImportPayload,
  job: { id: string; unitId: string; fileName: string },
  records: ImportRecord[],
) {
  const scope = { unitId: job.unitId };
  await db.transaction(async (tx) => {
    // an attempt taken as lost may still be running here: the first to lock the job imports
    if (!(await repo.lockRunningJob(tx, job.id))) return;
    const still = await repo.lockConfirmedStaff(
      tx,
      scope,
      records.map((r) => r.professionalId),
    );
    const gone = records.find((r) => !still.has(r.professionalId));
    if (gone) {
      throw invalidState(
        `第${gone.row}行的人员已不是本单位已确认的专业技术人员，未导入任何记录，请核对后重新上传`,
      );
    }
    // the persons are locked now: what they declared while the rows were checked counts too
    const clash = firstClash(records, await repo.standingRecords(tx, [...still]));
    if (clash) {
      throw invalidState(
        `第${clash.row}行：该人员已有同一课程且学习时间重叠的继续教育记录，未导入任何记录，请核对后重新上传`,
      );
    }
    await insertImported(tx, data.who, records);
    await refreshTotalsOf(
      tx,
      records.map((r) => r.professionalId),
    );
    await audit(tx, data.ctx, {
      action: 'record.import',
      objectType: 'import_job',
      objectId: job.id,
      detail: { count: records.length, fileName: job.fileName },
    });
    await repo.endJob(tx, job.id, {
      status: 'done',
      importedRows: records.length,
      message: `导入成功，共导入${records.length}条记录`,
    });
  });
}
