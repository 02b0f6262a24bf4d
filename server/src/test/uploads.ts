import { randomBytes } from 'node:crypto';
import type { Client } from './client';

/** A tiny valid PNG (1×1); random trailing bytes after IEND keep hashes distinct. */
export function pngBytes(): Buffer {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  return Buffer.concat([png, randomBytes(8)]);
}

/** Builds a multipart body the way a browser would. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer; type?: string },
) {
  const boundary = `----ce${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(
  c: Client,
  purpose: string,
  file: { name: string; bytes: Buffer; type?: string },
) {
  const body = multipart({ purpose }, file);
  return c.request<{ id: string; sha256: string }>('POST', '/api/files', undefined, {
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
}
