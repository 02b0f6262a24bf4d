import {
  ASSESSMENT_LABELS,
  IMPORT_MAX_ROWS,
  RECORD_IMPORT_COLUMNS,
  type RecordImportHeader,
  STUDY_FORMS,
  SUBJECT_TYPE_LABELS,
} from '@ce/shared';
import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors';
import { streamWorksheets } from './imports.stream';

/** The data sheet of the template; an upload may name its sheet anything (the first one is read). */
export const DATA_SHEET = '继续教育记录';
/** Rows of the data sheet that carry the drop-down lists and formats. */
const TEMPLATE_ROWS = 10_001;

export type CellValue = string | number | Date | null;
export interface RawRow {
  /** Excel row number (the header is row 1) */
  row: number;
  cells: Partial<Record<RecordImportHeader, CellValue>>;
}

const DATE_COLUMNS: readonly RecordImportHeader[] = ['学习开始时间', '学习结束时间'];
const WIDTHS: Partial<Record<RecordImportHeader, number>> = {
  公民身份号码: 22,
  课程名称: 28,
  施教机构名称: 28,
  学习内容: 30,
  学习开始时间: 14,
  学习结束时间: 14,
};

const EXAMPLE: Record<RecordImportHeader, string | number> = {
  姓名: '李娜',
  公民身份号码: '440304199002084143',
  课程名称: '建设工程质量安全管理专题培训',
  科目类型: '专业课',
  学习形式: '面授',
  学习开始时间: '2025-03-10',
  学习结束时间: '2025-03-12',
  参训天数: 3,
  拟申报学时: 18,
  考核结果: '合格',
  施教机构名称: '广东省继续教育协会培训中心',
  学习地点: '广州市天河区',
  学习内容: '工程质量与安全生产管理',
  备注: '',
};

const RULES = [
  '1. 每行填写一条继续教育记录，第1行为表头，请勿修改表头和列的顺序；带“*”的列为必填。',
  '2. 姓名和公民身份号码须与本单位已确认的专业技术人员一致（专业技术人员信息确认为“是”）。',
  '3. 公民身份号码请以文本格式填写18位号码，末位X请大写。',
  `4. 科目类型从下拉列表选择：${Object.values(SUBJECT_TYPE_LABELS).join('、')}。`,
  `5. 学习形式从下拉列表选择：${STUDY_FORMS.join('、')}。`,
  '6. 学习开始时间、学习结束时间格式为 YYYY-MM-DD（如 2025-03-10）；结束时间不能早于开始时间，也不能晚于今天。',
  '7. 参训天数为大于0的数，最小单位0.5天，且不超过起止日期之间的天数。',
  '8. 拟申报学时为大于0的数，最多一位小数，不超过参训天数×6（1天=6学时，1学时=45分钟）。',
  `9. 考核结果从下拉列表选择：${Object.values(ASSESSMENT_LABELS).join('、')}；不合格的记录不计学时。`,
  '10. 申报年度为学习结束时间所在年度，无需填写。',
  '11. 同一人员同一课程的学习时间不能重叠（文件内或与已有记录）。',
  '12. 施教机构名称、学习地点、学习内容、备注选填，每项不超过100字。',
  '13. 文件中任何一行有误，将不导入任何记录，请按错误报告修改后重新上传；校验通过后全部记录由本单位确认，人员立即获得学时。',
];

type ValidatedSheet = ExcelJS.Worksheet & {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
};

function colLetter(index: number): string {
  return String.fromCharCode('A'.charCodeAt(0) + index);
}

function listValidation(values: readonly string[], title: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorTitle: title,
    error: `请从下拉列表选择${title}`,
  };
}

