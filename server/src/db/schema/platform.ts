import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity';

/** Org roles a unit holds in the CE system (法人单位, 行业主管部门, 施教机构, 人社部门). */
export const orgRoles = pgTable(
  'org_roles',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => accounts.id),
    role: text('role', { enum: ['employer', 'authority', 'institution', 'hrss'] }).notNull(),
    status: text('status', { enum: ['active', 'revoked'] })
      .notNull()
      .default('active'),
    /** 隶属关系: province / city / county */
    level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
    /** the region the role covers (HRSS: its region) */
    regionCode: text('region_code').notNull(),
    /** 专业序列 of an authority grant (its scope is its region AND this series, SPEC §13) */
    series: text('series'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('org_roles_unit_role_uq').on(t.unitId, t.role)],
);

/** Server-side sessions; the cookie carries the token, the table only its keyed hash. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** set while a person acts for a unit (使用选中的单位账号登录) */
    actingUnitId: uuid('acting_unit_id').references(() => accounts.id),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_acting_idx').on(t.actingUnitId)],
);

export const captchas = pgTable('captchas', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  answer: text('answer').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** SMS verification codes: stored as a keyed hash, 6 digits, 10-minute life, single use. */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    phone: text('phone').notNull(),
    purpose: text('purpose').notNull(),
    /** what the code is bound to (login name, unit login name …) */
    subject: text('subject').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_codes_lookup_idx').on(t.purpose, t.subject, t.phone)],
);

/** The default SMS adapter's outbox: an operator reads it in the UI instead of a gateway sending it. */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    phone: text('phone').notNull(),
    purpose: text('purpose', { enum: ['password_reset', 'unit_register'] }).notNull(),
    content: text('content').notNull(),
    regionCode: text('region_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_outbox_created_idx').on(t.createdAt)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLoginName: text('actor_login_name'),
    actorName: text('actor_name'),
    actingUnitId: uuid('acting_unit_id'),
    actingUnitName: text('acting_unit_name'),
    /** region of the acting unit, for scoping city-level HRSS readers */
    regionCode: text('region_code'),
    ip: text('ip'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    outcome: text('outcome', { enum: ['success', 'failure'] }).notNull(),
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index('audit_events_at_idx').on(t.at), index('audit_events_actor_idx').on(t.actorId)],
);
