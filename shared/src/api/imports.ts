import { z } from 'zod';
import { paged, pageQuery } from './common';

/** Request-field labels of this domain (merged into FIELD_LABELS in labels.ts). */
export const IMPORTS_FIELD_LABELS: Record<string, string> = {
  jobId: '导入批次',
};

/**
 * 继续教育记录批量申报 template columns (manual 003 §1.6.1 form fields), in sheet order.
 * `required` columns must be filled; the header row carries the names exactly.
 */
export const RECORD_IMPORT_COLUMNS = [
  { header: '姓名', required: true },
  { header: '公民身份号码', required: true },
  { header: '课程名称', required: true },
  { header: '科目类型', required: true },
  { header: '学习形式', required: true },
  { header: '学习开始时间', required: true },
  { header: '学习结束时间', required: true },
  { header: '参训天数', required: true },
  { header: '拟申报学时', required: true },
  { header: '考核结果', required: true },
  { header: '施教机构名称', required: false },
  { header: '学习地点', required: false },
  { header: '学习内容', required: false },
  { header: '备注', required: false },
] as const;
export type RecordImportHeader = (typeof RECORD_IMPORT_COLUMNS)[number]['header'];

/** Rows one workbook may carry (the 10 MB upload limit bounds it too). */
export const IMPORT_MAX_ROWS = 50_000;
/** The job answer lists at most this many errors; 导出错误报告 has them all. */
export const IMPORT_ERRORS_SHOWN = 1000;

export const IMPORT_STATUSES = ['checking', 'invalid', 'importing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  checking: '校验中',
  invalid: '数据有误',
  importing: '入库中',
  done: '导入成功',
  failed: '导入失败',
};

/** One row-level problem: the Excel row number, the column header and why. */
export const importError = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importError>;

export const importStarted = z.object({ jobId: z.uuid() });
export type ImportStarted = z.infer<typeof importStarted>;

export const importJobParam = z.object({ jobId: z.uuid('导入批次编号格式错误') });

export const importJob = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  /** the first IMPORT_ERRORS_SHOWN errors */
  errors: z.array(importError),
  errorCount: z.number().int(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;

export const importJobSummary = importJob.omit({ errors: true, processedRows: true }).extend({
  createdByName: z.string().nullable(),
});
export type ImportJobSummary = z.infer<typeof importJobSummary>;

export const importJobListQuery = pageQuery;
export const importJobListResponse = paged(importJobSummary);
