import type { Queryable } from './db';

/**
 * Background jobs that any instance may run (批量申报 import; later 结班, legacy import, recounts).
 * The queue lives in the database, so a job survives the process that queued it; a job whose
 * worker died is retried, and when its retries are spent its handler's `onDead` marks the
 * business object failed with a reason the user sees. Implementation: ./jobs.pgboss.ts.
 */
export interface JobInfo {
  id: string;
  /** 0 on the first attempt */
  retryCount: number;
  retryLimit: number;
}

export interface JobDefinition<T extends object> {
  name: string;
  /** runs the job; throwing fails this attempt (retried while attempts remain) */
  run(data: T, job: JobInfo): Promise<void>;
  /**
   * called once when the job will not be tried again (retries spent, worker lost, expired);
   * `reason` starts with "lost:" when the last attempt's worker vanished (expired, shut down, its
   * process ended), with "error:" when `run` threw
   */
  onDead(data: T, reason: string): Promise<void>;
  retryLimit?: number;
  /** an attempt running longer than this is taken as lost and retried */
  expireInSeconds?: number;
}

export interface QueueStats {
  name: string;
  queued: number;
  active: number;
  /** age in seconds of the oldest job waiting to start; 0 when none */
  oldestQueuedSeconds: number;
}

export interface JobQueue {
  /** registers a job type; call before start() */
  define<T extends object>(def: JobDefinition<T>): void;
  /** queues a job; given `tx`, the job is queued in that transaction (and only if it commits) */
  send<T extends object>(name: string, data: T, opts?: { tx?: Queryable }): Promise<string>;
  /** a job of `name` was queued and its transaction committed: a worker here looks for it at once */
  wake(name: string): void;
  start(): Promise<void>;
  /** stops taking jobs and waits for running ones (graceful shutdown) */
  stop(): Promise<void>;
  stats(): Promise<QueueStats[]>;
}
