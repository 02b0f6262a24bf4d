import { readdirSync } from 'node:fs';
import pg from 'pg';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCertificate } from '../../test/certificate-content';
import { startTestApp, type TestApp } from '../../test/harness';
import { pdfContent, pdfText } from '../../test/pdf-text';
import { sealPng } from '../../test/seal-image';
import { makeEmployer, makeProfessional, passYear, type TestProfessional } from '../../test/world';
import { type CertificateContent, renderCertificatePdf, verificationUrl } from './certificates.pdf';
import { qrRuns } from './certificates.qr';
import { certificateRenderer } from './certificates.renderer';

/** The threads of this process (Linux): worker threads are OS threads. */
const threads = () => readdirSync('/proc/self/task').length;

const content = sampleCertificate;

/** What a reader sees: the certificate's text, its QR link, no bitmap, only a subset of each font. */
function expectCertificate(pdf: Buffer, c: CertificateContent) {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  const text = pdfText(pdf);
  expect(text).toContain('广东省专业技术人员继续教育证书');
  expect(text).toContain(`（${c.year}年度）`);
  expect(text).toContain(`兹证明 ${c.name}（公民身份号码：${c.idNumber}，专业系列：${c.series}）`);
  expect(text).toContain(`证书编号：${c.number}`);
  expect(text).toContain('发证日期：2025年7月1日');
  expect(text).toContain('扫码查验证书真伪');
  expect(text).toContain(c.authorityName);
  expect(text).toContain(`本证书可在 ${c.verifyUrl} 查验`);
  expect(pdf.toString('latin1')).toContain(`/URI (${c.verifyUrl})`);
  // the QR code is vector paths, not an image
  expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
  // each font embedded as a subset of the glyphs used (the TTFs are 15 MB)
  const fonts = [...pdf.toString('latin1').matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)];
  expect(fonts.every((f) => f[1])).toBe(true);
  expect([...new Set(fonts.map((f) => f[2]))].sort()).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
  expect(pdf.length).toBeLessThan(80_000);
  return text;
}

describe('证书PDF', () => {
  it("draws the QR code's dark modules exactly, one rectangle per run in a row", () => {
    for (const url of [
      verificationUrl('http://localhost', 'GD2025ABCDEFGHJK'),
      verificationUrl('https://jxjy.rsj.gd.gov.cn/continuing-education/', 'GD2026Z0Z0Z0Z0Z0'),
    ]) {
      const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
      const { size, runs } = qrRuns(url);
      expect(size).toBe(modules.size);
      const drawn = Array.from({ length: size * size }, () => 0);
      for (const r of runs) {
        expect(r.w).toBeGreaterThan(0);
        // a run is as long as it can be: light (or the edge) on either side
        expect(r.x === 0 || !modules.get(r.y, r.x - 1)).toBe(true);
        expect(r.x + r.w === size || !modules.get(r.y, r.x + r.w)).toBe(true);
        for (let x = r.x; x < r.x + r.w; x += 1) drawn[r.y * size + x] += 1;
      }
      for (let y = 0; y < size; y += 1)
        for (let x = 0; x < size; x += 1)
          expect(drawn[y * size + x], `(${x}, ${y})`).toBe(modules.get(y, x) ? 1 : 0);
    }
  });

  it("keeps the certificate's text; each PDF embeds only its own glyphs", async () => {
    const first = content();
    expectCertificate(await renderCertificatePdf(first), first);
    // the fonts are parsed once and shared: the next PDF must not carry the first one's glyphs
    const second = content({ name: '王五', number: 'GD2025QRSTVWXYZ0' });
    const text = expectCertificate(await renderCertificatePdf(second), second);
    expect(text).not.toContain('李');
    const again = await renderCertificatePdf(first);
    expect(pdfText(again)).not.toContain('王五');
  });

  it('renders in worker threads, several at once, and ends them on close', async () => {
    const before = threads();
    const renderer = certificateRenderer(2);
    const a = content();
    const b = content({
      name: '张伟',
      number: 'GD2025MNPQRSTV00',
      verifyUrl: 'http://x/verify?no=GD2025MNPQRSTV00',
    });
    const [pa, pb] = await Promise.all([renderer.render(a), renderer.render(b)]);
    expectCertificate(pa, a);
    expectCertificate(pb, b);
    expect(threads()).toBeGreaterThanOrEqual(before + 2);
    // closing lets the PDF being rendered finish
    const last = renderer.render(b);
    await renderer.close();
    expectCertificate(await last, b);
    expect(threads()).toBeLessThanOrEqual(before);
    await expect(renderer.render(a)).rejects.toThrow('证书 PDF 渲染线程已关闭');
  });

  it('draws the 发证机关 and, through the worker threads, the transparent 公章 over it', async () => {
    const renderer = certificateRenderer(1);
    const c = content({ authorityName: '深圳市人力资源和社会保障局', seal: sealPng() });
    const pdf = await renderer.render(c);
    await renderer.close();
    const raw = pdf.toString('latin1');
    expect(pdfText(pdf)).toContain('深圳市人力资源和社会保障局');
    expect(raw.match(/\/Subtype \/Image/g)).toHaveLength(2); // the colours and their alpha (soft mask)
    expect(raw).toContain('/SMask');
    // drawn about 3.8 cm wide: the image's placement matrix in the page content
    const page = pdfContent(pdf);
    expect(page).toMatch(/\n108 0 0 -108 [\d.]+ [\d.]+ cm\n/);
    // without a seal, no image at all
    expect(
      (await renderCertificatePdf(content({ authorityName: '深圳市人力资源和社会保障局' })))
        .toString('latin1')
        .includes('/Subtype /Image'),
    ).toBe(false);
  });

  it('PDF_WORKERS=0 renders in the calling thread', async () => {
    const before = threads();
    const renderer = certificateRenderer(0);
    expectCertificate(await renderer.render(content()), content());
    expect(threads()).toBe(before);
    await renderer.close();
  });

  it('a worker that cannot start fails the PDF with a clear error, not a hang', async () => {
    const renderer = certificateRenderer(1, {
      script: { filename: new URL('./no-such-worker.mjs', import.meta.url).href, execArgv: [] },
    });
    await expect(renderer.render(content())).rejects.toThrow(/^证书 PDF 渲染失败：.*no-such-worker/);
    await renderer.close();
  });
});

