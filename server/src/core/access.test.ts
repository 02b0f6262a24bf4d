import { randomUUID } from 'node:crypto';
import { FIELD_LABELS, type Permission, permissionsFor } from '@ce/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActors, type TestActor } from '../test/actors';
import { Client } from '../test/client';
import { startTestApp, type TestApp } from '../test/harness';

/**
 * The authorization matrix: every /api route registered in the app, taken from the app itself.
 * Without a session each non-public route answers 401; with a session lacking its permission, 403.
 * A new route joins automatically; a new public route must be added to PUBLIC below on purpose.
 */
const PUBLIC = new Set([
  'GET /api/auth/captcha',
  'GET /api/auth/session',
  'POST /api/auth/login',
  'POST /api/auth/password-reset/sms',
  'POST /api/auth/password-reset',
  'POST /api/register/person',
  'POST /api/register/unit/agent-check',
  'POST /api/register/unit/sms',
  'POST /api/register/unit',
  'GET /api/regions',
  'GET /api/public/certificates/:number',
]);

/** Permissions every kind of actor holds: person, unit account, and agent of a role-less unit. */
const UNIVERSAL = new Set(
  permissionsFor('person').filter(
    (p) => permissionsFor('unit').includes(p) && permissionsFor('agent', []).includes(p),
  ),
);

let t: TestApp;
let actors: TestActor[];

beforeAll(async () => {
  t = await startTestApp();
  actors = await makeActors(t);
});
afterAll(() => t.close());

/** Every route, those that can end the session (/api/auth/…: logout, switch, password) last. */
const probeOrder = () =>
  [...t.app.apiRoutes].sort(
    (a, b) => Number(a.url.startsWith('/api/auth/')) - Number(b.url.startsWith('/api/auth/')),
  );

const fill = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID());

describe('authorization matrix', () => {
  it('covers a real set of routes, and every public route is declared here on purpose', () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(25);
    const declaredPublic = t.app.apiRoutes
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(declaredPublic)).toEqual(PUBLIC);
  });

  it('answers 401 without a session on every non-public route', async () => {
    const failures: string[] = [];
    for (const r of t.app.apiRoutes.filter((x) => x.access !== 'public')) {
      const res = await new Client(t).request(
        r.method as 'GET',
        fill(r.url),
        r.method === 'GET' ? undefined : {},
      );
      if (res.status !== 401) failures.push(`${r.method} ${r.url} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to a session without the permission, on every permission route', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of probeOrder()) {
      if (r.access === 'public' || r.access === 'authenticated') continue;
      const lacking = actors.filter((a) => !a.permissions.has(r.access as Permission));
      if (lacking.length === 0) {
        // only a permission every kind of account holds (its own account centre) may be held by all
        expect(UNIVERSAL.has(r.access), `${r.url}: some actor must lack ${r.access}`).toBe(true);
        continue;
      }
      for (const a of lacking) {
        const res = await a.client.request(
          r.method as 'GET',
          fill(r.url),
          r.method === 'GET' ? undefined : {},
        );
        checked += 1;
        if (res.status !== 403) failures.push(`${a.name}: ${r.method} ${r.url} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('never answers 500 to bad input, on any route, from any actor', async () => {
    const garbage: unknown[] = [{}, { id: 1, page: 'x', loginName: 123, idNumber: null }, 'not json', []];
    const failures: string[] = [];
    for (const r of probeOrder()) {
      for (const a of [...actors, { name: '匿名', client: new Client(t) }]) {
        for (const body of r.method === 'GET' ? [undefined] : garbage) {
          const url = `${r.url.replace(/:[A-Za-z]+/g, 'not-a-uuid')}${r.method === 'GET' ? '?page=-1&pageSize=abc&parent=x&status=zz' : ''}`;
          const res = await a.client.request(r.method as 'GET', url, body);
          if (res.status >= 500)
            failures.push(`${a.name}: ${r.method} ${r.url} → ${res.status} ${JSON.stringify(res.body)}`);
          if (res.status >= 400 && typeof res.error?.message !== 'string')
            failures.push(`${r.method} ${r.url}: no message`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('refuses a NUL byte in any parameter, query or body field with a 400 naming the field', async () => {
    const nul = 'a\u0000b';
    const body = Object.fromEntries(Object.keys(FIELD_LABELS).map((key) => [key, nul]));
    // one query field at a time: most list queries refuse keys they do not know
    const queries = ['name', 'idNumber', 'courseName', 'keyword', 'loginName', 'unitName'].map(
      (k) => `?${k}=a%00b`,
    );
    const failures: string[] = [];
    for (const r of probeOrder()) {
      for (const a of [...actors, { name: '匿名', client: new Client(t) }]) {
        const path = r.url.replace(/:[A-Za-z]+/g, 'a%00b');
        const tries =
          r.method === 'GET'
            ? [path, ...queries.map((q) => `${r.url.replace(/:[A-Za-z]+/g, randomUUID())}${q}`)]
            : [path];
        for (const url of tries) {
          const res = await a.client.request(r.method as 'GET', url, r.method === 'GET' ? undefined : body);
          if (res.status >= 500)
            failures.push(`${a.name}: ${r.method} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    const probe = await new Client(t).request('GET', '/api/public/certificates/a%00b');
    expect(probe.status).toBe(400);
    expect(probe.error?.message).toContain('不能包含不可见的控制字符');
  }, 180_000);
});
