import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { type Database, openDatabase } from '../../server/src/core/db';
import { S3FileStore } from '../../server/src/core/file-store.s3';
import { seedDemo } from '../../server/src/seed/demo';
import { type AccessLine, nginxConf, parseAccessLog } from './nginx';
import { freePort, ROOT, spawnLogged, status, stopChild, tail, waitFor } from './processes';

export type { AccessLine } from './nginx';
export { freePort } from './processes';

/**
 * The multi-instance setup of README「部署」on loopback: one fresh PostgreSQL database, s3rver as
 * the object store, Redis, N app processes (`node --import tsx server/src/main.ts`) and Debian's
 * nginx in front of them. Everything lives in one temp dir and is torn down by stop(), also after
 * a failure half way through start.
 */

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** the app must answer /readyz within this (it migrates and seeds nothing: the harness did) */
const START_TIMEOUT_MS = 60_000;
const SESSION_SECRET = randomBytes(32).toString('base64url');
const S3 = { bucket: 'ce-files', region: 'us-east-1', key: 'S3RVER', secret: 'S3RVER' };

export interface Instance {
  index: number;
  port: number;
  url: string;
  /** the upstream address nginx logs ($upstream_addr) */
  addr: string;
  dir: string;
  child: ChildProcess;
  /** resolves when the process has exited (after a kill: it is really gone) */
  exited: Promise<void>;
}

export interface Cluster {
  db: Database['db'];
  proxyUrl: string;
  instances: Instance[];
  /** nginx access log lines: `<msec> <method> <uri> <status> <upstream_addr> <upstream_status>` */
  accessLog(): AccessLine[];
  /** the last lines of an instance's stdout/stderr, for failure messages */
  logTail(i: number): string;
  /** SIGKILL: no graceful shutdown, open connections are reset */
  kill(i: number): Promise<{ killedAt: number; exitedAt: number }>;
  stop(): Promise<void>;
}

/** Ready when /readyz says so (database, object store and Redis answer). */
async function answers(url: string): Promise<boolean> {
  return (await status(`${url}/readyz`)) === 200;
}

