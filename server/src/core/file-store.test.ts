import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3 } from '../test/s3';
import { AppError } from './errors';
import { type FileStore, LocalFileStore } from './file-store';
import { openFileStore } from './file-store.open';
import { S3FileStore } from './file-store.s3';

const key = () => randomBytes(16).toString('hex');

async function all(store: FileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const k of store.list()) keys.push(k);
  return keys.sort();
}

interface Subject {
  /** a fresh, empty store */
  make(): Promise<FileStore>;
  /** makes the stores made so far unreachable */
  down(): Promise<void>;
  close(): Promise<void>;
}

async function localSubject(): Promise<Subject> {
  const dir = mkdtempSync(join(tmpdir(), 'ce-files-'));
  let n = 0;
  return {
    async make() {
      n += 1;
      return new LocalFileStore(join(dir, String(n)));
    },
    async down() {
      rmSync(dir, { recursive: true, force: true });
    },
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function s3Subject(): Promise<Subject> {
  const s3 = await startS3();
  const stores: FileStore[] = [];
  return {
    async make() {
      // every store its own prefix in the one bucket, so each starts empty
      const store = openFileStore({
        dataDir: '/nonexistent',
        fileStore: s3.config({ prefix: key(), timeoutMs: 1000 }),
      });
      stores.push(store);
      return store;
    },
    down: () => s3.stop(),
    async close() {
      for (const s of stores) s.close?.();
      await s3.close();
    },
  };
}

describe.each([
  ['local directory', localSubject],
  ['S3 (s3rver)', s3Subject],
])('FileStore: %s', (_name, start) => {
  let subject: Subject;
  beforeAll(async () => {
    subject = await start();
  });
  afterAll(() => subject.close());

  it('gives back the very bytes put, and null for a key never put', async () => {
    const store = await subject.make();
    const k = key();
    const bytes = Buffer.concat([Buffer.from([0, 255, 0, 10, 13]), randomBytes(200_000)]);
    await store.put(k, bytes);
    expect((await store.get(k))?.equals(bytes)).toBe(true);
    expect(await store.get(key())).toBeNull();
  });

  it('overwrites a key, and forgets it on delete (deleting twice is fine)', async () => {
    const store = await subject.make();
    const k = key();
    await store.put(k, Buffer.from('first'));
    await store.put(k, Buffer.from('second'));
    expect((await store.get(k))?.toString()).toBe('second');
    await store.delete(k);
    expect(await store.get(k)).toBeNull();
    await store.delete(k);
    expect(await all(store)).toEqual([]);
  });

  it('lists every key and nothing else', async () => {
    const store = await subject.make();
    const other = await subject.make();
    const keys = Array.from({ length: 5 }, key);
    for (const k of keys) await store.put(k, Buffer.from(k));
    await other.put(key(), Buffer.from('not mine'));
    expect(await all(store)).toEqual([...keys].sort());
  });

  it('refuses a key that could leave its place', async () => {
    const store = await subject.make();
    await expect(store.put('../escape', Buffer.from('x'))).rejects.toThrow(/invalid file key/);
    await expect(store.get('a/b')).rejects.toThrow(/invalid file key/);
  });

  it('check() passes while the store is there and throws once it is gone', async () => {
    const store = await subject.make();
    await store.put(key(), Buffer.from('x'));
    await expect(store.check()).resolves.toBeUndefined();
    await subject.down();
    await expect(store.check()).rejects.toThrow();
  });
});

describe('S3FileStore against a store that is down or wrong', () => {
  it('pages through a listing longer than one page', async () => {
    const s3 = await startS3();
    const store = new S3FileStore({ ...s3.config({ prefix: 'paged/' }), listPageSize: 2 });
    try {
      const keys = Array.from({ length: 5 }, key);
      for (const k of keys) await store.put(k, Buffer.from(k));
      expect(await all(store)).toEqual([...keys].sort());
    } finally {
      store.close();
      await s3.close();
    }
  });

  it('answers STORAGE_UNAVAILABLE (503) for every operation once the server is stopped', async () => {
    const s3 = await startS3();
    const store = new S3FileStore(s3.config());
    try {
      await s3.stop();
      for (const op of [
        () => store.put(key(), Buffer.from('x')),
        () => store.get(key()),
        () => store.delete(key()),
        () => all(store),
        () => store.check(),
      ]) {
        const err = await op().then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(AppError);
        expect(err).toMatchObject({
          code: 'STORAGE_UNAVAILABLE',
          status: 503,
          message: '文件存储暂时不可用，请稍后再试',
        });
      }
    } finally {
      store.close();
      await s3.close();
    }
  });

  it('gives up on a store that accepts the connection and never answers', async () => {
    const sockets = new Set<Socket>();
    const hung = createServer((s) => sockets.add(s));
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r));
    const { port } = hung.address() as { port: number };
    const store = new S3FileStore({
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'b',
      region: 'us-east-1',
      accessKeyId: 'x',
      secretAccessKey: 'y',
      forcePathStyle: true,
      prefix: '',
      timeoutMs: 300,
    });
    try {
      const started = Date.now();
      await expect(store.put(key(), Buffer.from('x'))).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
      // two attempts of 300 ms and a back-off, far from a hang
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      store.close();
      for (const s of sockets) s.destroy();
      await new Promise((r) => hung.close(r));
    }
  }, 10_000);

  it('check() fails for a bucket that does not exist', async () => {
    const s3 = await startS3();
    const store = new S3FileStore({ ...s3.config(), bucket: 'no-such-bucket' });
    try {
      await expect(store.check()).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    } finally {
      store.close();
      await s3.close();
    }
  });
});
