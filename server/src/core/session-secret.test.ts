import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { settings } from '../db/schema';
import { Client } from '../test/client';
import { loggedIn, makePerson } from '../test/factories';
import { startTestApp, type TestApp, testConfig, testDatabase } from '../test/harness';
import type { Config } from './config';
import { sharedSessionSecret } from './session-secret';

// Instances without SESSION_SECRET, each with its own data directory, on one database.
let t: TestApp;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  t = await startTestApp({ sessionSecret: '' });
});
afterAll(async () => {
  for (const close of closers) await close();
  await t?.close();
});

async function instance(overrides: Partial<Config> = {}) {
  const config = testConfig({ sessionSecret: '', ...overrides });
  const { app } = await buildApp({ database: t.database, config, logger: false });
  closers.push(async () => {
    await app.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });
  return { ...t, app, config };
}

/** Who the given instance sees logged in with the client's cookies (null: nobody). */
async function sessionOn(inst: TestApp, from: Client) {
  const c = new Client(inst);
  c.cookies = new Map(from.cookies);
  const r = await c.get<{ session: { account: { loginName: string } } | null }>('/api/auth/session');
  return r.body.session?.account.loginName ?? null;
}

describe('session secret shared through the database', () => {
  it('a session created on one instance is accepted by another with its own data directory', async () => {
    const p = await makePerson(t);
    const c = await loggedIn(t, p);
    expect(await sessionOn(t, c)).toBe(p.loginName);

    const other = await instance();
    expect(other.config.dataDir).not.toBe(t.config.dataDir);
    expect(await sessionOn(other, c)).toBe(p.loginName);
    // and a login on the other one is good on the first
    const c2 = await loggedIn(other, p);
    expect(await sessionOn(t, c2)).toBe(p.loginName);
    // nothing was written into either data directory
    for (const dir of [t.config.dataDir, other.config.dataDir])
      expect(existsSync(join(dir, 'session-secret'))).toBe(false);
  });

  it('SESSION_SECRET takes precedence: an instance given another secret does not accept those sessions', async () => {
    const p = await makePerson(t);
    const c = await loggedIn(t, p);
    const before = await t.db.select().from(settings);
    const own = await instance({ sessionSecret: 'an-explicit-secret-of-this-deployment' });
    expect(await sessionOn(own, c)).toBeNull();
    expect(await t.db.select().from(settings)).toEqual(before);
  });

  it('keeps one secret however many instances start at once', async () => {
    const secrets = await Promise.all(
      Array.from({ length: 4 }, () => sharedSessionSecret(t.db, '/nonexistent')),
    );
    expect(new Set(secrets).size).toBe(1);
    expect(await t.db.select().from(settings)).toHaveLength(1);
  });
});

describe('upgrade from a secret kept in DATA_DIR/session-secret', () => {
  it('the first instance on a new database adopts it, so existing sessions stay valid', async () => {
    const database = await testDatabase();
    const config = testConfig({ sessionSecret: '' });
    try {
      writeFileSync(join(config.dataDir, 'session-secret'), 'the-secret-an-older-version-generated\n');
      const { app, services } = await buildApp({ database, config, logger: false });
      await app.close();
      expect(services.config.sessionSecret).toBe('the-secret-an-older-version-generated');
      const [row] = await database.db.select().from(settings);
      expect(row.sessionSecret).toBe('the-secret-an-older-version-generated');
    } finally {
      await database.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    }
  });
});
