import PDFDocument from 'pdfkit';
import { chineseDate } from '../../core/time';
import { certificateFonts } from './certificates.fonts';
import { drawQrCode } from './certificates.qr';

/** The public page a certificate's QR code opens: `<base>/verify?no=<number>`. */
export function verificationUrl(base: string, number: string): string {
  return `${base.replace(/\/+$/, '')}/verify?no=${encodeURIComponent(number)}`;
}

export interface CertificateContent {
  number: string;
  name: string;
  /** the holder's full 公民身份号码 (the certificate is the holder's own document) */
  idNumber: string;
  series: string;
  year: number;
  publicHours: number;
  professionalHours: number;
  electiveHours: number;
  totalHours: number;
  publicCourses: number;
  professionalCourses: number;
  electiveCourses: number;
  issuedAt: Date;
  verifyUrl: string;
  /** 发证机关 (证书设置 of the holder's region) */
  authorityName: string;
  /** 公章: PNG or JPEG bytes checked at upload (certificate-seal.ts), drawn over the authority's name */
  seal: Uint8Array | null;
}

const RED = '#9b1c1c';
const INK = '#1f1f1f';

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Seals are about 4 cm across (GB/T: 4.2 cm for an organ's seal); 108 pt = 3.8 cm. */
const SEAL_SIZE = 108;

/** 发证机关 at the bottom right, its 公章 (when set) centred over the name as a stamp. */
function drawAuthority(doc: PDFKit.PDFDocument, c: CertificateContent, x: number, y: number, width: number) {
  doc.font('bold').fontSize(15).fillColor(INK);
  doc.text(c.authorityName, x, y, { width, align: 'right' });
  if (!c.seal) return;
  const textWidth = Math.min(doc.widthOfString(c.authorityName), width);
  const centreX = x + width - textWidth / 2;
  const centreY = y + 8;
  const bytes = Buffer.from(c.seal.buffer, c.seal.byteOffset, c.seal.byteLength);
  doc.image(bytes, centreX - SEAL_SIZE / 2, centreY - SEAL_SIZE / 2, {
    fit: [SEAL_SIZE, SEAL_SIZE],
    align: 'center',
    valign: 'center',
  });
}

/** 广东省专业技术人员继续教育证书: landscape A4, in Chinese, with a QR code to the verification page. */
export async function renderCertificatePdf(c: CertificateContent): Promise<Buffer> {
  const f = certificateFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    // the document's first font: else pdfkit parses Helvetica's metrics for every PDF, unused
    font: f.regular as unknown as string,
    info: {
      Title: `继续教育证书 ${c.number}`,
      Author: '专业技术人员继续教育管理系统',
      Subject: String(c.year),
    },
  });
  const done = collect(doc);
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  const W = doc.page.width;
  const H = doc.page.height;

  // frame
  doc
    .lineWidth(4)
    .strokeColor(RED)
    .rect(22, 22, W - 44, H - 44)
    .stroke();
  doc
    .lineWidth(1)
    .rect(32, 32, W - 64, H - 64)
    .stroke();

  // title
  doc.fillColor(RED).font('bold').fontSize(30);
  doc.text('广东省专业技术人员继续教育证书', 0, 66, { width: W, align: 'center', characterSpacing: 2 });
  doc.fillColor(INK).font('regular').fontSize(15);
  doc.text(`（${c.year}年度）`, 0, 114, { width: W, align: 'center' });

  // statement
  const left = 84;
  const bodyWidth = W - left * 2;
  doc.font('regular').fontSize(15).fillColor(INK);
  doc.text(
    `兹证明 ${c.name}（公民身份号码：${c.idNumber}，专业系列：${c.series}）于 ${c.year} 年度参加专业技术人员继续教育，` +
      '经审核认定，各类科目学时均达到年度学时要求，年度验证合格，特发此证。',
    left,
    158,
    { width: bodyWidth, lineGap: 8, indent: 30 },
  );

  // hours table
  const rows: [string, string, string][] = [
    ['公需科目', `${c.publicCourses}`, `${c.publicHours}`],
    ['专业科目', `${c.professionalCourses}`, `${c.professionalHours}`],
    ['个人选修科目', `${c.electiveCourses}`, `${c.electiveHours}`],
    ['合计', `${c.publicCourses + c.professionalCourses + c.electiveCourses}`, `${c.totalHours}`],
  ];
  const cols = [200, 130, 130];
  const tableTop = 262;
  const rowH = 34;
  const drawRow = (cells: string[], y: number, header: boolean) => {
    let x = left;
    doc.font(header ? 'bold' : 'regular').fontSize(14);
    cells.forEach((cell, i) => {
      doc.lineWidth(0.8).strokeColor(INK).rect(x, y, cols[i], rowH).stroke();
      doc.fillColor(INK).text(cell, x, y + 9, { width: cols[i], align: 'center' });
      x += cols[i];
    });
  };
  drawRow(['科目类型', '门数', '学时'], tableTop, true);
  rows.forEach((r, i) => {
    drawRow(r, tableTop + rowH * (i + 1), i === rows.length - 1);
  });

  // QR code, linked to the verification page
  const qrSize = 136;
  const qrX = W - left - qrSize - 10;
  const qrY = 266;
  drawQrCode(doc, c.verifyUrl, qrX, qrY, qrSize);
  doc.link(qrX, qrY, qrSize, qrSize, c.verifyUrl);
  doc.font('regular').fontSize(11).fillColor(INK);
  doc.text('扫码查验证书真伪', qrX - 30, qrY + qrSize + 8, { width: qrSize + 60, align: 'center' });

  // number and date
  const footY = H - 118;
  doc.font('regular').fontSize(14).fillColor(INK);
  doc.text(`证书编号：${c.number}`, left, footY);
  doc.text(`发证日期：${chineseDate(c.issuedAt)}`, left, footY + 26);
  // on the line of 证书编号: the seal stays clear of the QR caption above and the note below
  drawAuthority(doc, c, W - left - 300, footY, 300);
  doc.font('regular').fontSize(9).fillColor('#666666');
  doc.text(`本证书可在 ${c.verifyUrl} 查验，证书编号作废后查验结果为“已作废”。`, left, H - 54, {
    width: bodyWidth,
    align: 'center',
  });
  doc.end();
  return done;
}
