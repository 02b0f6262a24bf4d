import { type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database, Queryable } from './db';
import type { JobDefinition, JobQueue, QueueStats } from './jobs';

/**
 * JobQueue on pg-boss 10, in the `pgboss` schema of the product's own database (PostgreSQL or
 * PGlite). pg-boss keeps the job rows, hands each to one worker (FOR UPDATE SKIP LOCKED), fails
 * an attempt still active after its expiry (its worker died) so it is retried, and moves a job
 * whose retries are spent to the queue's dead-letter queue, whose worker calls `onDead`.
 * Fetching, completing and failing are done here rather than by `boss.work()`, so stop() can wait
 * for every running handler and its bookkeeping before the database is closed.
 */
export interface JobQueueOptions {
  /** default expiry of an attempt (JOB_EXPIRE_SECONDS) */
  expireSeconds: number;
  /** how often expired attempts are looked for (JOB_SUPERVISE_SECONDS) */
  superviseSeconds: number;
  /** false: send jobs, run none (JOBS_WORKER=false) */
  worker: boolean;
  log: FastifyBaseLogger;
  /** how often an idle worker asks for jobs sent by other instances; this instance's own are woken */
  pollSeconds?: number;
  /** graceful stop waits this long for running handlers, then leaves them to expiry */
  stopTimeoutMs?: number;
}

type Definition = JobDefinition<object>;
type Job = PgBoss.JobWithMetadata<object>;

const deadQueue = (name: string) => `${name}-dead`;

/**
 * Why a job died, from the output pg-boss kept: our own "error: …" or "lost: …", or pg-boss's
 * timeout of an active attempt, which means its worker vanished.
 */
function reasonOf(output: unknown): string {
  const o = (output ?? {}) as { message?: unknown; value?: { message?: unknown } | string };
  const text =
    typeof o.message === 'string'
      ? o.message
      : typeof o.value === 'string'
        ? o.value
        : typeof o.value?.message === 'string'
          ? o.value.message
          : JSON.stringify(output ?? null);
  return /^(error|lost):/.test(text) ? text : `lost: ${text}`;
}

