import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, makePerson } from '../test/factories';
import { appOver, type TestApp, testConfig } from '../test/harness';
import { createPgCluster, type PgCluster, pgBinariesAvailable } from '../test/pg-cluster';
import { type Database, openDatabase } from './db';

// Needs the PostgreSQL binaries (initdb, pg_ctl): the test stops and restarts a database of its
// own, which PGlite (in this process) and the shared server (never stopped) cannot stand for.
describe.skipIf(!pgBinariesAvailable())('a database that goes away and comes back', () => {
  let cluster: PgCluster;
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    cluster = await createPgCluster();
    database = await openDatabase({ url: cluster.url, pgliteDir: null });
    t = await appOver(database, testConfig(), { closeDatabase: true, removeDataDir: true });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    cluster?.remove();
  });

  it('readiness and API answer 503 while it is down, the app stays up, and all is well once it is back', async () => {
    const person = await makePerson(t);
    const client = await loggedIn(t, person);
    const before = await client.get<{ session: { account: { loginName: string } } | null }>(
      '/api/auth/session',
    );
    expect(before.body.session?.account.loginName).toBe(person.loginName);

    cluster.crash();
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      status: 'unavailable',
      checks: [
        { name: 'database', status: 'down', reason: 'error' },
        { name: 'files', status: 'up' },
      ],
    });
    const down = await client.get('/api/auth/session');
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.error).toEqual({
      code: 'UNAVAILABLE',
      message: '数据库暂时不可用，请稍后重试',
      requestId: down.headers['x-request-id'],
    });
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    cluster.start();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    // the same session, on a new connection
    const after = await client.get<{ session: { account: { loginName: string } } | null }>(
      '/api/auth/session',
    );
    expect(after.status).toBe(200);
    expect(after.body.session?.account.loginName).toBe(person.loginName);
  }, 30_000);
});
