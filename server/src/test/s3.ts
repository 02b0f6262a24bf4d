import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileStoreConfig } from '../core/file-store.open';

const SCRIPT = new URL('./s3rver-process.mjs', import.meta.url);

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * A real S3 server (s3rver speaks the S3 protocol over HTTP) in a child process on a free loopback
 * port, files in a temp directory, one bucket. stop() ends the process (the store is then down);
 * close() also removes the directory.
 */
export async function startS3(bucket = 'ce-files') {
  const directory = mkdtempSync(join(tmpdir(), 'ce-s3-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', SCRIPT.pathname, directory, bucket], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('s3rver did not start within 15 s')), 15_000);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited (${code}) before listening`));
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(killer);
  };
  return {
    endpoint,
    bucket,
    /** a FILE_STORE=s3 configuration pointing at this server (s3rver's built-in credentials) */
    config(overrides: { prefix?: string; timeoutMs?: number } = {}): FileStoreConfig & { kind: 's3' } {
      return {
        kind: 's3',
        endpoint,
        bucket,
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
        prefix: overrides.prefix ?? '',
        timeoutMs: overrides.timeoutMs ?? 2000,
      };
    },
    stop,
    async close() {
      await stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
