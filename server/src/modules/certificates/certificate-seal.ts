import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { sniffKind } from '../../core/files';

/** The largest seal image accepted, in pixels per side (a seal prints about 4 cm wide). */
export const SEAL_MAX_PIXELS = 2000;

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * A PNG pdfkit can draw. pdfkit decodes a PNG's pixels asynchronously while the PDF is written, and a
 * damaged one then throws outside any caller and the PDF never ends: so the pixel data is checked
 * here, at upload, the way the decoder will read it (IHDR, the IDAT stream, one filter byte per row).
 */
function checkPng(bytes: Buffer): string | null {
  let at = 8;
  let header: { w: number; h: number; depth: number; color: number; interlace: number } | null = null;
  const idat: Buffer[] = [];
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (data.length !== length) return '图片文件不完整';
    if (type === 'IHDR' && length === 13) {
      header = {
        w: data.readUInt32BE(0),
        h: data.readUInt32BE(4),
        depth: data[8],
        color: data[9],
        interlace: data[12],
      };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!header || idat.length === 0) return '图片文件不完整';
  const { w, h, depth, color, interlace } = header;
  if (w < 1 || h < 1 || w > SEAL_MAX_PIXELS || h > SEAL_MAX_PIXELS)
    return `图片尺寸应在 1～${SEAL_MAX_PIXELS} 像素之间（所选图片 ${w}×${h}）`;
  if (interlace !== 0) return '不支持隔行扫描（interlaced）的PNG，请重新导出为普通PNG';
  const channels = CHANNELS[color];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth)) return '不支持的PNG颜色格式';
  const rowBytes = 1 + Math.ceil((w * channels * depth) / 8);
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(idat), { maxOutputLength: rowBytes * h + 1 });
  } catch {
    return '图片数据已损坏';
  }
  if (pixels.length < rowBytes * h) return '图片数据已损坏';
  for (let row = 0; row < h; row += 1) if (pixels[row * rowBytes] > 4) return '图片数据已损坏';
  return null;
}

/** Why the bytes cannot be a seal image, or null when they can (PNG or JPEG by content). */
export function sealImageProblem(bytes: Buffer): string | null {
  const kind = sniffKind(bytes);
  if (kind !== 'png' && kind !== 'jpg')
    return '文件内容不是PNG或JPEG图片，请上传PNG（建议透明背景）或JPEG图片';
  if (kind === 'png') {
    const problem = checkPng(bytes);
    if (problem) return problem;
  }
  try {
    // what pdfkit reads synchronously (a JPEG's frame header, a PNG's chunks)
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as {
      openImage(src: Buffer): { width: number; height: number };
    };
    const image = doc.openImage(bytes);
    if (!(image.width > 0 && image.height > 0)) return '图片已损坏';
    if (image.width > SEAL_MAX_PIXELS || image.height > SEAL_MAX_PIXELS)
      return `图片尺寸应在 1～${SEAL_MAX_PIXELS} 像素之间（所选图片 ${image.width}×${image.height}）`;
  } catch {
    return '图片已损坏或格式不受支持，请重新导出为PNG或JPEG后上传';
  }
  return null;
}
