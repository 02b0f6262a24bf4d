import { DrizzleQueryError, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort } from '../test/ports';
import { isDatabaseUnavailable } from './db-errors';

/** An error as node-postgres builds it from a server ErrorResponse: a message and a SQLSTATE. */
function pgError(code: string, message = 'server error') {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

describe('isDatabaseUnavailable', () => {
  it('recognises connection-class SQLSTATEs and a server shutting down', () => {
    for (const code of ['08000', '08003', '08006', '08001', '08P01', '57P01', '57P02', '57P03']) {
      expect(isDatabaseUnavailable(pgError(code)), code).toBe(true);
    }
  });

  it('recognises socket errors and the messages of node-postgres and pg-pool', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']) {
      expect(isDatabaseUnavailable(Object.assign(new Error('socket'), { code })), code).toBe(true);
    }
    for (const message of [
      'Connection terminated unexpectedly',
      'Client has encountered a connection error and is not queryable',
      'timeout exceeded when trying to connect',
    ]) {
      expect(isDatabaseUnavailable(new Error(message)), message).toBe(true);
    }
  });

  it("looks through drizzle's wrapping and any cause chain", () => {
    const wrapped = new DrizzleQueryError('select 1', [], pgError('57P01', 'terminating connection'));
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    const deep = new Error('outer', {
      cause: new Error('middle', { cause: new Error('Connection terminated unexpectedly') }),
    });
    expect(isDatabaseUnavailable(deep)).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([new Error('x'), pgError('ECONNREFUSED')]))).toBe(true);
  });

  it('leaves every other failure alone', () => {
    for (const code of ['23505', '23503', '40001', '40P01', '22P02', '42P01', '57014', 'ENOENT']) {
      expect(isDatabaseUnavailable(pgError(code)), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new DrizzleQueryError('insert', [], pgError('23505')))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated unexpectedly')).toBe(false);
    const cycle: Error & { cause?: unknown } = new Error('a');
    cycle.cause = cycle;
    expect(isDatabaseUnavailable(cycle)).toBe(false);
  });

  it('recognises what a real query answers when nobody listens on the database port', async () => {
    const pool = new pg.Pool({ host: '127.0.0.1', port: await freePort(), connectionTimeoutMillis: 2000 });
    const db = drizzle(pool);
    const err = await db.execute(sql`select 1`).then(
      () => null,
      (e: unknown) => e,
    );
    await pool.end();
    expect(err).not.toBeNull();
    expect(isDatabaseUnavailable(err)).toBe(true);
  });
});
