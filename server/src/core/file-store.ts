import { mkdirSync } from 'node:fs';
import { access, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where the bytes of uploads live, by key (the `files` row id). Every instance of the app must see
 * the same store: the local directory suits one instance (the embedded default); several instances
 * share an S3-compatible object store (MinIO, OSS, COS). See README「部署」.
 */
export interface FileStore {
  readonly kind: 'local' | 's3';
  put(key: string, bytes: Buffer): Promise<void>;
  /** null when there is no such key */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** every key in the store (backup) */
  list(): AsyncIterable<string>;
  /** readiness: throws when the store cannot be reached */
  check(): Promise<void>;
  /** releases connections (app close) */
  close?(): void;
}

/** Files under a directory, two-character fan-out (`ab/abcdef…`), written atomically. */
export class LocalFileStore implements FileStore {
  readonly kind = 'local' as const;
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private path(key: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(key)) throw new Error(`invalid file key ${key}`);
    return join(this.dir, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.path(key);
    mkdirSync(join(target, '..'), { recursive: true });
    await writeFile(`${target}.part`, bytes);
    await rename(`${target}.part`, target);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async *list(): AsyncIterable<string> {
    for (const fan of await readdir(this.dir, { withFileTypes: true })) {
      if (!fan.isDirectory()) continue;
      for (const f of await readdir(join(this.dir, fan.name))) {
        if (!f.endsWith('.part')) yield f;
      }
    }
  }

  async check(): Promise<void> {
    await access(this.dir);
  }
}
