import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type FastifyInstance, LogController } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What we accept from the reverse proxy: short, printable, nothing that could forge a log line. */
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify options: the request id is the proxy's x-request-id when it looks sane, else a new UUID;
 * Fastify puts it, as `requestId`, on every log line written through `req.log`.
 */
export const requestIdOptions = {
  logController: new LogController({ requestIdLogLabel: 'requestId' }),
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

/** Sends the id back in the x-request-id header of every answer and in every error body. */
export function installRequestId(app: FastifyInstance) {
  app.addHook('preSerialization', async (req, reply, payload) =>
    reply.statusCode >= 400 && isErrorBody(payload) ? { ...payload, requestId: req.id } : payload,
  );
  app.addHook('onSend', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
}
