/** fontkit (pdfkit's font engine) ships no types: what certificates.fonts.ts uses of it. */
declare module 'fontkit' {
  /** a shaped run of text: the glyphs and where each goes */
  export interface GlyphRun {
    glyphs: object[];
    positions: object[];
  }
  export interface Font {
    layout(text: string, features?: unknown): GlyphRun;
  }
  export function create(buffer: Uint8Array): Font;
}
