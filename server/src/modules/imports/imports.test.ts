import { RECORD_IMPORT_COLUMNS } from '@ce/shared';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, ceRecords, workflowHistory, workflowItems } from '../../db/schema';
import { startTestApp, type TestApp } from '../../test/harness';
import { makeEmployer, makeProfessional, makeRecord, type TestEmployer } from '../../test/world';
import { totalsOf } from '../requirements/totals';
import { importRows, person, row, upload, workbook } from './imports.fixtures';

let t: TestApp;
let employer: TestEmployer;
beforeAll(async () => {
  t = await startTestApp();
  employer = await makeEmployer(t);
});
afterAll(() => t.close());

async function readBook(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('继续教育记录批量申报', () => {
  it('模板下载: the record form columns, drop-down lists, date hints and 填写说明', async () => {
    const res = await employer.client.download('/api/imports/records/template');
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
    const book = await readBook(res.bytes);
    const sheet = book.getWorksheet('继续教育记录');
    const headers = (sheet?.getRow(1).values as string[]).slice(1).map((h) => h.replace('*', ''));
    expect(headers).toEqual(RECORD_IMPORT_COLUMNS.map((c) => c.header));
    const subject = sheet?.getCell('D2').dataValidation;
    expect(subject?.type).toBe('list');
    expect(subject?.formulae[0]).toContain('公需课,专业课,选修课');
    expect(sheet?.getCell('E500').dataValidation?.formulae[0]).toContain('网络培训');
    expect(sheet?.getCell('J2').dataValidation?.formulae[0]).toContain('合格,不合格');
    expect(sheet?.getCell('F2').dataValidation?.prompt).toContain('YYYY-MM-DD');
    const help = book.getWorksheet('填写说明');
    expect(String(help?.getCell('A2').value)).toContain('第1行为表头');
    expect(book.getWorksheet('示例')?.getCell('C2').value).toBe('建设工程质量安全管理专题培训');
  });

  it('a valid file imports: records approved at once, totals change, one audit row', async () => {
    const prof = await makeProfessional(t, employer);
    const job = await importRows(employer.client, [
      { ...person(prof), ...row() },
      {
        ...person(prof),
        ...row({ 课程名称: '习近平新时代中国特色社会主义思想', 科目类型: '公需课', 拟申报学时: 12 }),
      },
      {
        ...person(prof),
        ...row({ 课程名称: 'BIM技术应用', 科目类型: '选修课', 学习开始时间: new Date(Date.UTC(2025, 5, 1)) }),
        学习结束时间: new Date(Date.UTC(2025, 5, 2)),
        参训天数: 2,
        拟申报学时: 10,
      },
      { ...person(prof), ...row({ 课程名称: '未通过的课程', 考核结果: '不合格' }) },
    ]);
    expect(job).toMatchObject({ status: 'done', totalRows: 4, importedRows: 4, errorCount: 0 });
    expect(job.message).toContain('共导入4条记录');

    const totals = await totalsOf(t.db, prof.id);
    const of = (subjectType: string) => totals.find((x) => x.year === 2025 && x.subjectType === subjectType);
    expect(of('professional')).toMatchObject({ hours: 18, courses: 1 });
    expect(of('public')).toMatchObject({ hours: 12, courses: 1 });
    expect(of('elective')).toMatchObject({ hours: 10, courses: 1 });

    const records = await t.db.select().from(ceRecords).where(eq(ceRecords.professionalId, prof.id));
    expect(records.every((r) => r.source === 'import' && r.employerId === employer.unit.id)).toBe(true);
    expect(records.find((r) => r.courseName === '未通过的课程')?.recognisedHours).toBe(0);
    const items = await t.db
      .select()
      .from(workflowItems)
      .where(
        inArray(
          workflowItems.objectId,
          records.map((r) => r.id),
        ),
      );
    expect(items.map((i) => i.state)).toEqual(['approved', 'approved', 'approved', 'approved']);
    const history = await t.db
      .select()
      .from(workflowHistory)
      .where(
        inArray(
          workflowHistory.itemId,
          items.map((i) => i.id),
        ),
      );
    expect(history[0]).toMatchObject({
      step: '继续教育记录批量申报',
      action: 'confirm',
      actorId: employer.agent.id,
    });

    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'record.import'), eq(auditEvents.objectId, (await latestJobId()) ?? '')),
      );
    expect(audits).toHaveLength(1);
    expect(audits[0].detail).toMatchObject({ count: 4 });
    const uploads = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'record.import.upload'),
          eq(auditEvents.objectId, (await latestJobId()) ?? ''),
        ),
      );
    expect(uploads).toHaveLength(1);
    expect(uploads[0].detail).toMatchObject({ rows: 4 });

    const list = await employer.client.get<{
      items: { status: string; importedRows: number }[];
      total: number;
    }>('/api/imports/records');
    expect(list.body.items[0]).toMatchObject({ status: 'done', importedRows: 4 });
  });

  it('施教机构名称 is optional, as 填写说明 and the record form say: the template does not star it and a row without it imports', async () => {
    const template = await readBook((await employer.client.download('/api/imports/records/template')).bytes);
    const headers = (template.getWorksheet('继续教育记录')?.getRow(1).values as string[]).slice(1);
    expect(headers).toContain('施教机构名称');
    expect(headers).not.toContain('*施教机构名称');
    const prof = await makeProfessional(t, employer);
    const job = await importRows(employer.client, [
      { ...person(prof), ...row({ 课程名称: '无施教机构的课程', 施教机构名称: undefined }) },
    ]);
    expect(job).toMatchObject({ status: 'done', importedRows: 1, errorCount: 0 });
    const [record] = await t.db.select().from(ceRecords).where(eq(ceRecords.professionalId, prof.id));
    expect(record).toMatchObject({
      courseName: '无施教机构的课程',
      institutionId: null,
      institutionName: null,
    });
  });

  it('rows of persons who are not this employer’s confirmed staff, wrong names and bad values are reported', async () => {
    const pending = await makeProfessional(t, employer, { status: 'pending' });
    const other = await makeProfessional(t, await makeEmployer(t));
    const mine = await makeProfessional(t, employer);
    const job = await importRows(employer.client, [
      { ...person(pending), ...row() },
      { ...person(other), ...row() },
      { 姓名: '张冠李戴', 公民身份号码: mine.person.idNumber, ...row() },
      { ...person(mine), ...row({ 科目类型: '必修课', 学习形式: '自学', 拟申报学时: 30 }) },
    ]);
    expect(job.status).toBe('invalid');
    expect(job.errors).toEqual(
      expect.arrayContaining([
        { row: 2, column: '公民身份号码', message: '该人员不是本单位已确认的专业技术人员' },
        { row: 3, column: '公民身份号码', message: '该人员不是本单位已确认的专业技术人员' },
        { row: 4, column: '姓名', message: '姓名与公民身份号码不一致' },
        { row: 5, column: '科目类型', message: expect.stringContaining('公需课') },
        { row: 5, column: '学习形式', message: expect.stringContaining('面授') },
        { row: 5, column: '拟申报学时', message: '拟申报学时不能超过参训天数×6（18学时）' },
      ]),
    );
    const written = await t.db.select().from(ceRecords).where(eq(ceRecords.professionalId, mine.id));
    expect(written).toHaveLength(0);
  });

  it('duplicates within the file and overlaps with stored records are flagged', async () => {
    const prof = await makeProfessional(t, employer);
    await makeRecord(t, prof, { courseName: '已有课程', endDate: '2025-03-11', state: 'submitted' });
    const job = await importRows(employer.client, [
      { ...person(prof), ...row({ 课程名称: '重复课程' }) },
      {
        ...person(prof),
        ...row({
          课程名称: ' 重复 课程',
          学习开始时间: '2025-03-12',
          学习结束时间: '2025-03-12',
          参训天数: 1,
          拟申报学时: 6,
        }),
      },
      { ...person(prof), ...row({ 课程名称: '已有课程' }) },
    ]);
    expect(job.errors).toEqual([
      { row: 3, column: '课程名称', message: '与第2行为同一人员的同一课程，学习时间重叠' },
      { row: 4, column: '课程名称', message: '该人员已有同一课程且学习时间重叠的继续教育记录' },
    ]);
  });

  it('a file that is not an xlsx is refused with 422, whatever its name', async () => {
    const r = await upload(
      employer.client,
      Buffer.from('姓名,公民身份号码\n李娜,440304199002084143\n'),
      '记录.xlsx',
    );
    expect(r.status).toBe(422);
    expect(r.error.message).toContain('.xlsx');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
    expect((await upload(employer.client, zip)).status).toBe(422);
  });

  it('another employer cannot read the job or its error report (404); a person cannot import (403)', async () => {
    const prof = await makeProfessional(t, employer);
    const job = await importRows(employer.client, [{ ...person(prof), ...row({ 考核结果: '优秀' }) }]);
    expect(job.status).toBe('invalid');
    const report = await employer.client.download(`/api/imports/records/${job.id}/errors.xlsx`);
    const sheet = (await readBook(report.bytes)).worksheets[0];
    expect(sheet.getRow(2).values).toEqual([undefined, 2, '考核结果', '考核结果应为合格或不合格']);

    const stranger = await makeEmployer(t);
    expect((await stranger.client.get(`/api/imports/records/${job.id}`)).status).toBe(404);
    expect((await stranger.client.download(`/api/imports/records/${job.id}/errors.xlsx`)).status).toBe(404);
    expect((await stranger.client.get<{ total: number }>('/api/imports/records')).body.total).toBe(0);
    expect((await upload(prof.client, await workbook([row()]))).status).toBe(403);
  });

  it('10,001 rows with one bad row import nothing, and the report names that row and column', async () => {
    const staff = await Promise.all(Array.from({ length: 10 }, () => makeProfessional(t, employer)));
    const rows = Array.from({ length: 10_001 }, (_, i) =>
      i === 5000
        ? {
            ...person(staff[i % 10]),
            ...row({ 课程名称: `课程${i}`, 学习开始时间: '2025-03-12', 学习结束时间: '2025-03-10' }),
          }
        : { ...person(staff[i % 10]), ...row({ 课程名称: `课程${i}` }) },
    );
    const job = await importRows(employer.client, rows);
    expect(job).toMatchObject({ status: 'invalid', totalRows: 10_001, processedRows: 10_001, errorCount: 1 });
    expect(job.errors).toEqual([
      { row: 5002, column: '学习结束时间', message: '学习结束时间不能早于学习开始时间' },
    ]);
    const written = await t.db
      .select({ id: ceRecords.id })
      .from(ceRecords)
      .where(
        inArray(
          ceRecords.professionalId,
          staff.map((p) => p.id),
        ),
      );
    expect(written).toHaveLength(0);

    rows[5000] = { ...person(staff[0]), ...row({ 课程名称: '课程5000' }) };
    const started = Date.now();
    const done = await importRows(employer.client, rows);
    expect(done).toMatchObject({ status: 'done', importedRows: 10_001 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await totalsOf(t.db, staff[3].id)).find((x) => x.year === 2025)?.courses).toBe(1000);
  }, 60_000);
});

async function latestJobId() {
  const list = await employer.client.get<{ items: { id: string }[] }>('/api/imports/records');
  return list.body.items[0]?.id;
}
