/**
 * Tells a lost or unreachable database apart from every other failure, so the request is answered
 * with a 503 (retry later) instead of a 500, whichever layer the error comes through: node-postgres,
 * pg-pool, the socket, or drizzle's DrizzleQueryError wrapping any of them (`cause` chain).
 */

/** SQLSTATEs of a connection that is gone or refused (class 08) or a server shutting down. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);

/** Socket errors of a database that cannot be reached. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTCONN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** Messages node-postgres and pg-pool give to a lost or refused connection (no code attached). */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];

function isUnavailableOne(err: object): boolean {
  const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
  if (/^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code)) {
    return true;
  }
  const message = 'message' in err && typeof err.message === 'string' ? err.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}

/** True when `err`, or any error in its `cause` chain (or an AggregateError's list), is a lost database. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<object>();
  const queue: unknown[] = [err];
  // bounded: a cause chain is short, and `seen` stops a cycle
  while (queue.length > 0 && seen.size < 32) {
    const e = queue.shift();
    if (e === null || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (isUnavailableOne(e)) return true;
    if ('cause' in e) queue.push(e.cause);
    if (e instanceof AggregateError) queue.push(...e.errors);
  }
  return false;
}
