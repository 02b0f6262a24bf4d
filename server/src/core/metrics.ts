import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { AppError } from './errors';
import type { QueueStats } from './jobs';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface MetricsOptions {
  /** METRICS_TOKEN: when set, GET /metrics needs `Authorization: Bearer <token>` */
  token: string | null;
  /** connections of the database pool (`Database.poolStats`); null on PGlite */
  poolStats?: () => PoolStats | null;
  /** background job queues (`JobQueue.stats`) */
  queueStats?: () => Promise<QueueStats[]>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may read /metrics. With a token: whoever presents it. Without: only a client on this machine
 * that came straight here — a request relayed by a reverse proxy carries X-Forwarded-For (or
 * Forwarded) and is refused even though its TCP peer, the proxy, is loopback.
 */
function authorize(req: FastifyRequest, token: string | null) {
  if (token) {
    const header = req.headers.authorization;
    if (!header) throw new AppError('UNAUTHENTICATED', '访问监控指标须提供令牌（Authorization: Bearer）');
    const [scheme, given] = header.split(' ');
    if (scheme !== 'Bearer' || !given || !sameToken(given, token)) {
      throw new AppError('FORBIDDEN', '监控指标令牌不正确');
    }
    return;
  }
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  if (forwarded || !LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    throw new AppError('FORBIDDEN', '监控指标仅限本机访问；请设置 METRICS_TOKEN');
  }
}

/**
 * Prometheus metrics of one app, in a registry of its own (several apps in one test process
 * must not share the global one): request count and latency per route pattern, database pool,
 * job queues and the process's default metrics, served at GET /metrics.
 */
export function installMetrics(app: FastifyInstance, opts: MetricsOptions): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  app.addHook('onResponse', (req, reply, done) => {
    // the pattern (/api/records/:id), never the URL: ids would make one series per record
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status_code: String(reply.statusCode) });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    done();
  });

  const { poolStats, queueStats } = opts;
  if (poolStats) {
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting clients); absent on PGlite',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const s = poolStats();
        if (!s) return;
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }

  if (queueStats) {
    // the three gauges are collected together on a scrape: they share one call
    let pending: Promise<QueueStats[]> | null = null;
    const stats = () => {
      pending ??= queueStats().finally(() => {
        pending = null;
      });
      return pending;
    };
    const queueGauge = (name: string, help: string, value: (q: QueueStats) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['queue'] as const,
        registers: [registry],
        async collect() {
          const all = await stats();
          this.reset();
          for (const q of all) this.set({ queue: q.name }, value(q));
        },
      });
    queueGauge('job_queue_queued', 'Jobs waiting to start, per queue', (q) => q.queued);
    queueGauge('job_queue_active', 'Jobs running, per queue', (q) => q.active);
    queueGauge(
      'job_queue_oldest_queued_seconds',
      'Age of the oldest job waiting to start, per queue (0 when none)',
      (q) => q.oldestQueuedSeconds,
    );
  }

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    authorize(req, opts.token);
    const text = await registry.metrics();
    return reply.header('content-type', registry.contentType).header('cache-control', 'no-store').send(text);
  });

  return registry;
}
