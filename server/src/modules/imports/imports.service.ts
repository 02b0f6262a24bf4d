import type { ImportJob, ImportJobSummary, PageQuery } from '@ce/shared';
import { audit, auditContextOf } from '../../core/audit';
import type { Actor, RequestContext, Services } from '../../core/context';
import { notFound } from '../../core/errors';
import { employerUnitId } from '../people/people.policy';
import { workflowActor } from '../workflow/workflow.engine';
import { IMPORT_JOB, type ImportPayload } from './imports.job';
import * as repo from './imports.repository';
import { readUpload } from './imports.workbook';

/**
 * 继续教育记录批量申报 (manual 003 §1.6.2, SPEC §6): the upload is read and answered at once with
 * an import job; the rows are checked and imported by a background job (./imports.job.ts) that
 * any instance may run. Nothing is written unless every row is right, then all in one transaction.
 */
export async function startImport(
  s: Services,
  ctx: RequestContext,
  actor: Actor,
  file: { fileName: string; bytes: Buffer },
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
      upload: file.bytes,
    });
    await audit(tx, ctx, {
      action: 'record.import.upload',
      objectType: 'import_job',
      objectId: id,
      detail: { rows: rows.length, fileName },
    });
    // queued in this transaction: the job exists exactly when its import job row does
    const payload: ImportPayload = {
      importJobId: id,
      who: { ...workflowActor(actor), unitId },
      ctx: auditContextOf(ctx),
    };
    await s.jobs.send(IMPORT_JOB, payload, { tx });
    return id;
  });
  s.jobs.wake(IMPORT_JOB);
  return { jobId };
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
