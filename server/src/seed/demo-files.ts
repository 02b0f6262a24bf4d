import type { Tx } from '../core/db';
import type { FileStore } from '../core/file-store';
import { saveUpload } from '../core/files';
import { ceRecordFiles } from '../db/schema';

/**
 * 附件材料 of the demo's records: a one-page PDF (学时证明) stored through the FileStore and the
 * `files` table exactly as an upload is (core/files.saveUpload), then attached to the record as
 * records.write.attachFile does — so 下载 works and 确认送审 finds its proof.
 */

/** A minimal valid PDF (one A4 page, Helvetica text); ASCII only, as the standard font has no CJK. */
export function demoProofPdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map((l, i) => `BT /F1 14 Tf 72 ${770 - i * 24} Td (${esc(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, o] of objects.entries()) {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Uploads a 学时证明 as `uploader` and attaches it to the record (附件名称 学时证明). */
export async function attachDemoProof(
  tx: Tx,
  files: FileStore,
  input: {
    recordId: string;
    uploader: { id: string; name: string };
    at: Date;
    lines: string[];
  },
) {
  const saved = await saveUpload(tx, files, {
    ownerId: input.uploader.id,
    purpose: 'ce_record',
    name: '学时证明.pdf',
    bytes: demoProofPdf(input.lines),
  });
  await tx.insert(ceRecordFiles).values({
    recordId: input.recordId,
    fileId: saved.id,
    name: '学时证明',
    uploadedBy: input.uploader.id,
    uploadedByName: input.uploader.name,
    createdAt: input.at,
  });
}
