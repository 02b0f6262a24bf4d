import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { Piscina } from 'piscina';
import { type CertificateContent, renderCertificatePdf } from './certificates.pdf';

/** Renders certificate PDFs; close() ends its worker threads (the app closes it). */
export interface CertificateRenderer {
  render(c: CertificateContent): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * The worker runs the TypeScript sources as the app does (`node --import tsx`, vitest, the bench):
 * a worker thread is a fresh isolate without its parent's loader, so it is given tsx's explicitly.
 */
function workerScript() {
  const typescript = import.meta.url.endsWith('.ts');
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return {
    filename: new URL(`./certificates.pdf-worker.${typescript ? 'ts' : 'js'}`, import.meta.url).href,
    execArgv: typescript ? ['--import', tsx] : [],
  };
}

/**
 * `workers` threads (PDF_WORKERS) render the PDFs, so a PDF (~10 ms of CPU) never blocks the event
 * loop and PDFs use every core; the threads start with the first PDF. 0: rendered in this thread.
 * `script` replaces the worker's module (a test of a worker that cannot start).
 */
export function certificateRenderer(
  workers: number,
  opts: { log?: FastifyBaseLogger; script?: { filename: string; execArgv: string[] } } = {},
): CertificateRenderer {
  if (workers === 0) return { render: renderCertificatePdf, close: async () => {} };
  let pool: Piscina<CertificateContent, Uint8Array> | null = null;
  let closed = false;
  const start = () => {
    const p = new Piscina<CertificateContent, Uint8Array>({
      ...(opts.script ?? workerScript()),
      minThreads: workers,
      maxThreads: workers,
    });
    // a worker that cannot start or dies: its task is rejected (below) and the pool starts another;
    // unheard, the pool's 'error' event would end the process
    p.on('error', (err: unknown) => opts.log?.error({ err }, '证书 PDF 渲染线程出错'));
    return p;
  };
  return {
    async render(c) {
      if (closed) throw new Error('证书 PDF 渲染线程已关闭');
      pool ??= start();
      let bytes: Uint8Array;
      try {
        bytes = await pool.run(c);
      } catch (err) {
        throw new Error(`证书 PDF 渲染失败：${(err as Error).message}`, { cause: err });
      }
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    /** the PDFs being rendered are finished (a request whose client left still runs), then the threads end */
    async close() {
      closed = true;
      await pool?.close();
      pool = null;
    },
  };
}
