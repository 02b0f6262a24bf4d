import { join } from 'node:path';
import { type FileStore, LocalFileStore } from './file-store';
import { S3FileStore, type S3StoreConfig } from './file-store.s3';

/** Where uploads go: the data directory (one instance) or an S3-compatible store (any number). */
export type FileStoreConfig = { kind: 'local' } | ({ kind: 's3' } & S3StoreConfig);

function env(name: string): string | null {
  const v = process.env[name];
  return v === undefined || v === '' ? null : v;
}

function bool(name: string, fallback: boolean): boolean {
  const v = env(name);
  if (v === null) return fallback;
  if (v !== 'true' && v !== 'false') throw new Error(`环境变量 ${name} 应为 true 或 false，当前为 ${v}`);
  return v === 'true';
}

/**
 * FILE_STORE=local|s3 (s3 when S3_BUCKET is set), S3_ENDPOINT, S3_BUCKET, S3_REGION (us-east-1),
 * S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE (true when S3_ENDPOINT is set),
 * S3_PREFIX, S3_TIMEOUT_MS (10000).
 */
export function fileStoreConfigFromEnv(): FileStoreConfig {
  const bucket = env('S3_BUCKET');
  const kind = env('FILE_STORE') ?? (bucket ? 's3' : 'local');
  if (kind === 'local') return { kind: 'local' };
  if (kind !== 's3') throw new Error(`环境变量 FILE_STORE 应为 local 或 s3，当前为 ${kind}`);
  if (!bucket) throw new Error('环境变量 S3_BUCKET 未设置（FILE_STORE=s3 时必填）');
  const endpoint = env('S3_ENDPOINT');
  const timeout = Number(env('S3_TIMEOUT_MS') ?? 10_000);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new Error(`环境变量 S3_TIMEOUT_MS 应为正数，当前为 ${env('S3_TIMEOUT_MS')}`);
  return {
    kind: 's3',
    endpoint,
    bucket,
    region: env('S3_REGION') ?? 'us-east-1',
    accessKeyId: env('S3_ACCESS_KEY_ID'),
    secretAccessKey: env('S3_SECRET_ACCESS_KEY'),
    forcePathStyle: bool('S3_FORCE_PATH_STYLE', endpoint !== null),
    prefix: env('S3_PREFIX') ?? '',
    timeoutMs: timeout,
  };
}

/** The store the configuration names; the local one lives in `<dataDir>/files`. */
export function openFileStore(config: { dataDir: string; fileStore: FileStoreConfig }): FileStore {
  const fs = config.fileStore;
  if (fs.kind === 's3') {
    const { kind: _kind, ...s3 } = fs;
    return new S3FileStore(s3);
  }
  return new LocalFileStore(join(config.dataDir, 'files'));
}
