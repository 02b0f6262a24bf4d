import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * exceljs's streaming reader, with the XML decoded as UTF-8 across chunk boundaries. As shipped it
 * decodes every inflated chunk on its own (`TextDecoder.decode(chunk)` without `stream`), so a
 * Chinese character split between two chunks comes out as two replacement characters
 * (「集群导��课程820」 in a 6,000-row file). Shared strings are read with the entry's own decoder
 * (`setEncoding`); a worksheet's chunks go through one TextDecoder in streaming mode. Everything
 * else is exceljs's: styles (dates), shared strings, rows one at a time — the workbook is never
 * held whole, so reading 10,000 rows takes a few MB instead of the hundreds `xlsx.load` builds.
 */

type Chunks = AsyncIterable<Buffer | string>;
interface ReaderInternals {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: Chunks, sheetNo: number): Generator<unknown>;
}

async function* utf8(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseSharedStrings(entry: NodeJS.ReadableStream) {
    entry.setEncoding('utf8');
    return proto._parseSharedStrings.call(this, entry);
  }
  _parseWorksheet(iterator: Chunks, sheetNo: number) {
    return proto._parseWorksheet.call(this, utf8(iterator), sheetNo);
  }
}

/** The worksheets of an xlsx, each read row by row (consume a sheet's rows before the next sheet). */
export function streamWorksheets(bytes: Buffer): AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader> {
  return new Utf8WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
}
