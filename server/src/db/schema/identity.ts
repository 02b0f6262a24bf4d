import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A login of the identity platform (统一认证): a person or a unit. */
export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    kind: text('kind', { enum: ['person', 'unit'] }).notNull(),
    loginName: text('login_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** accounts created by someone else must change their password at first login */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('accounts_login_name_uq').on(sql`lower(${t.loginName})`)],
);

export const persons = pgTable(
  'persons',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id),
    realName: text('real_name').notNull(),
    idNumber: text('id_number').notNull(),
    phone: text('phone').notNull(),
    /** 实名认证等级: 1 at registration, 2 after identity-provider verification */
    realnameLevel: smallint('realname_level').notNull().default(1),
  },
  (t) => [uniqueIndex('persons_id_number_uq').on(t.idNumber)],
);

export const units = pgTable(
  'units',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id),
    name: text('name').notNull(),
    certType: text('cert_type', { enum: ['uscc', 'orgcode'] }).notNull(),
    certNumber: text('cert_number').notNull(),
    provinceCode: text('province_code').notNull(),
    cityCode: text('city_code').notNull(),
    countyCode: text('county_code'),
    /** the most specific region code, for scoping */
    regionCode: text('region_code').notNull(),
    address: text('address').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    registeredBy: uuid('registered_by').references(() => accounts.id),
  },
  (t) => [uniqueIndex('units_cert_number_uq').on(t.certNumber)],
);

/** An agent binding (经办人 / 子账号) between a unit and a level-2 person. */
export const agentBindings = pgTable(
  'agent_bindings',
  {
    id: id(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => accounts.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status', { enum: ['pending', 'active', 'rejected', 'cancelled'] }).notNull(),
    /** 系统授权: the unit authorized the CE system for this agent */
    authorized: boolean('authorized').notNull().default(false),
    createdAt: createdAt(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    // at most one live (pending or active) binding per unit and person
    uniqueIndex('agent_bindings_live_uq')
      .on(t.unitId, t.personId)
      .where(sql`status in ('pending', 'active')`),
    index('agent_bindings_person_idx').on(t.personId),
  ],
);

/** Stored uploads: bytes live on disk under the data dir, addressed by id; the hash proves integrity. */
export const files = pgTable('files', {
  id: id(),
  ownerId: uuid('owner_id')
    .notNull()
    .references(() => accounts.id),
  purpose: text('purpose').notNull(),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: createdAt(),
});

/** Level-2 real-name applications reviewed by HRSS (the default identity provider). */
export const realnameApplications = pgTable(
  'realname_applications',
  {
    id: id(),
    personId: uuid('person_id')
      .notNull()
      .references(() => accounts.id),
    frontFileId: uuid('front_file_id')
      .notNull()
      .references(() => files.id),
    backFileId: uuid('back_file_id')
      .notNull()
      .references(() => files.id),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    reason: text('reason'),
    reviewerId: uuid('reviewer_id').references(() => accounts.id),
    reviewerUnitId: uuid('reviewer_unit_id').references(() => accounts.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('realname_one_pending_uq').on(t.personId).where(sql`status = 'pending'`)],
);
