import { sql } from 'drizzle-orm';
import { check, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Settings of the deployment that every instance must agree on, in one row (id = 1): created once by
 * the first instance to start, read by all the others (core/session-secret.ts).
 */
export const settings = pgTable(
  'settings',
  {
    id: smallint('id').primaryKey().default(1),
    /** keys the session-token and SMS-code hashes when SESSION_SECRET is not given */
    sessionSecret: text('session_secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('settings_one_row', sql`${t.id} = 1`)],
);