describe('证书PDF over HTTP', () => {
  let t: TestApp;
  let people: TestProfessional[];
  let closed = false;
  beforeAll(async () => {
    t = await startTestApp({ pdfWorkers: 2 });
    const employer = await makeEmployer(t);
    people = [await makeProfessional(t, employer), await makeProfessional(t, employer)];
    for (const p of people) await passYear(t, p);
  });
  afterAll(() => (closed ? undefined : t?.close()));

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'printing an issued certificate again does not wait for a lock on the person',
    async () => {
      const [p] = people;
      const url = `/api/certificates/${p.id}/2025/pdf`;
      const first = await p.client.download(url);
      expect(first.status).toBe(200);
      // another transaction holds the person's row (as an issue or a 培训信息维护 does)
      if (t.database.raw.kind !== 'postgres') throw new Error('needs PostgreSQL');
      const other = new pg.Client({ connectionString: t.database.raw.url });
      await other.connect();
      try {
        await other.query('begin');
        await other.query('select id from professionals where id = $1 for update', [p.id]);
        const again = await Promise.race([
          p.client.download(url),
          new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 10_000)),
        ]);
        expect(again === 'waited' ? again : again.disposition).toBe(first.disposition);
      } finally {
        await other.query('rollback');
        await other.end();
      }
    },
  );

  it('prints two certificates at once through the pool; closing the app ends its threads', async () => {
    const pdfs = await Promise.all(
      people.map((p) => p.client.download(`/api/certificates/${p.id}/2025/pdf`)),
    );
    for (const [i, r] of pdfs.entries()) {
      expect(r.status).toBe(200);
      expect(r.type).toBe('application/pdf');
      const number = /certificate-(GD2025\w{10})\.pdf/.exec(r.disposition)?.[1] ?? '';
      expect(number).not.toBe('');
      const text = pdfText(r.bytes);
      expect(text).toContain(`兹证明 ${people[i].person.realName}（`);
      expect(text).toContain(`证书编号：${number}`);
    }
    // the app's 2 worker threads end with it
    const open = threads();
    await t.close();
    closed = true;
    expect(threads()).toBeLessThanOrEqual(open - 2);
  });
});
