import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/harness';
import type { Database } from './db';
import type { JobInfo, JobQueue } from './jobs';
import { createJobQueue, type JobQueueOptions } from './jobs.pgboss';

/** The job queue on the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */

let database: Database;
const queues: JobQueue[] = [];
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  for (const q of queues) await q.stop();
  await database.close();
});

const log = Fastify({ logger: false }).log;
function queue(opts: Partial<JobQueueOptions> = {}) {
  const q = createJobQueue(database, {
    expireSeconds: 60,
    superviseSeconds: 1,
    worker: true,
    log,
    pollSeconds: 0.5,
    ...opts,
  });
  queues.push(q);
  return q;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what: string, ok: () => boolean, seconds = 15) {
  for (const end = Date.now() + seconds * 1000; !ok(); await sleep(50)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

describe('job queue (pg-boss)', () => {
  it('a job that keeps failing is tried retryLimit + 1 times, then onDead hears why', async () => {
    const attempts: number[] = [];
    const dead: { data: object; reason: string }[] = [];
    const q = queue();
    q.define<{ n: number }>({
      name: 'test-throws',
      retryLimit: 1,
      async run(_data, job: JobInfo) {
        attempts.push(job.retryCount);
        throw new Error('boom');
      },
      async onDead(data, reason) {
        dead.push({ data, reason });
      },
    });
    await q.start();
    await q.send('test-throws', { n: 7 });
    await until('onDead', () => dead.length > 0);
    expect(attempts).toEqual([0, 1]);
    expect(dead).toEqual([{ data: { n: 7 }, reason: 'error: boom' }]);
    await q.stop();
  });

  it('an attempt whose worker is gone past its expiry is retried by another instance', async () => {
    const runs: { by: string; retryCount: number; at: number }[] = [];
    let release = () => {};
    const hung = new Promise<void>((resolve) => {
      release = resolve;
    });
    const define = (q: JobQueue, by: string) =>
      q.define<object>({
        name: 'test-expires',
        expireInSeconds: 1,
        async run(_data, job) {
          runs.push({ by, retryCount: job.retryCount, at: Date.now() });
          if (job.retryCount === 0) await hung; // this worker never answers again
        },
        async onDead() {},
      });
    // two instances, both running before the job is sent (whichever takes it first hangs)
    const a = queue();
    const b = queue();
    define(a, 'a');
    define(b, 'b');
    await a.start();
    await b.start();
    const sent = Date.now();
    await a.send('test-expires', {});
    await until('the retry on the other instance', () => runs.length === 2);
    expect(runs.map((r) => r.retryCount)).toEqual([0, 1]);
    expect(runs[1].by).not.toBe(runs[0].by);
    expect(runs[1].at - sent).toBeGreaterThanOrEqual(1000);
    release();
    await a.stop();
    await b.stop();
  });

  it('stop() waits for the running handler; stats() counts what waits', async () => {
    let finished = false;
    const q = queue();
    let started = false;
    q.define<object>({
      name: 'test-slow',
      async run() {
        started = true;
        await sleep(700);
        finished = true;
      },
      async onDead() {},
    });
    await q.start();
    await q.send('test-slow', {});
    await until('the handler', () => started);
    await q.stop();
    expect(finished).toBe(true);

    const api = queue({ worker: false });
    api.define<object>({ name: 'test-slow', run: async () => {}, onDead: async () => {} });
    await api.start();
    await api.send('test-slow', {});
    await api.send('test-slow', {});
    await sleep(1100);
    const [stats] = (await api.stats()).filter((s) => s.name === 'test-slow');
    expect(stats).toMatchObject({ queued: 2, active: 0 });
    expect(stats.oldestQueuedSeconds).toBeGreaterThanOrEqual(1);
  });
});

// Instances share a PostgreSQL database; a PGlite database belongs to one process (one queue).
describe.skipIf(!process.env.TEST_DATABASE_URL)('instances starting together', () => {
  it('four queues starting at once on a fresh database all start, each queue created once', async () => {
    const fresh = await testDatabase();
    const starting = Array.from({ length: 4 }, () => {
      const q = createJobQueue(fresh, { expireSeconds: 60, superviseSeconds: 1, worker: true, log });
      q.define<{ n: number }>({ name: 'test-together', run: async () => {}, onDead: async () => {} });
      return q;
    });
    try {
      await Promise.all(starting.map((q) => q.start()));
      const stats = await starting[0].stats();
      expect(stats.map((s) => s.name).sort()).toEqual(['test-together', 'test-together-dead']);
    } finally {
      for (const q of starting) await q.stop();
      await fresh.close();
    }
  }, 60_000);
});
