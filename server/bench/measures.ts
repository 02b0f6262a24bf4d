import { randomUUID } from 'node:crypto';
import { RECORD_IMPORT_COLUMNS } from '@ce/shared';
import ExcelJS from 'exceljs';
import type { Client } from '../src/test/client';
import { multipart } from '../src/test/uploads';
import type { BenchDb } from './setup';

/** One measurement: the route through app.inject, next to its core SQL run bare. */
export interface Measure {
  name: string;
  route: string;
  repeat: number;
  /** runs once before timing; returns false (with a reason) when the route is not there yet */
  prepare?: () => Promise<true | string>;
  app: (i: number) => Promise<void>;
  bare: (i: number) => Promise<void>;
}

export const AGGREGATE = `
  select r.professional_id, r.year, r.subject_type,
         coalesce(sum(coalesce(r.recognised_hours, 0)) filter (where r.assessment = 'passed'), 0),
         count(*) filter (where r.assessment = 'passed' and coalesce(r.recognised_hours, 0) > 0)::int, now()
  from ce_records r
  join workflow_items w on w.object_type = 'ce_record' and w.object_id = r.id and w.state = 'approved'`;

export async function ok(c: Client, method: 'GET' | 'POST', url: string, body?: unknown) {
  const r = await c.request(method, url, body);
  if (r.status !== 200)
    throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  return r;
}

export const listSql = (db: BenchDb, professionalId: string) =>
  Promise.all([
    db.bare(
      `select r.id, r.course_name, r.subject_type, r.start_date, r.end_date, r.declared_hours, r.recognised_hours,
              r.year, w.state, w.step
         from ce_records r join workflow_items w on w.object_type = 'ce_record' and w.object_id = r.id
        where r.professional_id = $1 order by r.end_date desc, r.id limit 20`,
      [professionalId],
    ),
    db.bare('select count(*) from ce_records where professional_id = $1', [professionalId]),
  ]);

export const pendingSql = (db: BenchDb, unitId: string) =>
  Promise.all([
    db.bare(
      `select w.id, w.submitted_at, w.step, r.course_name, r.subject_type, r.declared_hours, p.name, p.id_number
         from workflow_items w join ce_records r on r.id = w.object_id join professionals p on p.id = r.professional_id
        where w.reviewer_unit_id = $1 and w.object_type = 'ce_record' and w.state = 'submitted'
        order by w.submitted_at limit 20`,
      [unitId],
    ),
    db.bare(
      `select count(*) from workflow_items where reviewer_unit_id = $1 and object_type = 'ce_record' and state = 'submitted'`,
      [unitId],
    ),
  ]);

/** 同意 with the totals refresh, as the review service does it, in one transaction. */
export const approveSql = (db: BenchDb, recordId: string, agent: { id: string; unitId: string }) =>
  db.bareTx(async (q) => {
    const [item] = (await q(
      `select id from workflow_items where object_type = 'ce_record' and object_id = $1 for update`,
      [recordId],
    )) as { id: string }[];
    await q(
      `update workflow_items set state = 'approved', reviewer_unit_id = null, version = version + 1, updated_at = now() where id = $1`,
      [item.id],
    );
    const [rec] = (await q(
      `update ce_records set reviewed_hours = declared_hours, recognised_hours = declared_hours, updated_at = now()
        where id = $1 returning professional_id, year`,
      [recordId],
    )) as { professional_id: string; year: number }[];
    await q(
      `insert into workflow_history (item_id, seq, step, action, actor_id, actor_name, actor_unit_id, opinion)
       values ($1, (select coalesce(max(seq), 0) + 1 from workflow_history where item_id = $1), '继续教育记录申报单位审批',
               'approve', $2, '经办人', $3, '同意')`,
      [item.id, agent.id, agent.unitId],
    );
    await q('delete from ce_totals where professional_id = $1 and year = $2', [
      rec.professional_id,
      rec.year,
    ]);
    await q(
      `insert into ce_totals (professional_id, year, subject_type, hours, courses, updated_at) ${AGGREGATE}
        where r.professional_id = $1 and r.year = $2 group by r.professional_id, r.year, r.subject_type`,
      [rec.professional_id, rec.year],
    );
    await q(
      `insert into audit_events (action, outcome, object_type, object_id) values ('workflow.approve', 'success', 'ce_record', $1)`,
      [recordId],
    );
  });

