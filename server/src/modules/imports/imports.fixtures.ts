import { PassThrough } from 'node:stream';
import { type ImportJob, RECORD_IMPORT_COLUMNS } from '@ce/shared';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Client } from '../../test/client';
import { multipart } from '../../test/uploads';

/** Test helpers of 继续教育记录批量申报: rows, a workbook from the template's columns, upload and poll. */

export type Row = Partial<Record<(typeof RECORD_IMPORT_COLUMNS)[number]['header'], string | number | Date>>;
export const person = (p: { person: { realName: string; idNumber: string } }) => ({
  姓名: p.person.realName,
  公民身份号码: p.person.idNumber,
});
export const row = (over: Row = {}): Row => ({
  课程名称: '建设工程质量安全管理',
  科目类型: '专业课',
  学习形式: '面授',
  学习开始时间: '2025-03-10',
  学习结束时间: '2025-03-12',
  参训天数: 3,
  拟申报学时: 18,
  考核结果: '合格',
  施教机构名称: '广东省继续教育协会培训中心',
  ...over,
});

/**
 * A workbook of the template's columns. sharedStrings: false writes every text in its cell, as
 * some spreadsheet programs do (exceljs's streaming writer; its ordinary one always shares them).
 */
export async function workbook(rows: Row[], opts: { sharedStrings?: boolean } = {}): Promise<Buffer> {
  const header = RECORD_IMPORT_COLUMNS.map((c) => (c.required ? `*${c.header}` : c.header));
  const values = (r: Row) => RECORD_IMPORT_COLUMNS.map((c) => r[c.header] ?? null);
  if (opts.sharedStrings === false) {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const sheet = book.addWorksheet('继续教育记录');
    sheet.addRow(header).commit();
    for (const r of rows) sheet.addRow(values(r)).commit();
    sheet.commit();
    await book.commit();
    return Buffer.concat(chunks);
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('继续教育记录');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(values(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function upload(c: Client, bytes: Buffer, name = '继续教育记录.xlsx') {
  const body = multipart({}, { name, bytes });
  return c.request<{ jobId: string }>('POST', '/api/imports/records', undefined, {
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
}

/** Polls the job as the page does, until it stops. */
export async function finished(c: Client, jobId: string): Promise<ImportJob> {
  for (;;) {
    const r = await c.get<ImportJob>(`/api/imports/records/${jobId}`);
    expect(r.status).toBe(200);
    if (r.body.status !== 'checking' && r.body.status !== 'importing') return r.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function importRows(c: Client, rows: Row[]) {
  const r = await upload(c, await workbook(rows));
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return finished(c, r.body.jobId);
}
