import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** The Fastify instance as route modules see it: zod schemas typed end to end. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Per-IP rate limits, one per purpose. @fastify/rate-limit counts each route in a bucket of its own
 * (in process: one store per route; in Redis: keys named by method and URL), so the certificate
 * check's scans and a login's attempts never eat each other's allowance; only the numbers differ.
 */

/** Rate limit for login, registration and SMS endpoints (per IP). */
export function authRateLimit(max: number) {
  return { max, timeWindow: '1 minute' };
}

/** Rate limit for the public certificate check (per IP): a desk scanning a queue of QR codes. */
export function certificateVerifyRateLimit(max: number) {
  return { max, timeWindow: '1 minute' };
}
