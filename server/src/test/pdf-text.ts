import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

/** The numbered objects of a PDF as pdfkit writes them (`N 0 obj`, direct /Length, FlateDecode). */
function objects(pdf: Buffer): Map<string, PdfObject> {
  const src = pdf.toString('latin1');
  const found = new Map<string, PdfObject>();
  const start = /(\d+) 0 obj\n/g;
  for (let m = start.exec(src); m; m = start.exec(src)) {
    const from = start.lastIndex;
    const endObj = src.indexOf('\nendobj', from);
    const streamAt = src.indexOf('\nstream\n', from);
    if (streamAt < 0 || streamAt > endObj) {
      found.set(m[1], { dict: src.slice(from, endObj), stream: null });
      continue;
    }
    const dict = src.slice(from, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const data = pdf.subarray(streamAt + 8, streamAt + 8 + length);
    found.set(m[1], { dict, stream: dict.includes('/FlateDecode') ? inflateSync(data) : data });
    // skip the stream's bytes: they may contain anything
    start.lastIndex = streamAt + 8 + length;
  }
  return found;
}

/** A ToUnicode CMap (bfrange with arrays, as pdfkit writes it): glyph code → text. */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const m of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
    const first = parseInt(m[1], 16);
    [...m[2].matchAll(/<([^>]*)>/g)].forEach((e, i) => {
      map.set(first + i, utf16(e[1]));
    });
  }
  return map;
}

/**
 * The text of a PDF written by pdfkit, one line per text object, decoded the way a PDF reader
 * extracts it: through the ToUnicode map of each embedded font. For tests; not a general parser.
 */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const ref = (dict: string, key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];
  const lines: string[] = [];
  for (const page of objs.values()) {
    if (!/\/Type \/Page\s/.test(page.dict)) continue;
    const resources = objs.get(ref(page.dict, 'Resources') ?? '')?.dict ?? '';
    const fonts = new Map<string, Map<number, string>>();
    const fontDict = /\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? '';
    for (const [, name, id] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const cmap = objs.get(ref(objs.get(id)?.dict ?? '', 'ToUnicode') ?? '')?.stream;
      fonts.set(name, toUnicode(cmap?.toString('latin1') ?? ''));
    }
    const content = objs.get(ref(page.dict, 'Contents') ?? '')?.stream?.toString('latin1') ?? '';
    let font = new Map<number, string>();
    let line = '';
    for (const [, name, hex, op] of content.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9a-f]*)>|\b(ET)\b/gi)) {
      if (name) font = fonts.get(name) ?? new Map();
      else if (hex !== undefined)
        line += (hex.match(/.{4}/g) ?? []).map((code) => font.get(parseInt(code, 16)) ?? '\uFFFD').join('');
      else if (op) {
        lines.push(line);
        line = '';
      }
    }
  }
  return lines.join('\n');
}

/** The decompressed content streams of a PDF's pages (drawing operators), for layout checks in tests. */
export function pdfContent(pdf: Buffer): string {
  const objs = objects(pdf);
  const parts: string[] = [];
  for (const page of objs.values()) {
    if (!/\/Type \/Page\s/.test(page.dict)) continue;
    const id = /\/Contents (\d+) 0 R/.exec(page.dict)?.[1] ?? '';
    parts.push(objs.get(id)?.stream?.toString('latin1') ?? '');
  }
  return parts.join('\n');
}
