/** fontkit (a dependency of pdfkit) ships no types: the one call certificates.pdf.ts makes. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array): object;
}
