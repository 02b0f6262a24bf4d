import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';

/**
 * The Redis client behind the shared rate limits. It never queues or waits: while Redis is down a
 * command fails at once (enableOfflineQueue false, one try, 1 s command timeout) and the rate limit
 * lets the request through (skipOnError in app.ts); it reconnects in the background. The start waits
 * at most `connectTimeoutMs` for the first connection so the first requests are already counted.
 */
export async function connectRedis(
  url: string,
  log: FastifyBaseLogger,
  connectTimeoutMs = 2000,
): Promise<Redis> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    connectTimeout: connectTimeoutMs,
    commandTimeout: 1000,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 5000),
  });
  // one warning per outage, not one per reconnection attempt
  let down = false;
  redis.on('error', (err) => {
    if (down) return;
    down = true;
    log.warn({ err }, 'Redis 不可用：限流暂不生效，正在重连');
  });
  redis.on('ready', () => {
    if (down) log.info('Redis 已恢复');
    down = false;
  });
  // ready, refused or silent: the start goes on either way (a refused Redis is reported by /readyz)
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, connectTimeoutMs);
    redis.once('ready', done);
    redis.once('error', done);
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      redis.off('error', done);
      resolve();
    }
  });
  return redis;
}
