import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness';

/** Security headers (helmet's, worked out once): the web app's CSP, no framing, nosniff, HSTS over https only. */

const web = mkdtempSync(join(tmpdir(), 'ce-web-'));
writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(web, 'sample.pdf'), '%PDF-1.4\n%%EOF\n');

let http: TestApp;
let https: TestApp;
beforeAll(async () => {
  http = await startTestApp({ webDist: web });
  https = await startTestApp({ webDist: web, secureCookies: true });
});
afterAll(async () => {
  await http.close();
  await https.close();
  rmSync(web, { recursive: true, force: true });
});

const get = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url });

describe('security headers', () => {
  it('sends a PDF without the CSP (Chrome views it in an embedding page), keeping nosniff and no framing', async () => {
    const r = await get(http, '/sample.pdf');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/pdf');
    expect(r.headers['content-security-policy']).toBeUndefined();
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it('serves the web app with its CSP, no framing, nosniff and same-origin referrers', async () => {
    for (const url of ['/', '/person/records', '/api/auth/me', '/api/no-such-route']) {
      const r = await get(http, url);
      expect(r.headers['content-security-policy'], url).toBe(
        "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;" +
          "font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';" +
          "frame-ancestors 'none'",
      );
      expect(r.headers['x-frame-options'], url).toBe('DENY');
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['referrer-policy'], url).toBe('same-origin');
      expect(r.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('sends HSTS only when cookies are secure (https)', async () => {
    const r = await get(https, '/');
    expect(r.headers['strict-transport-security']).toBe('max-age=15552000');
  });

  it('keeps Swagger UI working under its own CSP, without framing or https upgrades', async () => {
    const page = await get(http, '/api/docs');
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self' *;/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).toContain("style-src 'self' 'unsafe-inline';");
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const asset = await get(http, new URL(src, 'http://x/api/docs').pathname);
      expect(asset.statusCode, src).toBe(200);
    }
    expect((await get(http, '/api/docs/json')).statusCode).toBe(200);
  });
});
