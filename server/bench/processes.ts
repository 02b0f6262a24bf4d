import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/test/ports';

/**
 * The processes of the HTTP part: the app (`node --import tsx server/src/main.ts`, as `npm start`
 * runs it) and the bare Fastify + pg server, each in its own process, so neither shares an event
 * loop with the load generator. Every child is killed when the bench ends, however it ends.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** the size of the app's pg pool (core/db.ts); the bare server gets the same */
export const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
/** the app's log level: production's default, to a file */
export const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';

/**
 * Rate limits the load would trip, turned off for the bench (the README says so): the login
 * limit also guards the public certificate check. A limit added later goes here.
 */
export const RATE_LIMITS_OFF = {
  AUTH_RATE_LIMIT: '1000000000',
  CAPTCHA_RATE_LIMIT: '1000000000',
  CERT_VERIFY_RATE_LIMIT: '1000000000',
};

export interface Child {
  name: string;
  url: string;
  pid: number;
  log: string;
  stop: () => Promise<void>;
}

const children = new Set<ChildProcess>();
let hooked = false;
function killAllOnExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const c of children) c.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n收到 ${signal}：停止子进程…`);
      for (const c of children) c.kill('SIGKILL');
      process.exit(130);
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tail = (file: string) =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '';

async function start(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  dir: string,
  nodeArgs: string[] = [],
): Promise<Child> {
  killAllOnExit();
  const port = await freePort();
  const log = join(dir, `${name}.log`);
  const fd = openSync(log, 'a');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  children.add(child);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  void exited.then(() => children.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} 启动失败（${child.exitCode ?? child.signalCode}）：\n${tail(log)}`);
    const up = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} 未能在 90 秒内启动：\n${tail(log)}`);
    }
    await sleep(200);
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const gone = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
    if (!gone) {
      child.kill('SIGKILL');
      await exited;
    }
    // its data dir and log (a failed start has shown the log's tail already)
    rmSync(dir, { recursive: true, force: true });
  };
  return { name, url, pid: child.pid ?? 0, log, stop };
}

/**
 * The app as in production (NODE_ENV=production), on the bench database; logs to a file.
 * BENCH_APP_NODE_ARGS adds node flags to it (`--cpu-prof --cpu-prof-dir=…` to profile a run).
 */
export function startApp(databaseUrl: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ce-bench-app-'));
  return start(
    'app',
    'server/src/main.ts',
    {
      ...process.env,
      NODE_ENV: 'production',
      SMS_GATEWAY: 'outbox',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      FILE_STORE: 'local',
      LOG_LEVEL,
      SESSION_IDLE_MINUTES: '600',
      ...RATE_LIMITS_OFF,
    },
    dir,
    (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean),
  );
}

export function startBare(databaseUrl: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ce-bench-bare-'));
  return start(
    'bare',
    'server/bench/bare-server.ts',
    { ...process.env, BARE_DATABASE_URL: databaseUrl, BARE_POOL_SIZE: String(POOL_SIZE) },
    dir,
  );
}

/** kB of a /proc/<pid>/status field (VmRSS: now, VmHWM: the peak) */
export function procKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`/proc/${pid}/status 中没有 ${field}`);
  return Number(m[1]);
}

/** CPU ticks (user + system) a process has used */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until a process is idle (under ~5 % of a core for a quarter of a second): the requests a
 * load run left in flight (a PDF backlog) must not eat into the next run's CPU.
 */
export async function settle(pid: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let before = cpuTicks(pid);
  while (Date.now() < deadline) {
    await sleep(250);
    const now = cpuTicks(pid);
    if (now - before <= 1) return;
    before = now;
  }
}

/**
 * Peak RSS of a process while `work` runs, in kB over its RSS before: VmHWM reset first
 * (clear_refs 5) and VmRSS polled every 20 ms, the larger of the two (the poll alone where the
 * reset is not allowed).
 */
export async function peakRssDuring(pid: number, work: () => Promise<void>) {
  const idle = procKb(pid, 'VmRSS');
  let reset = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    reset = false;
  }
  let polled = idle;
  const timer = setInterval(() => {
    polled = Math.max(polled, procKb(pid, 'VmRSS'));
  }, 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const peak = Math.max(polled, reset ? procKb(pid, 'VmHWM') : 0);
  return { idleKb: idle, peakKb: peak };
}
