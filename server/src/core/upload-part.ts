import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

export interface UploadedPart {
  /** the name the browser gave (may be '') */
  filename: string;
  bytes: Buffer;
  /** the plain fields sent with the file, by name (first value of each) */
  fields: Record<string, string>;
}

const MAX_FIELDS = 5;
const MAX_FIELD_BYTES = 1024;

const malformed = () => new AppError('VALIDATION', '上传内容格式错误或不完整，请重新选择文件上传');
const tooMany = () =>
  new AppError('VALIDATION', `上传内容的字段或文件过多：每次只能上传一个文件，字段不超过${MAX_FIELDS}个`);

/** What the multipart parser's own errors mean to the user; anything the parser throws is bad input. */
function refusal(req: FastifyRequest, err: unknown): Error {
  if (err instanceof AppError || err instanceof req.server.multipartErrors.RequestFileTooLargeError)
    return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return tooMany();
  if (code === 'FST_PROTO_VIOLATION') return new AppError('VALIDATION', '上传内容包含不允许的字段名');
  // no boundary, truncated body, malformed part headers …: busboy's plain Errors
  req.log.info({ err }, 'malformed multipart body');
  return malformed();
}

/**
 * Reads the one file of a multipart/form-data upload (and the few plain fields sent before or
 * after it), for every upload route. Whether the file is too large is decided here by counting
 * the bytes: the parser's limit is set one byte above the maximum and a file is refused when more
 * than `maxBytes` arrived OR the parser marked it truncated. The parser is never trusted to throw
 * (it sometimes only marks the part truncated, and the cut bytes would then pass as a whole file).
 * Refusals: 400 for anything malformed or too many parts, 413 for a file over the limit.
 * Returns null when the body holds no file at all.
 */
export async function readSinglePart(
  req: FastifyRequest,
  opts: { maxBytes: number },
): Promise<UploadedPart | null> {
  if (!req.isMultipart()) throw new AppError('VALIDATION', '请以 multipart/form-data 上传文件');
  const tooLarge = () => new req.server.multipartErrors.RequestFileTooLargeError();
  const fields: Record<string, string> = {};
  let file: { filename: string; bytes: Buffer } | null = null;
  let oversized = false;
  try {
    const parts = req.parts({
      limits: {
        fileSize: opts.maxBytes + 1,
        files: 1,
        fields: MAX_FIELDS,
        parts: MAX_FIELDS + 1,
        fieldSize: MAX_FIELD_BYTES,
        fieldNameSize: 100,
        headerPairs: 20,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.valueTruncated || part.fieldnameTruncated) {
          throw new AppError('VALIDATION', `上传内容的字段过长（每个字段不超过${MAX_FIELD_BYTES}字节）`);
        }
        fields[part.fieldname] ??= String(part.value);
        continue;
      }
      // the whole stream is read even past the limit (the parser discards the excess), so the
      // request ends cleanly and a malformed tail is still noticed below
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file) {
        size += chunk.length;
        if (size <= opts.maxBytes) chunks.push(chunk as Buffer);
      }
      if (size > opts.maxBytes || part.file.truncated) oversized = true;
      else file = { filename: part.filename ?? '', bytes: Buffer.concat(chunks, size) };
    }
  } catch (err) {
    if (oversized) throw tooLarge();
    throw refusal(req, err);
  }
  if (oversized) throw tooLarge();
  return file ? { ...file, fields } : null;
}