export const certificateSql = (db: BenchDb, professionalId: string, year: number) =>
  Promise.all([
    db.bare('select subject_type, hours, courses from ce_totals where professional_id = $1 and year = $2', [
      professionalId,
      year,
    ]),
    db.bare(`select * from certificates where professional_id = $1 and year = $2 and status = 'valid'`, [
      professionalId,
      year,
    ]),
    db.bare('select name, id_number, series from professionals where id = $1', [professionalId]),
  ]);

export interface Staff {
  professionalId: string;
  name: string;
  idNumber: string;
}

/** A 10,000-row workbook for the employer's staff; `tag` keeps course names new on every run. */
export async function importWorkbook(staff: readonly Staff[], rows: number, tag: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('继续教育记录');
  sheet.addRow(RECORD_IMPORT_COLUMNS.map((c) => c.header));
  for (let i = 0; i < rows; i++) {
    const p = staff[i % staff.length];
    sheet.addRow([
      p.name,
      p.idNumber,
      `批量课程${tag}-${i}`,
      '专业课',
      '面授',
      '2025-03-10',
      '2025-03-12',
      3,
      18,
      '合格',
      '广东省继续教育协会培训中心',
      null,
      null,
      null,
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function uploadAndWait(c: Client, bytes: Buffer) {
  const body = multipart({}, { name: 'bench.xlsx', bytes });
  const r = await c.request<{ jobId: string }>('POST', '/api/imports/records', undefined, {
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
  if (r.status !== 200) throw new Error(`导入上传失败 ${r.status} ${JSON.stringify(r.body)}`);
  for (;;) {
    const j = await c.get<{ status: string; message: string | null }>(`/api/imports/records/${r.body.jobId}`);
    if (j.body.status === 'done') return;
    if (j.body.status === 'invalid' || j.body.status === 'failed')
      throw new Error(`导入未成功：${j.body.message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The core SQL of an import: 10,000 records, items and history in multi-row INSERTs, then totals. */
export const importSql = (db: BenchDb, staff: readonly Staff[], rows: number, tag: string, unitId: string) =>
  db.bareTx(async (q) => {
    const ids = Array.from({ length: rows }, () => randomUUID());
    const items = Array.from({ length: rows }, () => randomUUID());
    for (let from = 0; from < rows; from += 1000) {
      const part = ids.slice(from, from + 1000);
      const itemPart = items.slice(from, from + 1000);
      await q(
        `insert into ce_records (id, professional_id, source, employer_id, course_name, subject_type, study_form,
           start_date, end_date, days, declared_hours, assessment, reviewed_hours, recognised_hours, institution_name, year)
         select id, pid, 'import', $3, name, 'professional', '面授', '2025-03-10', '2025-03-12', 3, 18, 'passed', 18, 18,
                '广东省继续教育协会培训中心', 2025
           from unnest($1::uuid[], $2::uuid[], $4::text[]) as t(id, pid, name)`,
        [
          part,
          part.map((_, k) => staff[(from + k) % staff.length].professionalId),
          unitId,
          part.map((_, k) => `裸SQL课程${tag}-${from + k}`),
        ],
      );
      await q(
        `insert into workflow_items (id, object_type, object_id, state, submitter_unit_id, submitted_at, version)
         select iid, 'ce_record', rid, 'approved', $3, now(), 1 from unnest($1::uuid[], $2::uuid[]) as t(iid, rid)`,
        [itemPart, part, unitId],
      );
      await q(
        `insert into workflow_history (item_id, seq, step, action, actor_name, actor_unit_id, opinion)
         select iid, 1, '继续教育记录批量申报', 'confirm', '经办人', $2, '确认' from unnest($1::uuid[]) as t(iid)`,
        [itemPart, unitId],
      );
    }
    const people = [...new Set(staff.map((s) => s.professionalId))];
    await q('delete from ce_totals where professional_id = any($1::uuid[])', [people]);
    await q(
      `insert into ce_totals (professional_id, year, subject_type, hours, courses, updated_at) ${AGGREGATE}
        where r.professional_id = any($1::uuid[]) group by r.professional_id, r.year, r.subject_type`,
      [people],
    );
  });
