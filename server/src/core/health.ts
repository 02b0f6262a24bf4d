import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from './db';

/** One dependency /readyz asks about; `check` throws (or takes too long) when it is down. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface CheckState {
  name: string;
  status: 'up' | 'down';
  /** why it is down; never the driver's message (it may name hosts), that goes to the log */
  reason?: 'timeout' | 'error';
}

export interface Readiness {
  /** the checks /readyz runs; append more (Redis…) before the app listens */
  readonly checks: ReadinessCheck[];
  /** from now on /readyz answers 503 (shutdown: the load balancer stops sending traffic) */
  drain(): void;
  readonly draining: boolean;
}

const CHECK_TIMEOUT_MS = 2000;

export const databaseCheck = (db: Db): ReadinessCheck => ({
  name: 'database',
  async check() {
    await db.execute(sql`select 1`);
  },
});

async function run(c: ReadinessCheck, onError: (err: unknown) => void): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CHECK_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([c.check().then(() => 'up' as const), timeout]);
    return outcome === 'up'
      ? { name: c.name, status: 'up' }
      : { name: c.name, status: 'down', reason: 'timeout' };
  } catch (err) {
    onError(err);
    return { name: c.name, status: 'down', reason: 'error' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /healthz: the process answers (liveness; touches nothing else).
 * GET /readyz: every readiness check passes, each within 2 s (else 503 naming the ones down);
 * 503 as soon as shutdown begins. Outside /api: no session, no access declaration.
 */
export function healthRoutes(app: FastifyInstance, checks: ReadinessCheck[]): Readiness {
  let draining = false;
  // probes come every few seconds: only their failures are worth a log line
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (req, reply) => {
    if (draining) return reply.status(503).send({ status: 'shutting_down', checks: [] });
    const states = await Promise.all(
      checks.map((c) => run(c, (err) => req.log.warn({ err, check: c.name }, 'readiness check failed'))),
    );
    const ok = states.every((s) => s.status === 'up');
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks: states });
  });
  return {
    checks,
    drain() {
      draining = true;
    },
    get draining() {
      return draining;
    },
  };
}
