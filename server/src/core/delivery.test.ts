import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness';

/**
 * Delivery of the web app and the API: gzip/brotli as the browser asks (not for PDFs or workbooks),
 * Vite's hashed assets cached for a year, index.html and client-side routes revalidated every time.
 */

const web = mkdtempSync(join(tmpdir(), 'ce-web-'));
const script = `export const pages = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `页面${i}`))};\n`;
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4096, 32), Buffer.from('\n%%EOF\n')]);
const workbook = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4096, 65)]);
writeFileSync(join(web, 'index.html'), `<!doctype html><div id="root"></div>${' '.repeat(2000)}`);
mkdirSync(join(web, 'assets'));
writeFileSync(join(web, 'assets', 'index-AbC123.js'), script);
writeFileSync(join(web, 'sample.pdf'), pdf);
writeFileSync(join(web, 'sample.xlsx'), workbook);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ webDist: web });
});
afterAll(async () => {
  await t.close();
  rmSync(web, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('compression', () => {
  it('gzips a large script when the browser accepts gzip, and the script is intact', async () => {
    const r = await get('/assets/index-AbC123.js', 'gzip');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers['content-type']).toContain('javascript');
    expect(gunzipSync(r.rawPayload).toString()).toBe(script);
  });

  it('sends brotli when the browser prefers it', async () => {
    const r = await get('/assets/index-AbC123.js', 'br, gzip');
    expect(r.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(r.rawPayload).toString()).toBe(script);
  });

  it('gzips a large JSON answer of the API', async () => {
    const r = await get('/api/docs/json', 'gzip, deflate');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    const doc = JSON.parse(gunzipSync(r.rawPayload).toString());
    expect(doc.info.title).toBe('专业技术人员继续教育管理系统 API');
  });

  it('sends everything as it is when the browser asks for no encoding', async () => {
    for (const url of ['/assets/index-AbC123.js', '/api/docs/json', '/']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-encoding'], url).toBeUndefined();
    }
    expect((await get('/assets/index-AbC123.js')).body).toBe(script);
  });

  it('leaves PDFs and workbooks uncompressed and byte-for-byte downloadable', async () => {
    const p = await get('/sample.pdf', 'gzip, br');
    expect(p.headers['content-encoding']).toBeUndefined();
    expect(p.headers['content-type']).toContain('application/pdf');
    expect(p.rawPayload.equals(pdf)).toBe(true);
    const x = await get('/sample.xlsx', 'gzip, br');
    expect(x.headers['content-encoding']).toBeUndefined();
    expect(x.rawPayload.equals(workbook)).toBe(true);
  });

  it('does not compress small answers (under 1 KB)', async () => {
    const r = await get('/healthz', 'gzip');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
  });
});

describe('caching', () => {
  it('marks hashed assets immutable for a year', async () => {
    const r = await get('/assets/index-AbC123.js', 'gzip');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has index.html and client-side routes revalidated (no-cache), with the security headers kept', async () => {
    for (const url of ['/', '/index.html', '/person/records', '/employer/records-declare?x=1']) {
      const r = await get(url, 'gzip');
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type'], url).toContain('text/html');
      expect(r.headers['cache-control'], url).toBe('no-cache');
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(gunzipSync(r.rawPayload).toString(), url).toContain('<div id="root">');
    }
  });

  it('answers 404 for an asset a newer build replaced, instead of the page', async () => {
    const r = await get('/assets/index-Old999.js');
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).not.toContain('text/html');
    const api = await get('/api/no-such-route');
    expect(api.statusCode).toBe(404);
    expect(api.json().message).toBe('接口不存在：/api/no-such-route');
  });
});
