import { afterEach, describe, expect, it } from 'vitest';
import { fileStoreConfigFromEnv } from './file-store.open';

const VARS = [
  'FILE_STORE',
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'S3_PREFIX',
  'S3_TIMEOUT_MS',
];
const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
afterEach(() => {
  for (const v of VARS) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
});
function env(values: Record<string, string>) {
  for (const v of VARS) delete process.env[v];
  Object.assign(process.env, values);
}

describe('FILE_STORE and S3_* settings', () => {
  it('the data directory unless a bucket is named', () => {
    env({});
    expect(fileStoreConfigFromEnv()).toEqual({ kind: 'local' });
    env({ S3_BUCKET: 'ce' });
    expect(fileStoreConfigFromEnv()).toMatchObject({ kind: 's3', bucket: 'ce', region: 'us-east-1' });
    env({ S3_BUCKET: 'ce', FILE_STORE: 'local' });
    expect(fileStoreConfigFromEnv()).toEqual({ kind: 'local' });
  });

  it('path-style addressing by default only with an endpoint of its own; S3_FORCE_PATH_STYLE decides', () => {
    env({ S3_BUCKET: 'ce' });
    expect(fileStoreConfigFromEnv()).toMatchObject({ endpoint: null, forcePathStyle: false });
    env({ S3_BUCKET: 'ce', S3_ENDPOINT: 'http://minio:9000' });
    expect(fileStoreConfigFromEnv()).toMatchObject({ endpoint: 'http://minio:9000', forcePathStyle: true });
    env({
      S3_BUCKET: 'ce',
      S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com',
      S3_FORCE_PATH_STYLE: 'false',
    });
    expect(fileStoreConfigFromEnv()).toMatchObject({ forcePathStyle: false });
  });

  it('reads every setting', () => {
    env({
      FILE_STORE: 's3',
      S3_BUCKET: 'ce',
      S3_REGION: 'oss-cn-guangzhou',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'key',
      S3_PREFIX: 'ce/files/',
      S3_TIMEOUT_MS: '3000',
    });
    expect(fileStoreConfigFromEnv()).toEqual({
      kind: 's3',
      endpoint: null,
      bucket: 'ce',
      region: 'oss-cn-guangzhou',
      accessKeyId: 'id',
      secretAccessKey: 'key',
      forcePathStyle: false,
      prefix: 'ce/files/',
      timeoutMs: 3000,
    });
  });

  it('refuses settings that cannot work, naming the variable', () => {
    env({ FILE_STORE: 's3' });
    expect(() => fileStoreConfigFromEnv()).toThrow('S3_BUCKET');
    env({ FILE_STORE: 'nfs' });
    expect(() => fileStoreConfigFromEnv()).toThrow('FILE_STORE');
    env({ S3_BUCKET: 'ce', S3_FORCE_PATH_STYLE: 'yes' });
    expect(() => fileStoreConfigFromEnv()).toThrow('S3_FORCE_PATH_STYLE');
    env({ S3_BUCKET: 'ce', S3_TIMEOUT_MS: '0' });
    expect(() => fileStoreConfigFromEnv()).toThrow('S3_TIMEOUT_MS');
  });
});
