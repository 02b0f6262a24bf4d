import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** 办公电话 (employers and authorities; the institution form has none) */
    officePhone: text('office_phone'),
    mobilePhone: text('mobile_phone').notNull(),
    email: text('email').notNull(),
    /** 邮政编码 (employers and authorities) */
    postalCode: text('postal_code'),
    /** 单位通讯地址 (≤100) */
    address: text('address').notNull(),
    /** 单位职能简介 (≤500) */
    description: text('description').notNull(),
    /** 上级行业主管部门: the authority that reviewed an authority's application (null: HRSS did) */
    parentUnitId: uuid('parent_unit_id').references(() => accounts.id),
    /** institutions: 上级行业主管部门名称 as the institution states it */
    parentAuthorityName: text('parent_authority_name'),
    /** institutions: 法人姓名, 法人联系电话, 法人E-Mail, 联系人E-Mail */
    legalName: text('legal_name'),
    legalPhone: text('legal_phone'),
    legalEmail: text('legal_email'),
    contactEmail: text('contact_email'),
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

/**
 * 专业培训资格: one series an institution applies to teach (002 §1.5.2 申请培训专业), each its own
 * reviewable item (workflow object type `qualification`). `status` mirrors the workflow state so
 * "may this institution run plans of this series" is one indexed query.
 */
export const institutionQualifications = pgTable(
  'institution_qualifications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => accounts.id),
    /** 专业名称 (dictionary SERIES) */
    series: text('series').notNull(),
    /** 专业概述 (≤500) */
    overview: text('overview').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'returned', 'rejected'] })
      .notNull()
      .default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('institution_qualifications_unit_series_uq').on(t.unitId, t.series)],
);

/** 师资信息维护: a teacher of an org (authority, institution or employer), SPEC §8. */
export const teachers = pgTable(
  'teachers',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** the org the teacher belongs to */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    idNumber: text('id_number').notNull(),
    /** 专业技术资格 (dictionary QUALIFICATIONS) */
    qualification: text('qualification').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    /** 可以教授课程 (≤500) */
    courses: text('courses').notNull(),
    /** 教师简介 (≤1000) */
    intro: text('intro').notNull(),
    /** 启用: may be chosen as 授课教师 or 班主任 */
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('teachers_unit_id_number_uq').on(t.unitId, t.idNumber),
    index('teachers_unit_idx').on(t.unitId, t.createdAt),
  ],
);
