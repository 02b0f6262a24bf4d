import { randomUUID } from 'node:crypto';
import { RECORD_IMPORT_COLUMNS } from '@ce/shared';
import ExcelJS from 'exceljs';
import type { Client } from '../src/test/client';
import { multipart } from '../src/test/uploads';
import { AGGREGATE } from './bare-sql';
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

export async function ok(c: Client, method: 'GET' | 'POST', url: string, body?: unknown) {
  const r = await c.request(method, url, body);
  if (r.status !== 200)
    throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  return r;
}

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
