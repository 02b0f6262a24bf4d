import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type FastifyInstance, LogController } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What we accept from the reverse proxy: short, printable, nothing that could forge a log line. */
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify options: the request id is the proxy's x-request-id when it looks sane, else a new UUID;
 * Fastify puts it, as `requestId`, on every log line written through `req.log`. Its own two
 * lines per request are off: installRequestLog writes one.
 */
export const requestLogOptions = {
  logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
  genReqId(req: IncomingMessage): string {
    const given = req.headers[REQUEST_ID_HEADER];
    return typeof given === 'string' && SANE.test(given) ? given : randomUUID();
  },
};

function isErrorBody(payload: unknown): payload is { code: string; message: string } {
  return (
    payload !== null &&
    typeof payload === 'object' &&
    typeof (payload as { code?: unknown }).code === 'string' &&
    typeof (payload as { message?: unknown }).message === 'string'
  );
}

/**
 * One access-log line per answer (Fastify's own request logging, off above, writes two: one as
 * the request comes in, one as it is answered), with the request id like every other line.
 */
export function installRequestLog(app: FastifyInstance) {
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      {
        method: req.method,
        url: req.url,
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
        ip: req.ip,
      },
      'request completed',
    );
    done();
  });
}

/** Sends the id back in the x-request-id header of every answer and in every error body. */
export function installRequestId(app: FastifyInstance) {
  // callback-style hooks: they run on every answer, and an async hook costs a promise each
  app.addHook('preSerialization', (req, reply, payload, done) => {
    done(null, reply.statusCode >= 400 && isErrorBody(payload) ? { ...payload, requestId: req.id } : payload);
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header(REQUEST_ID_HEADER, req.id);
    done(null, payload);
  });
}
