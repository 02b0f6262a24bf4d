import { createHash } from 'node:crypto';
import { FILE_KINDS, FILE_MAX_BYTES, type UploadedFile } from '@ce/shared';
import { eq } from 'drizzle-orm';
import { files } from '../db/schema';
import type { Queryable } from './db';
import { AppError } from './errors';
import type { FileStore } from './file-store';

type Kind = keyof typeof FILE_KINDS;

/** Detects the type from the bytes themselves; the name and the browser's claim are not trusted. */
export function sniffKind(bytes: Buffer): Kind | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  return null;
}

const EXTENSIONS: Record<Kind, string[]> = { pdf: ['pdf'], jpg: ['jpg', 'jpeg'], png: ['png'] };

/**
 * Uploaded attachments: the row in `files` (name, type, size, hash) is written with the caller's
 * transaction; the bytes go to the FileStore under the row's id.
 */
export async function saveUpload(
  q: Queryable,
  store: FileStore,
  input: { ownerId: string; purpose: string; name: string; bytes: Buffer; allowed?: Kind[] },
): Promise<UploadedFile> {
  const allowed = input.allowed ?? (Object.keys(FILE_KINDS) as Kind[]);
  if (input.bytes.length === 0) throw new AppError('FILE_REJECTED', '文件为空，请重新选择');
  if (input.bytes.length > FILE_MAX_BYTES) throw new AppError('FILE_REJECTED', '文件不能超过10MB');
  const kind = sniffKind(input.bytes);
  const allowedText = allowed.map((k) => k.toUpperCase()).join('、');
  if (!kind || !allowed.includes(kind)) {
    throw new AppError('FILE_REJECTED', `文件内容不是允许的类型（${allowedText}）`);
  }
  const ext = input.name.split('.').pop()?.toLowerCase() ?? '';
  if (!EXTENSIONS[kind].includes(ext)) {
    throw new AppError('FILE_REJECTED', `文件扩展名与文件内容不符（内容为${kind.toUpperCase()}）`);
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  // path separators and control characters never reach a header or a path
  const name = [...input.name]
    .map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c))
    .join('')
    .slice(0, 200);
  const [row] = await q
    .insert(files)
    .values({
      ownerId: input.ownerId,
      purpose: input.purpose,
      name,
      mime: FILE_KINDS[kind],
      size: input.bytes.length,
      sha256,
    })
    .returning();
  await store.put(row.id, input.bytes);
  return { id: row.id, name: row.name, mime: row.mime, size: row.size, sha256 };
}

export async function findUpload(q: Queryable, id: string) {
  const [row] = await q.select().from(files).where(eq(files.id, id));
  return row ?? null;
}

/** Reads the bytes and verifies them against the stored hash. */
export async function readUpload(store: FileStore, row: { id: string; sha256: string }): Promise<Buffer> {
  const bytes = await store.get(row.id);
  // the row is there but the store lost the bytes: say so (404), not a bare 500
  if (!bytes) throw new AppError('NOT_FOUND', '附件文件已丢失（文件存储中不存在），请联系管理员');
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new AppError('INTERNAL', '文件已损坏，请联系管理员');
  }
  return bytes;
}
