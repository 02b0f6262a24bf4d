import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, makeActors, type TestActor } from '../test/actors';
import { Client } from '../test/client';
import { badRequests, deepJson, type Operation, operationsOf } from '../test/fuzz-inputs';
import { startTestApp, type TestApp } from '../test/harness';

/**
 * The fuzz harness that found the 500s, kept as a test: every operation of the OpenAPI document
 * the app serves, as every kind of actor, with generated bad input (path parameters, query
 * strings, JSON bodies of the wrong shape or thousands of levels deep, multipart garbage). No
 * answer may be a 5xx. Seeded, so a failure is reproduced by running the file again.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_101);
/**
 * Runs per operation for an actor the route lets in, and for one it turns away at the door.
 * FUZZ_RUNS=50 FUZZ_SEED=<n> explore further (minutes); the default keeps the file well under a minute.
 */
const RUNS_ADMITTED = Number(process.env.FUZZ_RUNS ?? 6);
const RUNS_REFUSED = 1;

/** Routes that end or replace the actor's session run last, logout the very last. */
const SESSION_ENDING = [
  '/api/auth/password',
  '/api/auth/switch-unit',
  '/api/auth/switch-person',
  '/api/auth/logout',
];
const rank = (op: Operation) =>
  SESSION_ENDING.includes(op.path)
    ? 2 + SESSION_ENDING.indexOf(op.path)
    : op.path.startsWith('/api/auth/')
      ? 1
      : 0;

let t: TestApp;
let actors: TestActor[];
let ops: Operation[];
beforeAll(async () => {
  t = await startTestApp();
  actors = [...(await makeActors(t)), anonymous(t)];
  ops = operationsOf(t.app.swagger()).sort((a, b) => rank(a) - rank(b));
});
afterAll(() => t.close());

/** Whether the route's access declaration lets the actor past the door (to the handler). */
function mayReach(actor: TestActor, op: Operation): boolean {
  const url = op.path.replace(/\{(\w+)\}/g, ':$1');
  const route = t.app.apiRoutes.find((r) => r.method === op.method && r.url === url);
  if (!route || route.access === 'public') return true;
  if (!actor.client.cookies.has('ce_session')) return false;
  return route.access === 'authenticated' || actor.permissions.has(route.access);
}

describe('深层嵌套的JSON', () => {
  it('answers 400 to a body nested 5,000 levels deep on 登录, as arrays and as objects', async () => {
    for (const asObject of [false, true]) {
      const r = await new Client(t).request('POST', '/api/auth/login', undefined, {
        payload: Buffer.from(deepJson(5000, asObject)),
        headers: { 'content-type': 'application/json' },
      });
      expect(r.status).toBe(400);
      expect(r.error.message).toBe('请求内容嵌套层级过深（最多64层）');
    }
  });

  it('counts only brackets outside strings, and refuses broken JSON and prototype keys with 400', async () => {
    const send = (text: string) =>
      new Client(t).request('POST', '/api/auth/login', undefined, {
        payload: Buffer.from(text),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
    const inString = await send(JSON.stringify({ loginName: '['.repeat(5000), password: '"\\{' }));
    expect(inString.status).toBe(400);
    expect(inString.error.code).toBe('VALIDATION');
    expect(inString.error.message).not.toContain('嵌套');
    expect((await send(deepJson(64))).error.message).not.toContain('嵌套');
    expect((await send(deepJson(65))).error.message).toContain('嵌套层级过深');
    expect((await send('{"loginName":')).error.message).toBe('请求内容不是有效的JSON');
    expect((await send('')).error.message).toBe('请求内容不是有效的JSON');
    const proto = await send('{"__proto__":{"isAdmin":true}}');
    expect(proto.status).toBe(400);
    expect(proto.error.message).toContain('不允许的字段');
    expect((await send('{"a":{"constructor":{"prototype":{}}}}')).status).toBe(400);
  });
});

describe('fuzz: every route, every actor, bad input', () => {
  it(
    'never answers 5xx',
    async () => {
      expect(ops.length).toBeGreaterThan(50);
      const failures: string[] = [];
      let sent = 0;
      for (const [i, op] of ops.entries()) {
        for (const [j, actor] of actors.entries()) {
          const numRuns = mayReach(actor, op) ? RUNS_ADMITTED : RUNS_REFUSED;
          await fc.assert(
            fc.asyncProperty(badRequests(op), async (req) => {
              const res = await actor.client.request(op.method, req.url, undefined, {
                ...(req.body
                  ? { payload: req.body.payload, headers: { 'content-type': req.body.contentType } }
                  : {}),
              });
              sent += 1;
              if (res.status >= 500) {
                failures.push(`${actor.name}: ${op.method} ${op.path} → ${res.status} ${req.shown}`);
              }
            }),
            { seed: SEED + i * 31 + j, numRuns },
          );
        }
      }
      expect(failures.slice(0, 20)).toEqual([]);
      expect(sent).toBeGreaterThan(ops.length * actors.length * RUNS_REFUSED);
    },
    60_000 + RUNS_ADMITTED * 10_000,
  );
});
