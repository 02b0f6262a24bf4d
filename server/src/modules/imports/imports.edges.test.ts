import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ceRecords } from '../../db/schema';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional } from '../../test/world';
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
  it('批量申报: a person unbound between the checks and the insert gets no imported record', async () => {
    const employer = await makeEmployer(t);
    const prof = await makeProfessional(t, employer);
    const bytes = await workbook([row({ ...person(prof) })]);

    let release = () => {};
    gate.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reached = new Promise<void>((resolve) => {
      gate.reached = resolve;
    });
    try {
      const started = await upload(employer.client, bytes);
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
    const r = await upload(employer.client, Buffer.from(await book.xlsx.writeBuffer()));
    expect(r.status).toBe(422);
    expect(r.error.message).not.toContain('“”');
    expect(r.error.message).toContain('没有需要导入的数据');
  });
});