/** pg-boss's SQL ($1 … $n) as a drizzle query, so a job can be queued in the caller's transaction. */
function drizzleSql(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`);
  });
  return sql.join(chunks);
}

function txDb(tx: Queryable): PgBoss.Db {
  return {
    executeSql: async (text, values) =>
      (await tx.execute(drizzleSql(text, values ?? []))) as unknown as { rows: unknown[] },
  };
}

/**
 * PostgreSQL: pg-boss gets its own small pool, so polling and maintenance (multi-statement
 * BEGIN … COMMIT scripts that need one connection) never wait behind, or hold, the API's pool.
 * PGlite: one connection in this process; pg-boss's statements queue behind the app's own.
 */
function connection(database: Database): PgBoss.ConstructorOptions {
  if (database.raw.kind === 'postgres') {
    return { connectionString: database.raw.url, max: 3, application_name: 'ce-jobs' };
  }
  const client = database.raw.client;
  return {
    db: {
      async executeSql(text: string, values?: unknown[]) {
        if (values?.length) return client.query(text, values);
        try {
          const res = await client.exec(text);
          return res[res.length - 1] ?? { rows: [] };
        } catch (error) {
          // a failed BEGIN … COMMIT script would leave the one session in an aborted transaction
          await client.exec('rollback').catch(() => {});
          throw error;
        }
      },
    },
  };
}

/**
 * Creates a queue unless it exists. Instances starting together on a new database all try: the
 * partition each creation attaches to pgboss.job can deadlock between them (40P01), so the losers
 * wait a moment and look again, finding the winner's queue.
 */
async function ensureQueue(boss: PgBoss, name: string, options: PgBoss.Queue) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (await boss.getQueue(name)) return;
      await boss.createQueue(name, options);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!['40P01', '23505', '42P07'].includes(code ?? '') || attempt >= 8) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
    }
  }
}

export function createJobQueue(database: Database, opts: JobQueueOptions): JobQueue {
  const defs = new Map<string, Definition>();
  const boss = new PgBoss({
    ...connection(database),
    maintenanceIntervalSeconds: opts.superviseSeconds,
    schedule: false,
  });
  boss.on('error', (err) => opts.log.error({ err }, 'job queue error'));
  const pollMs = (opts.pollSeconds ?? 2) * 1000;
  /** attempts running now, so stop() can wait for them */
  const running = new Set<Promise<unknown>>();
  const wakers = new Map<string, () => void>();
  const stopLoops: (() => void)[] = [];
  let started = false;
  let stopping = false;
  let stopped: Promise<void> | undefined;

  /** One attempt of one job: run, then complete or fail it (failing retries it or dead-letters it). */
  async function attempt(queue: string, run: (job: Job) => Promise<void>): Promise<boolean> {
    const [job] = await boss.fetch<object>(queue, { batchSize: 1, includeMetadata: true });
    if (!job) return false;
    try {
      await run(job);
      await boss.complete(queue, job.id);
    } catch (error) {
      opts.log.error({ err: error, queue, jobId: job.id, retryCount: job.retryCount }, 'job attempt failed');
      const message = error instanceof Error ? error.message : String(error);
      await boss.fail(queue, job.id, { message: `error: ${message}` });
    }
    return true;
  }

  /** A worker: one job at a time; asks again at once after a job, else every pollMs or when woken. */
  function loop(queue: string, run: (job: Job) => Promise<void>) {
    let timer: NodeJS.Timeout | null = null;
    let busy = false;
    let woken = false;
    const next = (ms: number) => {
      if (!stopping) timer = setTimeout(tick, ms);
    };
    const tick = () => {
      timer = null;
      busy = true;
      woken = false;
      const p = attempt(queue, run).catch((err: unknown) => {
        opts.log.error({ err, queue }, 'job worker could not fetch');
        return false;
      });
      running.add(p);
      void p.then((again) => {
        running.delete(p);
        busy = false;
        next(again || woken ? 0 : pollMs);
      });
    };
    wakers.set(queue, () => {
      if (busy) woken = true;
      else if (timer) {
        clearTimeout(timer);
        next(0);
      }
    });
    next(0);
    stopLoops.push(() => {
      if (timer) clearTimeout(timer);
      timer = null;
    });
  }

  /**
   * On PGlite only this process can own the data dir, so a job still active now was left by a
   * process that ended: fail its attempt at once (it is retried, or dead-lettered when spent)
   * rather than waiting for its expiry.
   */
  async function retryOrphans(names: string[]) {
    const { rows } = await boss
      .getDb()
      .executeSql(`select id, name from pgboss.job where state = 'active' and name = any($1::text[])`, [
        names,
      ]);
    for (const row of rows as { id: string; name: string }[]) {
      opts.log.warn({ jobId: row.id, queue: row.name }, 'job left active by an ended process: retried');
      await boss.fail(row.name, row.id, { message: 'lost: the process running it ended' });
    }
  }

  const queueNames = () => [...defs.keys()].flatMap((n) => [n, deadQueue(n)]);

  return {
    define<T extends object>(def: JobDefinition<T>) {
      if (started) throw new Error(`job ${def.name} defined after start`);
      defs.set(def.name, def as unknown as Definition);
    },

    async send<T extends object>(name: string, data: T, sendOpts: { tx?: Queryable } = {}) {
      const def = defs.get(name);
      if (!def) throw new Error(`job ${name} is not defined`);
      const id = await boss.send(name, data, {
        retryLimit: def.retryLimit ?? 2,
        expireInSeconds: def.expireInSeconds ?? opts.expireSeconds,
        deadLetter: deadQueue(name),
        ...(sendOpts.tx ? { db: txDb(sendOpts.tx) } : {}),
      });
      if (!id) throw new Error(`job ${name} was not queued`);
      if (!sendOpts.tx) wakers.get(name)?.();
      return id;
    },

    wake(name: string) {
      wakers.get(name)?.();
    },

    async start() {
      started = true;
      await boss.start();
      for (const name of defs.keys()) {
        const dead = deadQueue(name);
        await ensureQueue(boss, dead, { name: dead, retryLimit: 5, expireInSeconds: 300 });
        await ensureQueue(boss, name, { name, deadLetter: dead });
      }
      if (!opts.worker) return;
      if (database.raw.kind === 'pglite') await retryOrphans(queueNames());
      for (const [name, def] of defs) {
        loop(name, (job) =>
          def.run(job.data, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit }),
        );
        loop(deadQueue(name), (job) => def.onDead(job.data, reasonOf(job.output)));
      }
    },

    stop() {
      // every caller (the app's onClose hook, a shutdown handler) waits for the same stop
      stopped ??= (async () => {
        if (!started) return;
        stopping = true;
        for (const s of stopLoops) s();
        const timeout = new Promise<void>((resolve) =>
          setTimeout(resolve, opts.stopTimeoutMs ?? 20_000).unref(),
        );
        await Promise.race([Promise.allSettled([...running]), timeout]);
        // a handler still running is left to expiry: its attempt is then retried by another instance
        await boss.stop({ graceful: false, close: true, wait: true });
      })();
      return stopped;
    },

    async stats(): Promise<QueueStats[]> {
      const names = queueNames();
      const { rows } = await boss.getDb().executeSql(
        `select name,
           count(*) filter (where state in ('created', 'retry'))::int as queued,
           count(*) filter (where state = 'active')::int as active,
           coalesce(extract(epoch from now() - min(start_after) filter (
             where state in ('created', 'retry') and start_after <= now())), 0)::float8 as oldest
         from pgboss.job where name = any($1::text[]) group by name`,
        [names],
      );
      const byName = new Map(
        (rows as { name: string; queued: number; active: number; oldest: number }[]).map((r) => [r.name, r]),
      );
      return names.map((name) => ({
        name,
        queued: byName.get(name)?.queued ?? 0,
        active: byName.get(name)?.active ?? 0,
        oldestQueuedSeconds: Math.round(byName.get(name)?.oldest ?? 0),
      }));
    },
  };
}
