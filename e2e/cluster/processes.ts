import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Child processes of the cluster test (app instances, s3rver, nginx): start, log, wait, stop. */

export { freePort } from '../../server/src/test/ports';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  tail = () => '',
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${tail()}`);
    await sleep(100);
  }
}

export async function status(url: string): Promise<number> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await res.arrayBuffer();
  return res.status;
}

export function spawnLogged(cmd: string, args: string[], logFile: string, env: NodeJS.ProcessEnv) {
  const fd = openSync(logFile, 'a');
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<void>((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r();
    else child.once('exit', () => r());
  });
  return { child, exited };
}

export function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

export async function stopChild(
  child: ChildProcess,
  exited: Promise<void>,
  signal: NodeJS.Signals = 'SIGTERM',
) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const gone = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
  if (!gone) {
    child.kill('SIGKILL');
    await exited;
  }
}
