import QRCode from 'qrcode';

/** A run of dark modules in one row of a QR symbol: columns x … x + w − 1 of row y. */
export interface ModuleRun {
  x: number;
  y: number;
  w: number;
}

/**
 * The QR symbol of `text` (error correction M) as the runs of dark modules of each row: the
 * certificate draws them as vector rectangles, with no PNG to encode and decode again.
 */
export function qrRuns(text: string): { size: number; runs: ModuleRun[] } {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const runs: ModuleRun[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = y * size;
    for (let x = 0; x < size; ) {
      if (!data[row + x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && data[row + x]) x += 1;
      runs.push({ x: start, y, w: x - start });
    }
  }
  return { size, runs };
}

/** Modules of light margin around the symbol (the quiet zone), as the PNG had. */
const QUIET = 1;

/**
 * Draws the QR code of `text` as one filled path: a white square of `side` points at (x, y), the
 * symbol inside it after a quiet zone of one module.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, side: number) {
  const { size, runs } = qrRuns(text);
  const m = side / (size + 2 * QUIET);
  doc.rect(x, y, side, side).fill('#ffffff');
  for (const r of runs) doc.rect(x + (r.x + QUIET) * m, y + (r.y + QUIET) * m, r.w * m, m);
  doc.fill('#000000');
}
