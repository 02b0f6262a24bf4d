import { type ImportJob, type ImportJobSummary, type PageQuery, pickRule } from '@ce/shared';
import type { FastifyBaseLogger } from 'fastify';
import { audit } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import { AppError, invalidState, notFound } from '../../core/errors';
import { beijingToday } from '../../core/time';
import { employerUnitId } from '../people/people.policy';
import { refreshTotalsOf } from '../requirements/totals';
import { workflowActor } from '../workflow/workflow.engine';
import { checkRows, firstClash } from './imports.check';
import { insertImported } from './imports.insert';
import * as repo from './imports.repository';
import { type RawRow, readUpload } from './imports.workbook';

/**
 * 继续教育记录批量申报 (manual 003 §1.6.2, SPEC §6): the upload is checked and answered at once
 * with a job; the rows are checked and imported in the background of this process. Nothing is
 * written unless every row is right, and then all rows go in one transaction.
 */

/** Jobs still running, per app (its Services), chained per unit so one unit's files go in turn. */
const running = new WeakMap<Services, Map<string, Promise<void>>>();

/** Waits for the background jobs of this app (called when the app closes). */
export async function drainImports(s: Services) {
  const chains = running.get(s);
  if (chains) await Promise.allSettled([...chains.values()]);
}

function schedule(s: Services, unitId: string, work: () => Promise<void>) {
  const chains = running.get(s) ?? new Map<string, Promise<void>>();
  running.set(s, chains);
  const next = (chains.get(unitId) ?? Promise.resolve()).then(work, work);
  chains.set(unitId, next);
  void next.finally(() => {
    if (chains.get(unitId) === next) chains.delete(unitId);
  });
}

export async function startImport(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  file: { fileName: string; bytes: Buffer },
  log: FastifyBaseLogger,
): Promise<{ jobId: string }> {
  const unitId = employerUnitId(actor);
  const rows = await readUpload(file.bytes);
  const fileName = file.fileName.slice(0, 200);
  const jobId = await s.db.transaction(async (tx) => {
    const id = await repo.insertJob(tx, {
      unitId,
      createdBy: actor.accountId,
      fileName,
      totalRows: rows.length,
    });
    await audit(tx, ctx, {
      action: 'record.import.upload',
      objectType: 'import_job',
      objectId: id,
      detail: { rows: rows.length, fileName },
    });
    return id;
  });
  const job = { id: jobId, unitId, fileName: file.fileName };
  schedule(s, unitId, () => runJob(s, ctx, actor, job, rows, log));
  return { jobId };
}

async function runJob(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  job: { id: string; unitId: string; fileName: string },
  rows: RawRow[],
  log: FastifyBaseLogger,
) {
  const { id: jobId, unitId } = job;
  try {
    const scope = { unitId };
    const ids = rows.map((r) =>
      String(r.cells.公民身份号码 ?? '')
        .trim()
        .toUpperCase(),
    );
    const staff = await repo.confirmedStaff(s.db, scope, ids);
    const institutionNames = rows.map((r) => String(r.cells.施教机构名称 ?? '').trim()).filter(Boolean);
    const rules = await repo.activeRules(s.db);
    const region = await repo.unitRegion(s.db, unitId);
    const perDayCache = new Map<string, number>();
    const lookups = {
      staff,
      institutions: await repo.institutionsNamed(s.db, institutionNames),
      existing: await repo.standingRecords(
        s.db,
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
      repo.updateJob(s.db, jobId, { processedRows }),
    );
    if (errors.length > 0) {
      await repo.updateJob(s.db, jobId, {
        status: 'invalid',
        errors,
        message: `共${errors.length}处错误，数据有误，未导入任何记录，请修改后重新上传`,
        finishedAt: new Date(),
      });
      return;
    }
    await repo.updateJob(s.db, jobId, { status: 'importing' });
    const who = { ...workflowActor(actor), unitId };
    await s.db.transaction(async (tx) => {
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
      await insertImported(tx, who, records);
      await refreshTotalsOf(
        tx,
        records.map((r) => r.professionalId),
      );
      await audit(tx, ctx, {
        action: 'record.import',
        objectType: 'import_job',
        objectId: jobId,
        detail: { count: records.length, fileName: job.fileName },
      });
      await repo.updateJob(tx, jobId, {
        status: 'done',
        importedRows: records.length,
        message: `导入成功，共导入${records.length}条记录`,
        finishedAt: new Date(),
      });
    });
  } catch (error) {
    log.error({ err: error, jobId }, 'record import failed');
    const message = error instanceof AppError ? error.message : '系统错误，未导入任何记录，请稍后重新上传';
    await repo
      .updateJob(s.db, jobId, { status: 'failed', message: `导入失败：${message}`, finishedAt: new Date() })
      .catch((e: unknown) => log.error({ err: e, jobId }, 'record import: could not mark the job failed'));
  }
}

export async function findJob(s: Services, actor: Actor, jobId: string): Promise<ImportJob> {
  const row = await repo.findJob(s.db, { unitId: employerUnitId(actor) }, jobId);
  if (!row) throw notFound('导入批次');
  return {
    ...row,
    errors: row.errors ?? [],
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function jobErrors(s: Services, actor: Actor, jobId: string) {
  const row = await repo.jobErrors(s.db, { unitId: employerUnitId(actor) }, jobId);
  if (!row) throw notFound('导入批次');
  return { fileName: row.fileName, errors: row.errors ?? [] };
}

export async function jobs(
  s: Services,
  actor: Actor,
  query: PageQuery,
): Promise<{ items: ImportJobSummary[]; total: number; page: number; pageSize: number }> {
  const { items, total } = await repo.listJobs(s.db, { unitId: employerUnitId(actor) }, query);
  return {
    items: items.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
