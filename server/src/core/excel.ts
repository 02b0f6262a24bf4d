import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteAccess } from './access';
import type { Api } from './http';

export interface ExcelColumn<T> {
  header: string;
  width?: number;
  /** `index`: the row's place in the sheet from 0 (序号 = index + 1) */
  value: (row: T, index: number) => string | number | null;
}

/** One sheet with a bold header row: what every 导出Excel button downloads. */
export async function toXlsx<T>(sheetName: string, columns: ExcelColumn<T>[], rows: T[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const [i, row] of rows.entries()) sheet.addRow(columns.map((c) => c.value(row, i)));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function xlsxHeaders(fileName: string) {
  return {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'private, no-store',
  };
}

/** Exports stop here; the operator narrows the search for more. */
export const EXPORT_MAX_ROWS = 10_000;

/** 序号, the first column of the manuals' lists. */
export const seqColumn = { header: '序号', width: 8, value: (_: unknown, i: number) => i + 1 };

/**
 * 导出Excel of a list: a GET route with the list's access and query schema that answers the first
 * EXPORT_MAX_ROWS rows of the same search as one sheet named after the file.
 */
export function exportRoute<Q extends z.ZodType, T>(
  app: Api,
  url: string,
  opts: {
    access: RouteAccess;
    tags: string[];
    summary: string;
    querystring: Q;
    fileName: `${string}.xlsx`;
    columns: ExcelColumn<T>[];
    /** the list's own search, asked for the first EXPORT_MAX_ROWS rows */
    rows: (query: z.infer<Q>, req: FastifyRequest, page: { page: 1; pageSize: number }) => Promise<T[]>;
  },
) {
  app.get(url, {
    config: { access: opts.access },
    schema: {
      tags: opts.tags,
      summary: `${opts.summary}（按查询条件，最多${EXPORT_MAX_ROWS}条）`,
      querystring: opts.querystring,
    },
    handler: async (req, reply) => {
      const rows = await opts.rows(req.query as z.infer<Q>, req, { page: 1, pageSize: EXPORT_MAX_ROWS });
      const xlsx = await toXlsx(opts.fileName.replace(/\.xlsx$/, ''), opts.columns, rows);
      return reply.headers(xlsxHeaders(opts.fileName)).send(xlsx);
    },
  });
}
