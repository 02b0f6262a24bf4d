import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, makePerson } from '../test/factories';
import { appOver, type TestApp, testConfig, testDatabase } from '../test/harness';
import type { QueueStats } from './jobs';

let t: TestApp;
let withToken: TestApp;
const TOKEN = 'metrics-test-token-0123456789';
/** what the job queue reports; the test changes it between scrapes */
let queues: QueueStats[] = [];

/** The app over a test database (pool statistics from the database, queue statistics set by the test). */
async function appWith(metricsToken: string | null): Promise<TestApp> {
  const t = await appOver(await testDatabase(), testConfig({ metricsToken }), {
    closeDatabase: true,
    removeDataDir: true,
  });
  // the queue's own figures come from pg-boss; here the test sets what it reports between scrapes
  t.services.jobs.stats = async () => queues;
  return t;
}

const scrape = (app: TestApp, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  app.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });

/** The value of one series in the exposition text, or null when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const body = line.slice(name.length + 1, line.lastIndexOf('}'));
    const pairs = Object.fromEntries(
      [...body.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]] as [string, string]),
    );
    if (Object.entries(labels).every(([k, v]) => pairs[k] === v)) return Number(line.split(' ').pop());
  }
  return null;
}

beforeAll(async () => {
  [t, withToken] = await Promise.all([appWith(null), appWith(TOKEN)]);
});
afterAll(async () => {
  await Promise.all([t?.close(), withToken?.close()]);
});

describe('GET /metrics', () => {
  it('counts requests per route pattern (no ids) with a latency histogram', async () => {
    const person = await makePerson(t);
    const c = await loggedIn(t, person);
    const ids = ['7d3c1f5e-2b1a-4c7e-9f00-000000000001', '7d3c1f5e-2b1a-4c7e-9f00-000000000002'];
    for (const id of ids) expect((await c.get(`/api/files/${id}`)).status).toBe(404);
    expect((await c.get('/no/such/page')).status).toBe(404);

    const r = await scrape(t);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    const text = r.body;
    const labels = { method: 'GET', route: '/api/files/:id', status_code: '404' };
    expect(sample(text, 'http_requests_total', labels)).toBe(2);
    expect(text).not.toContain(ids[0]);
    expect(
      sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/files/:id' }),
    ).toBe(2);
    expect(
      sample(text, 'http_request_duration_seconds_bucket', {
        method: 'GET',
        route: '/api/files/:id',
        le: '+Inf',
      }),
    ).toBe(2);
    expect(sample(text, 'http_requests_total', { route: 'unmatched', status_code: '404' })).toBe(1);
    expect(sample(text, 'http_requests_total', { route: '/api/auth/login', status_code: '200' })).toBe(1);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('reports the job queues as they are at each scrape', async () => {
    queues = [{ name: 'import-records', queued: 3, active: 1, oldestQueuedSeconds: 42 }];
    let text = (await scrape(t)).body;
    expect(sample(text, 'job_queue_queued', { queue: 'import-records' })).toBe(3);
    expect(sample(text, 'job_queue_active', { queue: 'import-records' })).toBe(1);
    expect(sample(text, 'job_queue_oldest_queued_seconds', { queue: 'import-records' })).toBe(42);
    queues = [{ name: 'import-records', queued: 0, active: 0, oldestQueuedSeconds: 0 }];
    text = (await scrape(t)).body;
    expect(sample(text, 'job_queue_queued', { queue: 'import-records' })).toBe(0);
    expect(sample(text, 'job_queue_oldest_queued_seconds', { queue: 'import-records' })).toBe(0);
  });

  it('shows the PostgreSQL pool, and no pool series on PGlite', async () => {
    await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    const text = (await scrape(t)).body;
    if (process.env.TEST_DATABASE_URL) {
      expect(sample(text, 'db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'db_pool_connections', { state: 'waiting' })).toBe(0);
    } else {
      expect(sample(text, 'db_pool_connections', { state: 'total' })).toBeNull();
    }
  });

  it('without METRICS_TOKEN serves only clients on this machine that were not relayed by a proxy', async () => {
    expect((await scrape(t, {}, '10.1.2.3')).statusCode).toBe(403);
    expect((await scrape(t, { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(403);
    expect((await scrape(t, {}, '::1')).statusCode).toBe(200);
  });

  it('with METRICS_TOKEN: 401 without it, 403 with a wrong one, 200 with it from anywhere', async () => {
    const none = await scrape(withToken);
    expect(none.statusCode).toBe(401);
    expect(none.json().message).toContain('令牌');
    expect((await scrape(withToken, { authorization: 'Bearer wrong' })).statusCode).toBe(403);
    expect((await scrape(withToken, { authorization: TOKEN })).statusCode).toBe(403);
    const ok = await scrape(withToken, { authorization: `Bearer ${TOKEN}` }, '10.1.2.3');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('# TYPE http_requests_total counter');
  });
});
