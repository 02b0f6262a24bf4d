import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { settings } from '../db/schema';
import type { Config } from './config';
import type { Db } from './db';

/**
 * The secret that keys session-token and SMS-code hashes, the same in every instance: SESSION_SECRET
 * when given; otherwise the one in the database's settings row, which the first instance to start
 * creates (insert … on conflict do nothing, so two instances starting at once still agree). A
 * secret an older version generated into `DATA_DIR/session-secret` is adopted as that first value,
 * so upgrading ends nobody's session.
 */
export async function sharedSessionSecret(db: Db, dataDir: string): Promise<string> {
  const legacy = join(dataDir, 'session-secret');
  const candidate = existsSync(legacy)
    ? readFileSync(legacy, 'utf8').trim()
    : randomBytes(32).toString('base64url');
  await db.insert(settings).values({ id: 1, sessionSecret: candidate }).onConflictDoNothing();
  const [row] = await db.select({ secret: settings.sessionSecret }).from(settings).where(eq(settings.id, 1));
  if (!row?.secret) throw new Error('settings row missing after insert');
  return row.secret;
}

/** The config with its session secret filled in (unchanged when SESSION_SECRET was given). */
export async function withSessionSecret(db: Db, config: Config): Promise<Config> {
  if (config.sessionSecret) return config;
  return { ...config, sessionSecret: await sharedSessionSecret(db, config.dataDir) };
}
