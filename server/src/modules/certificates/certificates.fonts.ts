/// <reference path="./fontkit.d.ts" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

/** Shaped runs kept per font; past this many (names, numbers, URLs differ per PDF) all are dropped. */
const MAX_RUNS = 5_000;

/**
 * The font, shaping each piece of text once per process rather than once per PDF (fontkit's
 * layout: GSUB/GPOS lookups); most of a certificate's words are on every certificate. pdfkit scales
 * a run's positions in place, so every caller gets its own copy of them.
 */
function shapingOnce(font: fontkit.Font): fontkit.Font {
  const runs = new Map<string, fontkit.GlyphRun>();
  const shaped: fontkit.Font = Object.create(font);
  shaped.layout = (text, features) => {
    if (features !== undefined || typeof text !== 'string') return font.layout(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= MAX_RUNS) runs.clear();
      run = font.layout(text);
      runs.set(text, run);
    }
    const copy: fontkit.GlyphRun = Object.create(Object.getPrototypeOf(run));
    return Object.assign(copy, run, { positions: run.positions.map((p) => ({ ...p })) });
  };
  return shaped;
}

/**
 * The fonts ship with the repository (SIL OFL, see assets/fonts/OFL.txt): read and parsed once per
 * process (per worker thread of the renderer). pdfkit 0.20 takes a parsed fontkit font as it is
 * (PDFFontFactory.open: any object with `layout`) and still subsets it per document, so each PDF
 * embeds only its own glyphs; @types/pdfkit only knows files and buffers, hence the cast.
 */
const FONT_DIR = new URL('../../../assets/fonts/', import.meta.url);
type FontSource = PDFKit.Mixins.PDFFontSource;
let fonts: { regular: FontSource; bold: FontSource } | null = null;

export function certificateFonts() {
  const open = (file: string) =>
    shapingOnce(
      fontkit.create(readFileSync(fileURLToPath(new URL(file, FONT_DIR)))),
    ) as unknown as FontSource;
  fonts ??= { regular: open('NotoSerifSC_400Regular.ttf'), bold: open('NotoSerifSC_700Bold.ttf') };
  return fonts;
}
