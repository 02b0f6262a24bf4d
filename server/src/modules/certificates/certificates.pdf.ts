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
  /** already masked */
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
  doc.font('bold').fontSize(14);
  doc.text('广东省专业技术人员继续教育管理系统', W - left - 300, footY + 26, { width: 300, align: 'right' });
  doc.font('regular').fontSize(9).fillColor('#666666');
  doc.text(`本证书可在 ${c.verifyUrl} 查验，证书编号作废后查验结果为“已作废”。`, left, H - 54, {
    width: bodyWidth,
    align: 'center',
  });
  doc.end();
  return done;
}
