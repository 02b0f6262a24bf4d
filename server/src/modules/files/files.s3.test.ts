import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { S3FileStore } from '../../core/file-store.s3';
import { files } from '../../db/schema';
import { Client } from '../../test/client';
import { loggedIn, makePerson } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { startS3 } from '../../test/s3';
import { pngBytes, upload } from '../../test/uploads';

// Uploads through the app with FILE_STORE=s3 on a real S3 server (s3rver in its own process).
let s3: Awaited<ReturnType<typeof startS3>>;
let t: TestApp;
/** reads the bucket directly, as an operator would with an S3 client */
let bucket: S3FileStore;
beforeAll(async () => {
  s3 = await startS3();
  t = await startTestApp({ fileStore: s3.config({ prefix: 'uploads/', timeoutMs: 1000 }) });
  bucket = new S3FileStore(s3.config({ prefix: 'uploads/' }));
});
afterAll(async () => {
  bucket?.close();
  await t?.close();
  await s3?.close();
});

/** a PNG of about 300 KB: the magic bytes, then noise */
const bigPng = () => Buffer.concat([pngBytes(), randomBytes(300_000)]);

async function filesOf(ownerId: string) {
  return t.db.select().from(files).where(eq(files.ownerId, ownerId));
}

describe('附件 in an S3-compatible object store', () => {
  it('an upload lands in the bucket, not the data directory, and downloads byte for byte', async () => {
    const p = await makePerson(t, { level: 1 });
    const c = await loggedIn(t, p);
    const bytes = bigPng();
    const up = await upload(c, 'realname', { name: '身份证正面.png', bytes, type: 'image/png' });
    expect(up.status).toBe(200);

    const down = await c.download(`/api/files/${up.body.id}`);
    expect(down.status).toBe(200);
    expect(down.type).toBe('image/png');
    expect(Buffer.compare(down.bytes, bytes)).toBe(0);

    expect((await bucket.get(up.body.id))?.equals(bytes)).toBe(true);
    expect(existsSync(join(t.config.dataDir, 'files'))).toBe(false);
  });

  it('another instance with its own data directory serves the same file', async () => {
    const p = await makePerson(t, { level: 1 });
    const c = await loggedIn(t, p);
    const bytes = bigPng();
    const up = await upload(c, 'realname', { name: 'back.png', bytes });
    expect(up.status).toBe(200);

    const dataDir = mkdtempSync(join(tmpdir(), 'ce-other-'));
    const other = await buildApp({ database: t.database, config: { ...t.config, dataDir }, logger: false });
    try {
      const c2 = new Client({ ...t, app: other.app });
      c2.cookies = new Map(c.cookies);
      const down = await c2.download(`/api/files/${up.body.id}`);
      expect(down.status).toBe(200);
      expect(Buffer.compare(down.bytes, bytes)).toBe(0);
    } finally {
      await other.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a file whose object has gone from the bucket answers a clear 404, not a 500', async () => {
    const p = await makePerson(t, { level: 1 });
    const c = await loggedIn(t, p);
    const up = await upload(c, 'realname', { name: 'a.png', bytes: pngBytes() });
    await bucket.delete(up.body.id);
    const r = await c.get(`/api/files/${up.body.id}`);
    expect(r.status).toBe(404);
    expect(r.error).toMatchObject({
      code: 'NOT_FOUND',
      message: '附件文件已丢失（文件存储中不存在），请联系管理员',
    });
  });

  it('with the store down: uploads and downloads answer 503 文件存储暂时不可用, no files row is written, readiness fails', async () => {
    const p = await makePerson(t, { level: 1 });
    const c = await loggedIn(t, p);
    const kept = await upload(c, 'realname', { name: 'kept.png', bytes: pngBytes() });
    expect(kept.status).toBe(200);
    const check = t.readinessChecks.find((x) => x.name === 'files');
    await expect(check?.check()).resolves.toBeUndefined();

    await s3.stop();
    const started = Date.now();
    const up = await upload(c, 'realname', { name: 'lost.png', bytes: pngBytes() });
    expect(up.status).toBe(503);
    expect(up.error).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      message: '文件存储暂时不可用，请稍后再试',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await filesOf(p.id)).map((f) => f.name)).toEqual(['kept.png']);

    const down = await c.get(`/api/files/${kept.body.id}`);
    expect(down.status).toBe(503);
    expect(down.error.code).toBe('STORAGE_UNAVAILABLE');
    await expect(check?.check()).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });
});