/** Fresh database on TEST_DATABASE_URL's server, migrated (seeded once the object store is up). */
async function createDatabase(serverUrl: string) {
  const name = `ce_cluster_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), pgliteDir: null });
  const drop = async () => {
    await database.close().catch(() => {});
    const a = new pg.Client({ connectionString: serverUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
  return { url: u.toString(), database, drop };
}

export async function startCluster(opts: {
  instances: number;
  env?: Record<string, string>;
}): Promise<Cluster> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install -y nginx (.ci/run does)`);
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Redis does not answer at ${REDIS_URL} (.ci/run starts redis-server): ${String(err)}`);
  } finally {
    redis.disconnect();
  }

  const dir = mkdtempSync(join(tmpdir(), 'ce-cluster-'));
  const cleanups: (() => Promise<void>)[] = [];
  const instances: Instance[] = [];
  const stop = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
    cleanups.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  // whatever happens to the test runner, no process outlives it
  const reap = () => {
    for (const i of instances) i.child.kill('SIGKILL');
  };
  process.once('exit', reap);
  cleanups.push(async () => {
    process.off('exit', reap);
  });

  try {
    const created = await createDatabase(serverUrl);
    cleanups.push(created.drop);

    const s3Port = await freePort();
    const s3Dir = join(dir, 's3');
    mkdirSync(s3Dir);
    const s3 = spawnLogged(
      process.execPath,
      [
        join(ROOT, 'node_modules/s3rver/bin/s3rver.js'),
        ...['-d', s3Dir, '-a', '127.0.0.1', '-p', String(s3Port), '--silent'],
        ...['--no-vhost-buckets', '--configure-bucket', S3.bucket],
      ],
      join(dir, 's3rver.log'),
      process.env,
    );
    cleanups.push(() => stopChild(s3.child, s3.exited));
    const s3Url = `http://127.0.0.1:${s3Port}`;
    await waitFor(
      's3rver',
      async () => (await status(`${s3Url}/`)) < 500,
      20_000,
      () => tail(join(dir, 's3rver.log')),
    );
    // the demo data, its records' 附件材料 in the object store the instances share
    const store = new S3FileStore({
      endpoint: s3Url,
      bucket: S3.bucket,
      region: S3.region,
      accessKeyId: S3.key,
      secretAccessKey: S3.secret,
      forcePathStyle: true,
      prefix: '',
      timeoutMs: 10_000,
    });
    await seedDemo(created.database.db, { onlyIfEmpty: true, files: store });
    store.close?.();

    const redisPrefix = `ce-cluster-${randomBytes(4).toString('hex')}:`;
    cleanups.push(() => dropRedisKeys(redisPrefix));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: '127.0.0.1',
      DATABASE_URL: created.url,
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      SESSION_SECRET,
      REDIS_URL,
      // keeps this run's keys apart from other runs on the same Redis
      REDIS_PREFIX: redisPrefix,
      FILE_STORE: 's3',
      S3_ENDPOINT: s3Url,
      S3_BUCKET: S3.bucket,
      S3_REGION: S3.region,
      S3_ACCESS_KEY_ID: S3.key,
      S3_SECRET_ACCESS_KEY: S3.secret,
      S3_FORCE_PATH_STYLE: 'true',
      WEB_DIST: join(dir, 'no-web'),
      ...opts.env,
    };
    delete env.TEST_DATABASE_URL;
    delete env.VITEST;
    delete env.NODE_ENV;

    for (let index = 0; index < opts.instances; index += 1) {
      const port = await freePort();
      const idir = join(dir, `app${index}`);
      mkdirSync(idir);
      const { child, exited } = spawnLogged(
        process.execPath,
        ['--import', 'tsx', 'server/src/main.ts'],
        join(idir, 'app.log'),
        { ...env, PORT: String(port), DATA_DIR: idir },
      );
      const instance = {
        index,
        port,
        url: `http://127.0.0.1:${port}`,
        addr: `127.0.0.1:${port}`,
        dir: idir,
        child,
        exited,
      };
      instances.push(instance);
      cleanups.push(() => stopChild(child, exited));
    }
    await Promise.all(
      instances.map((i) =>
        waitFor(
          `instance ${i.index} to answer`,
          () => answers(i.url),
          START_TIMEOUT_MS,
          () => tail(join(i.dir, 'app.log')),
        ),
      ),
    );

    const proxyPort = await freePort();
    const ndir = join(dir, 'nginx');
    mkdirSync(ndir);
    writeFileSync(
      join(ndir, 'nginx.conf'),
      nginxConf(
        ndir,
        proxyPort,
        instances.map((i) => i.addr),
      ),
    );
    const nginx = spawnLogged(
      NGINX,
      ['-p', ndir, '-c', join(ndir, 'nginx.conf'), '-e', join(ndir, 'error.log')],
      join(ndir, 'stdout.log'),
      process.env,
    );
    // SIGQUIT: nginx's graceful stop; stopChild falls back to SIGKILL
    cleanups.push(() => stopChild(nginx.child, nginx.exited, 'SIGQUIT'));
    const proxyUrl = `http://127.0.0.1:${proxyPort}`;
    await waitFor(
      'nginx',
      async () => (await status(`${proxyUrl}/api/auth/session`)) === 200,
      20_000,
      () => `${tail(join(ndir, 'stdout.log'))}\n${tail(join(ndir, 'error.log'))}`,
    );

    return {
      db: created.database.db,
      proxyUrl,
      instances,
      accessLog: () => parseAccessLog(join(ndir, 'access.log')),
      logTail: (i) => tail(join(instances[i].dir, 'app.log')),
      async kill(i) {
        const { child, exited } = instances[i];
        const killedAt = Date.now();
        child.kill('SIGKILL');
        await exited;
        return { killedAt, exitedAt: Date.now() };
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The keys this run left in Redis (rate-limit counters expire anyway; this keeps it tidy). */
async function dropRedisKeys(prefix: string) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
