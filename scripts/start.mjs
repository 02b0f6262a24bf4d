// `npm start`: builds the web app when it is missing or older than its sources, then serves
// the UI and the API on one port (default http://127.0.0.1:3000), restarting the server if it crashes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = join(root, 'web/dist/index.html');
const sources = Math.max(newest(join(root, 'web')), newest(join(root, 'shared/src')));
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('正在构建前端…');
  const r = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// Supervises the server: a crash (any exit we did not ask for) restarts it after a short backoff,
// five crashes within a minute give up; SIGTERM/SIGINT go to the server, whose exit code we return.
const MAX_CRASHES = 5;
const WINDOW_MS = 60_000;
let child = null;
let stopping = false;
let crashes = [];

function run() {
  child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    child = null;
    // a clean exit 0 was asked for (a signal sent to the server itself): nothing to restart
    if (stopping || code === 0) process.exit(code ?? 1);
    const now = Date.now();
    crashes = [...crashes.filter((t) => now - t < WINDOW_MS), now];
    if (crashes.length >= MAX_CRASHES) {
      console.error(`服务在一分钟内异常退出 ${crashes.length} 次，不再重启`);
      process.exit(code || 1);
    }
    const delay = Math.min(500 * 2 ** (crashes.length - 1), 8000);
    console.error(`服务异常退出（${signal ?? `退出码 ${code}`}），${delay / 1000} 秒后重启…`);
    setTimeout(() => {
      if (stopping) process.exit(code || 1);
      else run();
    }, delay);
  });
}

for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => {
    stopping = true;
    if (child) child.kill(sig);
    else process.exit(0);
  });
}
run();
