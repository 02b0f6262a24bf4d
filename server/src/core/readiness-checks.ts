import type { Redis } from 'ioredis';
import type { FileStore } from './file-store';

/** One dependency /readyz asks about: check() throws when it cannot be used. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** The file store answers (local: the directory is there; S3: HeadBucket). */
export function fileStoreCheck(store: FileStore): ReadinessCheck {
  return { name: 'files', check: () => store.check() };
}

/** Redis answers PING (fails at once while disconnected: the client keeps no offline queue). */
export function redisCheck(redis: Redis): ReadinessCheck {
  return {
    name: 'redis',
    async check() {
      const pong = await redis.ping();
      if (pong !== 'PONG') throw new Error(`Redis answered ${pong}`);
    },
  };
}
