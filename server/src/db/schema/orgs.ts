import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, files } from './identity';

/**
 * An org role application and the org's info (法人单位角色申请 / 信息维护, SPEC §3).
 * One row per unit and role; the employer's is approved at 确认, others go through the workflow.
 */
export const orgProfiles = pgTable(
  'org_profiles',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => accounts.id),
    role: text('role', { enum: ['employer', 'authority', 'institution'] }).notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'returned', 'rejected'] })
      .notNull()
      .default('draft'),
    unitName: text('unit_name').notNull(),
    certType: text('cert_type', { enum: ['uscc', 'orgcode'] }).notNull(),
    certNumber: text('cert_number').notNull(),
    /** 单位性质 (dictionary UNIT_NATURES) */
    nature: text('nature').notNull(),
    /** 隶属关系 */
    level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
    /** 专业序列 (authorities and institutions) */
    series: text('series'),
    /** 行政区划: the most specific region code */
    regionCode: text('region_code').notNull(),
    /** 上级人社主管部门: an HRSS unit */
    hrssUnitId: uuid('hrss_unit_id').references(() => accounts.id),
    contactName: text('contact_name').notNull(),
    officePhone: text('office_phone').notNull(),
    mobilePhone: text('mobile_phone').notNull(),
    email: text('email').notNull(),
    postalCode: text('postal_code').notNull(),
    /** 单位通讯地址 (≤100) */
    address: text('address').notNull(),
    /** 单位职能简介 (≤500) */
    description: text('description').notNull(),
    /** 营业执照 / 统一社会信用代码证 */
    licenceFileId: uuid('licence_file_id').references(() => files.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('org_profiles_unit_role_uq').on(t.unitId, t.role)],
);

/** Per-org workflow settings: the 广州 two-reviewer rule (SPEC §5). */
export const workflowSettings = pgTable('workflow_settings', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => accounts.id),
  twoReviewers: boolean('two_reviewers').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 批注管理: an org's canned review opinions. */
export const reviewOpinions = pgTable('review_opinions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => accounts.id),
  text: text('text').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
