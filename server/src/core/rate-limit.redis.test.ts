import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { Client } from '../test/client';
import { loggedIn, makePerson } from '../test/factories';
import { startTestApp, type TestApp } from '../test/harness';
import type { Config } from './config';

// Redis runs on every development machine and in CI: when it cannot be reached this file fails
// (beforeAll), it does not skip.
const REDIS_URL = 'redis://127.0.0.1:6379';
const LIMIT = 4;

let redis: Redis;
let t: TestApp;
const others: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  await redis.connect();
  expect(await redis.ping()).toBe('PONG');
  t = await startTestApp();
});
afterAll(async () => {
  for (const o of others) await o.close();
  await t?.close();
  redis?.disconnect();
});

/** One more instance on the test database, with its own data directory and these settings. */
async function instance(overrides: Partial<Config>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ce-instance-'));
  const { app, readinessChecks } = await buildApp({
    database: t.database,
    config: { ...t.config, dataDir, authRateLimit: LIMIT, ...overrides },
    logger: false,
  });
  await app.ready();
  others.push({
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
  return { ...t, app, readinessChecks };
}

/** A login attempt (empty body: a 400 that still counts) from one address. */
async function attempt(inst: TestApp, ip: string) {
  return (await new Client(inst, ip).post('/api/auth/login', {})).status;
}

async function freshPrefix() {
  const prefix = `ce-test-${randomBytes(6).toString('hex')}:`;
  return {
    prefix,
    async keys() {
      return redis.keys(`${prefix}*`);
    },
    async clear() {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
    },
  };
}

describe('rate limits shared through Redis (REDIS_URL)', () => {
  it('requests spread over two instances reach the limit together', async () => {
    const ns = await freshPrefix();
    try {
      const a = await instance({ redisUrl: REDIS_URL, redisPrefix: ns.prefix });
      const b = await instance({ redisUrl: REDIS_URL, redisPrefix: ns.prefix });
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 2; i += 1) statuses.push(await attempt(i % 2 === 0 ? a : b, '203.0.113.7'));
      expect(statuses.slice(0, LIMIT).every((s) => s !== 429)).toBe(true);
      expect(statuses.slice(LIMIT)).toEqual([429, 429]);
      const limited = await new Client(b, '203.0.113.7').post('/api/auth/login', {});
      expect(limited.error).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
      // another address still gets through, on either instance
      expect(await attempt(a, '203.0.113.8')).not.toBe(429);
      // the counts live in Redis under this deployment's prefix
      expect((await ns.keys()).some((k) => k.startsWith(`${ns.prefix}rate-limit:`))).toBe(true);
      for (const inst of [a, b]) {
        const redisCheck = inst.readinessChecks.find((c) => c.name === 'redis');
        await expect(redisCheck?.check()).resolves.toBeUndefined();
      }
    } finally {
      await ns.clear();
    }
  });

  it('two deployments on one Redis (different REDIS_PREFIX) count apart', async () => {
    const one = await freshPrefix();
    const two = await freshPrefix();
    try {
      const a = await instance({ redisUrl: REDIS_URL, redisPrefix: one.prefix });
      const b = await instance({ redisUrl: REDIS_URL, redisPrefix: two.prefix });
      for (let i = 0; i < LIMIT; i += 1) expect(await attempt(a, '203.0.113.9')).not.toBe(429);
      expect(await attempt(a, '203.0.113.9')).toBe(429);
      expect(await attempt(b, '203.0.113.9')).not.toBe(429);
    } finally {
      await one.clear();
      await two.clear();
    }
  });

  it('the certificate check is counted apart from logins, at its own number', async () => {
    const ns = await freshPrefix();
    try {
      const a = await instance({
        redisUrl: REDIS_URL,
        redisPrefix: ns.prefix,
        certificateVerifyRateLimit: 10,
      });
      const b = await instance({
        redisUrl: REDIS_URL,
        redisPrefix: ns.prefix,
        certificateVerifyRateLimit: 10,
      });
      const ip = '203.0.113.11';
      const scan = async (i: number) =>
        (await new Client(i % 2 === 0 ? a : b, ip).get('/api/public/certificates/GD2025000001')).status;
      const scans: number[] = [];
      for (let i = 0; i < 11; i += 1) scans.push(await scan(i));
      // past the login's LIMIT, over both instances; refused past its own
      expect(scans).toEqual([...Array(10).fill(404), 429]);
      // the login allowance of that address is untouched
      for (let i = 0; i < LIMIT; i += 1) expect(await attempt(i % 2 === 0 ? a : b, ip)).not.toBe(429);
      expect(await attempt(a, ip)).toBe(429);
    } finally {
      await ns.clear();
    }
  });

  it('with Redis unreachable logins still work (not counted) and the readiness check says Redis is down', async () => {
    // port 1 on loopback: nothing listens there, the connection is refused at once
    const down = await instance({ redisUrl: 'redis://127.0.0.1:1', redisPrefix: 'ce-test-down:' });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i += 1) statuses.push(await attempt(down, '203.0.113.10'));
    expect(statuses.includes(429)).toBe(false);
    const p = await makePerson(t);
    await expect(loggedIn(down, p)).resolves.toBeInstanceOf(Client);
    const redisCheck = down.readinessChecks.find((c) => c.name === 'redis');
    await expect(redisCheck?.check()).rejects.toThrow();
  });
});
