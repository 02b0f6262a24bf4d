import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ceRecords } from '../../db/schema';
import type { Client } from '../../test/client';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional } from '../../test/world';
import { recordBody } from '../records/records.fixtures';
import { finished, person, row, upload, workbook } from './imports.fixtures';

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

describe('批量申报 edge cases', () => {
  /** Uploads `bytes`, runs `meanwhile` once every row is checked, and returns the finished job. */
  async function importWhile(client: Client, bytes: Buffer, meanwhile: () => Promise<void>) {
    let release = () => {};
    gate.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reached = new Promise<void>((resolve) => {
      gate.reached = resolve;
    });
    try {
      const started = await upload(client, bytes);
      expect(started.status).toBe(200);
      await reached;
      await meanwhile();
      release();
      return await finished(client, started.body.jobId);
    } finally {
      gate.hold = null;
      release();
    }
  }

  it('a person unbound between the checks and the insert gets no imported record', async () => {
    const employer = await makeEmployer(t);
    const prof = await makeProfessional(t, employer);
    const job = await importWhile(employer.client, await workbook([row(person(prof))]), async () => {
      const unbound = await employer.client.post(`/api/employer/staff/${prof.id}/unbind`);
      expect(unbound.status).toBe(200);
    });
    expect(job.status).toBe('failed');
    expect(job.message).toContain('第2行的人员已不是本单位已确认的专业技术人员');
    const written = await t.db.select().from(ceRecords).where(eq(ceRecords.professionalId, prof.id));
    expect(written).toHaveLength(0);
  });

  it('a record of the same course declared meanwhile stops the import: nothing is imported', async () => {
    const employer = await makeEmployer(t);
    const prof = await makeProfessional(t, employer);
    const other = await makeProfessional(t, employer);
    const rows = [row(person(other)), row(person(prof))];
    const job = await importWhile(employer.client, await workbook(rows), async () => {
      const own = await prof.client.post('/api/records', {
        ...recordBody(),
        courseName: '建设工程质量安全管理',
        startDate: '2025-03-11',
        endDate: '2025-03-11',
        days: 1,
        declaredHours: 6,
      });
      expect(own.status).toBe(200);
    });
    expect(job.status).toBe('failed');
    expect(job.message).toContain('第3行：该人员已有同一课程且学习时间重叠的继续教育记录');
    const imported = await t.db.select().from(ceRecords).where(eq(ceRecords.professionalId, other.id));
    expect(imported).toHaveLength(0);
  });

  it('a workbook without any row is refused with a message that makes sense', async () => {
    const employer = await makeEmployer(t);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('继续教育记录');
    const r = await upload(employer.client, Buffer.from(await book.xlsx.writeBuffer()));
    expect(r.status).toBe(422);
    expect(r.error.message).not.toContain('“”');
    expect(r.error.message).toContain('没有需要导入的数据');
  });
});
