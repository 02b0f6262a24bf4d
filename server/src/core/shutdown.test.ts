import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type ClientRequest, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/ports';

/**
 * The real server process (npm start runs the same main.ts) stopped with SIGTERM: a request in
 * flight finishes, a request that never ends is cut after SHUTDOWN_TIMEOUT_SECONDS, no new
 * connection is accepted, and the process exits 0. On PostgreSQL when TEST_DATABASE_URL is set
 * (a database created here), else on PGlite in a temp data dir.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dataDir: string;
let port: number;
let server: ChildProcess;
let dbName: string | null = null;
let output = '';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ce-shutdown-'));
  port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    WEB_DIST: join(dataDir, 'no-web'),
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT_SECONDS: '2',
  };
  delete env.DATABASE_URL;
  if (process.env.TEST_DATABASE_URL) {
    const name = `ce_test_${randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`create database ${name}`));
    dbName = name;
    const u = new URL(process.env.TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
  }
  server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, env });
  server.stdout?.on('data', (d) => (output += d));
  server.stderr?.on('data', (d) => (output += d));
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error(`server exited: ${output}`);
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await sleep(250);
  }
  throw new Error(`server did not start: ${output}`);
}, 60_000);

afterAll(async () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  if (dbName) await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
});

/** A POST whose body is sent in part now, the rest when asked: in flight on the server meanwhile. */
function slowPost(path: string, body: string, requestId: string, csrf: string) {
  const bytes = Buffer.from(body);
  const req: ClientRequest = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path,
    headers: {
      'content-type': 'application/json',
      'content-length': bytes.length,
      'x-request-id': requestId,
      cookie: `ce_csrf=${csrf}`,
      'x-csrf-token': csrf,
    },
  });
  const answer = new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (err) => resolve({ error: err.message }));
  });
  req.write(bytes.subarray(0, 10));
  return { answer, finish: () => req.end(bytes.subarray(10)) };
}

describe('graceful shutdown (SIGTERM)', () => {
  it('finishes the request in flight, cuts one that never ends after the timeout, exits 0', async () => {
    const login = JSON.stringify({
      loginName: 'nobody',
      password: 'x',
      captchaId: randomUUID(),
      captcha: '1234',
    });
    // past the CSRF check, which answers before the body is read
    const session = await fetch(`http://127.0.0.1:${port}/api/auth/session`);
    const csrf = /ce_csrf=([^;]+)/.exec(session.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(csrf).not.toBe('');
    const slow = slowPost('/api/auth/login', login, 'slow-1', csrf);
    const stuck = slowPost('/api/auth/login', login, 'stuck-1', csrf);
    await sleep(300);

    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    const signalled = Date.now();
    server.kill('SIGTERM');
    await sleep(300);
    expect(server.exitCode).toBeNull();
    // no new connection is accepted
    const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => 'accepted',
      (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message,
    );
    expect(refused).toBe('ECONNREFUSED');

    slow.finish();
    const answer = await slow.answer;
    // a real answer from the application (the bogus captcha), not a refusal
    expect(answer).toMatchObject({ status: expect.any(Number) });
    if (!('status' in answer)) throw new Error(answer.error);
    expect(answer.status).toBeLessThan(500);
    expect(JSON.parse(answer.body)).toMatchObject({ code: expect.any(String), requestId: 'slow-1' });

    const code = await Promise.race([exited, sleep(10_000).then(() => 'still running')]);
    expect(code, output).toBe(0);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(1900);
    expect(await stuck.answer).toHaveProperty('error');
  }, 30_000);
});
