import type { FieldError } from '@ce/shared';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from './db-errors';
import { AppError, fieldError, fieldLabel } from './errors';

/** Turns every failure into `{ code, message, fields? }`; bad input never becomes a 500. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      // a dependency down (STORAGE_UNAVAILABLE …): the user gets the message, the log the cause
      if (err.status >= 500) req.log.error({ err, cause: err.cause }, err.message);
      return reply.status(err.status).send(err.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldError[] = err.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body';
        return { field, label: fieldLabel(field), message: v.message ?? '格式错误' };
      });
      const first = fields[0];
      const message = first ? `${first.label}：${first.message}` : '请求参数错误';
      return reply.status(400).send({ code: 'VALIDATION', message, fields });
    }
    if (isDatabaseUnavailable(err)) {
      // the transaction of this request has rolled back (or never began); the pool reconnects
      req.log.warn({ err }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({ code: 'UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' });
    }
    const status = err.statusCode ?? 500;
    if (status === 429)
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send({ code: 'VALIDATION', message: '请求内容过大' });
    if (status === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({ code: 'FILE_REJECTED', message: '文件不能超过10MB' });
    }
    if (status === 415)
      return reply.status(415).send({ code: 'VALIDATION', message: '不支持的请求内容类型' });
    if (status >= 400 && status < 500) {
      req.log.info({ err }, 'client error');
      return reply.status(400).send({ code: 'VALIDATION', message: '请求格式错误，请检查后重试' });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
  });

  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` });
  });
}

/**
 * The first string in `value` holding a NUL byte (which PostgreSQL cannot store), as a field path.
 * Iterative with an explicit stack (no recursion, however deep the value) and bounded in depth:
 * the JSON parser already refuses deeper bodies, anything deeper here is simply not looked into.
 */
function nulField(value: unknown, root: string): string | null {
  const MAX_DEPTH = 128;
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  for (let top = stack.pop(); top; top = stack.pop()) {
    const v = top.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return top.path;
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v) || top.depth >= MAX_DEPTH) continue;
    const entries = Array.isArray(v) ? [...v.entries()] : Object.entries(v);
    // pushed in reverse so the first field in document order is reported first
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, item] = entries[i];
      stack.push({ value: item, path: join(top.path, String(key)), depth: top.depth + 1 });
    }
  }
  return null;
}

/**
 * Refuses a NUL byte anywhere in the path parameters, query or JSON body with a 400 naming the
 * field, before any handler can hand it to the database (which would fail with a 500).
 */
export function installNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', (req, _reply, done) => {
    for (const part of [req.params, req.query, req.body]) {
      const field = nulField(part, '');
      if (field !== null) return done(fieldError(field || 'body', '不能包含不可见的控制字符（NUL）'));
    }
    done();
  });
}
