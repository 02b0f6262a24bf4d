import { availableParallelism } from 'node:os';
import { renderCertificatePdf } from '../src/modules/certificates/certificates.pdf';
import { certificateRenderer } from '../src/modules/certificates/certificates.renderer';
import { sampleCertificate } from '../src/test/certificate-content';
import { stats } from './setup';

/**
 * `node --import tsx server/bench/pdf.ts`: the certificate PDF alone, no database: the median per
 * PDF rendered in process, one after another (issue 8: ≤ 10 ms), and PDFs per second through the
 * renderer's worker threads (PDF_WORKERS, default the cores) with 4 PDFs asked per thread at once.
 */
const N = Number(process.env.BENCH_PDFS ?? 300);
const workers = Number(process.env.PDF_WORKERS ?? availableParallelism());
const content = (i: number) =>
  sampleCertificate({
    number: `GD2025${String(i).padStart(10, '0')}`,
    name: ['李娜', '王伟', '张敏', '刘洋', '陈静'][i % 5],
  });
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

let start = process.hrtime.bigint();
const first = await renderCertificatePdf(content(0));
console.log(`首个 PDF（读入并解析字体）：${ms(start).toFixed(0)} ms，${first.length} 字节`);
for (let i = 0; i < 20; i += 1) await renderCertificatePdf(content(i));
const samples: number[] = [];
const cpu = process.cpuUsage();
for (let i = 0; i < N; i += 1) {
  start = process.hrtime.bigint();
  await renderCertificatePdf(content(i));
  samples.push(ms(start));
}
const used = process.cpuUsage(cpu);
const s = stats(samples);
console.log(
  `进程内逐个渲染 ${s.n} 个：中位数 ${s.median.toFixed(2)} ms，p99 ${s.p99.toFixed(2)} ms，CPU ${((used.user + used.system) / 1000 / N).toFixed(2)} ms/个`,
);

if (workers > 0) {
  const renderer = certificateRenderer(workers);
  await Promise.all(Array.from({ length: workers * 4 }, (_, i) => renderer.render(content(i))));
  let next = 0;
  start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workers * 4 }, async () => {
      while (next < N) await renderer.render(content(next++));
    }),
  );
  console.log(`${workers} 个渲染线程：${((N / ms(start)) * 1000).toFixed(0)} 个/秒`);
  await renderer.close();
}
