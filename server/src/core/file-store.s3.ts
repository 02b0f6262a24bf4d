import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { AppError } from './errors';
import type { FileStore } from './file-store';

export interface S3StoreConfig {
  /** https://oss-cn-guangzhou.aliyuncs.com, http://127.0.0.1:9000 (MinIO) …; null = AWS itself */
  endpoint: string | null;
  bucket: string;
  region: string;
  /** null = the SDK's default credential chain (environment, instance role) */
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** bucket in the path (`host/bucket/key`) instead of the host name; MinIO and s3rver need it */
  forcePathStyle: boolean;
  /** keys are stored as `<prefix><file id>`; '' or ending in '/' */
  prefix: string;
  /** a request to the store fails after this long instead of holding the user's request */
  timeoutMs: number;
  /** keys per ListObjectsV2 page (default and most stores' maximum: 1000) */
  listPageSize?: number;
}

/** The message a user sees whenever the object store cannot answer (HTTP 503). */
export function storageUnavailable(cause: unknown): AppError {
  const err = new AppError('STORAGE_UNAVAILABLE', '文件存储暂时不可用，请稍后再试');
  err.cause = cause;
  return err;
}

function isMissing(err: unknown): boolean {
  return (
    err instanceof S3ServiceException &&
    (err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata.httpStatusCode === 404)
  );
}

/**
 * Uploads in an S3-compatible object store (AWS S3, MinIO, Aliyun OSS, Tencent COS), so that every
 * instance of the app reads what any other wrote. Any failure of the store itself becomes a 503
 * STORAGE_UNAVAILABLE (the SDK error kept as `cause` for the log); a key that is not there is null.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly cfg: S3StoreConfig) {
    this.prefix = cfg.prefix && !cfg.prefix.endsWith('/') ? `${cfg.prefix}/` : cfg.prefix;
    this.client = new S3Client({
      region: cfg.region,
      ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
      forcePathStyle: cfg.forcePathStyle,
      ...(cfg.accessKeyId && cfg.secretAccessKey
        ? { credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey } }
        : {}),
      // a dead store (no connection), a hung one (silent socket) and a crawling one (whole request)
      // each fail the request instead of holding it; requestTimeout only warns unless told to throw
      requestHandler: {
        connectionTimeout: Math.min(cfg.timeoutMs, 3000),
        socketTimeout: cfg.timeoutMs,
        requestTimeout: cfg.timeoutMs * 3,
        throwOnRequestTimeout: true,
      },
      maxAttempts: 2,
      // many S3-compatible stores reject the SDK's newer default checksum headers; files.ts verifies
      // a SHA-256 of its own on every read
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(key: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(key)) throw new Error(`invalid file key ${key}`);
    return this.prefix + key;
  }

  /** Runs one call against the store; every failure is the store being unavailable. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw storageUnavailable(err);
    }
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const Key = this.key(key);
    await this.call(() =>
      this.client.send(
        new PutObjectCommand({ Bucket: this.cfg.bucket, Key, Body: bytes, ContentLength: bytes.length }),
      ),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    const Key = this.key(key);
    return this.call(async () => {
      try {
        const res = await this.client.send(new GetObjectCommand({ Bucket: this.cfg.bucket, Key }));
        if (!res.Body) return Buffer.alloc(0);
        return Buffer.from(await res.Body.transformToByteArray());
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    });
  }

  async delete(key: string): Promise<void> {
    const Key = this.key(key);
    await this.call(() => this.client.send(new DeleteObjectCommand({ Bucket: this.cfg.bucket, Key })));
  }

  async *list(): AsyncIterable<string> {
    let token: string | undefined;
    // bounded by the store: each page is at most 1000 keys and the last one has no token
    do {
      const page = await this.call(() =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.cfg.bucket,
            Prefix: this.prefix || undefined,
            ContinuationToken: token,
            MaxKeys: this.cfg.listPageSize,
          }),
        ),
      );
      for (const obj of page.Contents ?? []) {
        const key = obj.Key?.slice(this.prefix.length) ?? '';
        // objects of others sharing the bucket (a deeper path) are not ours
        if (key && !key.includes('/')) yield key;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async check(): Promise<void> {
    await this.call(() => this.client.send(new HeadBucketCommand({ Bucket: this.cfg.bucket })));
  }

  /** Closes the SDK's keep-alive connections (app close). */
  close(): void {
    this.client.destroy();
  }
}