/** 模板下载: the data sheet with drop-down lists and formats, and 填写说明 with the rules and an example. */
export async function buildTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] }) as ValidatedSheet;
  sheet.columns = RECORD_IMPORT_COLUMNS.map((c) => ({
    header: c.required ? `*${c.header}` : c.header,
    key: c.header,
    width: WIDTHS[c.header] ?? 12,
    style:
      c.header === '公民身份号码'
        ? { numFmt: '@' }
        : DATE_COLUMNS.includes(c.header)
          ? { numFmt: 'yyyy-mm-dd' }
          : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const col = (header: RecordImportHeader) =>
    colLetter(RECORD_IMPORT_COLUMNS.findIndex((c) => c.header === header));
  const range = (header: RecordImportHeader) => `${col(header)}2:${col(header)}${TEMPLATE_ROWS}`;
  sheet.dataValidations.add(
    range('科目类型'),
    listValidation(Object.values(SUBJECT_TYPE_LABELS), '科目类型'),
  );
  sheet.dataValidations.add(range('学习形式'), listValidation(STUDY_FORMS, '学习形式'));
  sheet.dataValidations.add(range('考核结果'), listValidation(Object.values(ASSESSMENT_LABELS), '考核结果'));
  for (const header of DATE_COLUMNS) {
    sheet.dataValidations.add(range(header), {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1990, 0, 1))],
      showInputMessage: true,
      promptTitle: header,
      prompt: '格式：YYYY-MM-DD，如 2025-03-10',
      showErrorMessage: true,
      errorTitle: header,
      error: '请填写正确的日期，格式 YYYY-MM-DD',
    });
  }
  for (const header of ['参训天数', '拟申报学时'] as const) {
    sheet.dataValidations.add(range(header), {
      type: 'decimal',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [0],
      showInputMessage: true,
      promptTitle: header,
      prompt: header === '参训天数' ? '大于0，最小单位0.5天' : '大于0，最多一位小数，不超过参训天数×6',
    });
  }

  const help = book.addWorksheet('填写说明');
  help.getColumn(1).width = 110;
  help.addRow(['继续教育记录批量申报 填写说明']).font = { bold: true, size: 14 };
  for (const rule of RULES) help.addRow([rule]);
  help.addRow([]);
  help.addRow(['示例（请在“继续教育记录”工作表中填写，示例行不要复制到该工作表）：']).font = { bold: true };
  const example = book.addWorksheet('示例');
  example.columns = RECORD_IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.header,
    width: WIDTHS[c.header] ?? 12,
  }));
  example.getRow(1).font = { bold: true };
  example.addRow(EXAMPLE);
  help.addRow(['见“示例”工作表。']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const notXlsx = () =>
  new AppError('FILE_REJECTED', '文件格式不正确：请上传由模板填写的 Excel 文件（.xlsx）', [
    { field: 'file', label: '文件', message: '请上传 .xlsx 文件' },
  ]);

/** A cell as plain data: text, number or date (formulas by their result). */
function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if ('richText' in value) return plain(value.richText.map((t) => t.text).join(''));
  if ('text' in value && typeof value.text === 'string') return plain(value.text);
  if ('result' in value) return plain((value.result ?? null) as ExcelJS.CellValue);
  return null;
}

const NO_DATA = '文件中没有需要导入的数据，请在模板第2行起填写';

const headerName = (v: CellValue) => (typeof v === 'string' ? v.replace(/^[*＊]/, '').trim() : '');

function headerColumns(row: ExcelJS.Row): Map<number, RecordImportHeader> {
  const columns = new Map<number, RecordImportHeader>();
  row.eachCell((cell, colNumber) => {
    const name = headerName(plain(cell.value));
    const known = RECORD_IMPORT_COLUMNS.find((c) => c.header === name);
    if (known) columns.set(colNumber, known.header);
  });
  return columns;
}

function missingColumns(columns: Map<number, RecordImportHeader>): string[] {
  const present = new Set(columns.values());
  return RECORD_IMPORT_COLUMNS.filter((c) => c.required && !present.has(c.header)).map((c) => c.header);
}

/** The data rows of one sheet, or the template's columns it lacks. */
async function readSheet(
  sheet: AsyncIterable<ExcelJS.Row>,
): Promise<{ rows: RawRow[] } | { missing: string[] } | null> {
  let columns: Map<number, RecordImportHeader> | null = null;
  let missing: string[] | null = null;
  const found: RawRow[] = [];
  // every row is read (a sheet is consumed whole before the next), the ones past a refusal ignored
  for await (const row of sheet) {
    if (missing || found.length > IMPORT_MAX_ROWS) continue;
    if (!columns) {
      // Excel writes formatted rows without values too: the header is the first row with any
      if (!row.hasValues) continue;
      columns = headerColumns(row);
      const lacking = missingColumns(columns);
      if (lacking.length > 0) missing = lacking;
      continue;
    }
    const cells: RawRow['cells'] = {};
    let filled = false;
    for (const [colNumber, header] of columns) {
      const v = plain(row.getCell(colNumber).value);
      if (v !== null) filled = true;
      cells[header] = v;
    }
    if (filled) found.push({ row: row.number, cells });
  }
  if (missing) return { missing };
  return columns ? { rows: found } : null;
}

/**
 * Reads an uploaded workbook: checks that it is an xlsx exceljs can open, takes the first sheet
 * with the template's header row, and returns its non-empty data rows. Refusals are 422 with a
 * message to act on. The file is read as a stream (imports.stream.ts): one row at a time, never
 * the whole workbook in memory.
 */
export async function readUpload(bytes: Buffer): Promise<RawRow[]> {
  if (bytes.length < 4 || !bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx();
  let rows: RawRow[] | null = null;
  let missing: string[] | null = null;
  let sheets = 0;
  try {
    for await (const sheet of streamWorksheets(bytes)) {
      sheets += 1;
      // a later sheet is still read through (the reader needs it), its rows unused
      const read = await readSheet(sheet as unknown as AsyncIterable<ExcelJS.Row>);
      if (rows || !read) continue;
      if ('rows' in read) rows = read.rows;
      else missing ??= read.missing;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notXlsx();
  }
  if (sheets === 0) throw notXlsx();
  if (!rows && !missing) throw new AppError('UNPROCESSABLE', NO_DATA);
  if (!rows) {
    throw new AppError(
      'UNPROCESSABLE',
      `模板格式不正确：缺少“${(missing ?? []).join('、')}”列，请下载最新模板填写`,
    );
  }
  if (rows.length === 0) throw new AppError('UNPROCESSABLE', NO_DATA);
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new AppError('UNPROCESSABLE', `一次最多导入${IMPORT_MAX_ROWS}条记录，请拆分文件后分批上传`);
  }
  return rows;
}
