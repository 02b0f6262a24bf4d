import { type ImportJob, RECORD_IMPORT_COLUMNS } from '@ce/shared';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ceRecords } from '../../db/schema';
import type { Client } from '../../test/client';
import { startTestApp, type TestApp } from '../../test/harness';
import { multipart } from '../../test/uploads';
import { makeEmployer, makeProfessional } from '../../test/world';

/**
 * Holds a batch import between its checks and its insert transaction, so a test can change the
 * world in that window the way a second agent or the person could.
 */
const gate = vi.hoisted(() => ({
  hold: null as Promise<void> | null,
  reached: () => {},
}));
vi.mock('./imports.repository', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./imports.repository')>();
  return {
    ...actual,
    updateJob: async (...args: Parameters<typeof actual.updateJob>) => {
      if (args[2].status === 'importing' && gate.hold) {
        gate.reached();
        await gate.hold;
      }
      return actual.updateJob(...args);
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function uploadXlsx(c: Client, bytes: Buffer) {
  const body = multipart({}, { name: '继续教育记录.xlsx', bytes });
  return c.request<{ jobId: string }>('POST', '/api/imports/records', undefined, {
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
}

async function finished(c: Client, jobId: string): Promise<ImportJob> {
  for (;;) {
    const r = await c.get<ImportJob>(`/api/imports/records/${jobId}`);
    expect(r.status).toBe(200);
    if (r.body.status !== 'checking' && r.body.status !== 'importing') return r.body;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('批量申报 edge cases', () => {
  it('批量申报: a person unbound between the checks and the insert gets no imported record', async () => {
    const employer = await makeEmployer(t);
    const prof = await makeProfessional(t, employer);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('继续教育记录');
    sheet.addRow(RECORD_IMPORT_COLUMNS.map((c) => c.header));
    const row: Record<string, string | number> = {
      姓名: prof.person.realName,
      公民身份号码: prof.person.idNumber,
      课程名称: '建设工程质量安全管理',
      科目类型: '专业课',
      学习形式: '面授',
      学习开始时间: '2025-03-10',
      学习结束时间: '2025-03-12',
      参训天数: 3,
      拟申报学时: 18,
      考核结果: '合格',
      施教机构名称: '广东省继续教育协会培训中心',
    };
    sheet.addRow(RECORD_IMPORT_COLUMNS.map((c) => row[c.header] ?? null));

    let release = () => {};
    gate.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reached = new Promise<void>((resolve) => {
      gate.reached = resolve;
    });
    try {
      const started = await uploadXlsx(employer.client, Buffer.from(await book.xlsx.writeBuffer()));
      expect(started.status).toBe(200);
      await reached; // every row checked: the person was confirmed staff then
      const unbound = await employer.client.post(`/api/employer/staff/${prof.id}/unbind`);
      expect(unbound.status).toBe(200);
      release();
      const job = await finished(employer.client, started.body.jobId);
      expect(job.status).not.toBe('done');
      expect(job.message).toContain('第2行');
    } finally {
      gate.hold = null;
      release();
    }
    const written = await t.db.select().from(ceRecords).where(eq(ceRecords.professionalId, prof.id));
    expect(written).toHaveLength(0);
  });

  it('批量申报: a workbook without any row is refused with a message that makes sense', async () => {
    const employer = await makeEmployer(t);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('继续教育记录');
    const r = await uploadXlsx(employer.client, Buffer.from(await book.xlsx.writeBuffer()));
    expect(r.status).toBe(422);
    expect(r.error.message).not.toContain('“”');
    expect(r.error.message).toContain('没有需要导入的数据');
  });
});
