import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts, files } from './identity';
import { professionals } from './people';

const hours = (name: string) => numeric(name, { precision: 6, scale: 1, mode: 'number' });

/** 继续教育记录 (SPEC §6). Its review state lives in workflow_items (object_type 'ce_record'). */
export const ceRecords = pgTable(
  'ce_records',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    professionalId: uuid('professional_id')
      .notNull()
      .references(() => professionals.id),
    /** person | employer | institution | achievement | import | class | legacy */
    source: text('source', {
      enum: ['person', 'employer', 'institution', 'achievement', 'import', 'class', 'legacy'],
    }).notNull(),
    /** the employer the record belongs to (its reviewer, or its declarer) */
    employerId: uuid('employer_id').references(() => accounts.id),
    courseName: text('course_name').notNull(),
    subjectType: text('subject_type', { enum: ['public', 'professional', 'elective'] }).notNull(),
    /** 学习形式 (dictionary STUDY_FORMS) */
    studyForm: text('study_form').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    days: numeric('days', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    declaredHours: hours('declared_hours').notNull(),
    assessment: text('assessment', { enum: ['passed', 'failed'] }).notNull(),
    reviewedHours: hours('reviewed_hours'),
    recognisedHours: hours('recognised_hours'),
    /** a registered institution, or only a typed name */
    institutionId: uuid('institution_id').references(() => accounts.id),
    institutionName: text('institution_name'),
    /** 申报年度: the year of the end date */
    year: smallint('year').notNull(),
    location: text('location'),
    content: text('content'),
    remark: text('remark'),
    /** achievements: patent | monograph | project | paper, main author or other */
    achievementKind: text('achievement_kind', { enum: ['patent', 'monograph', 'project', 'paper'] }),
    achievementRole: text('achievement_role', { enum: ['main', 'other'] }),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ce_records_professional_idx').on(t.professionalId, t.year),
    index('ce_records_employer_idx').on(t.employerId, t.year),
  ],
);

/** 附件材料 of a record. */
export const ceRecordFiles = pgTable(
  'ce_record_files',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    recordId: uuid('record_id')
      .notNull()
      .references(() => ceRecords.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    /** 附件名称 as typed by the uploader */
    name: text('name').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => accounts.id),
    uploadedByName: text('uploaded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ce_record_files_record_idx').on(t.recordId), index('ce_record_files_file_idx').on(t.fileId)],
);

/**
 * Recognised hours and course counts per person, year and category, kept current in the
 * transaction of every approval, correction or deletion (SPEC §7: no nightly batch).
 */
export const ceTotals = pgTable(
  'ce_totals',
  {
    professionalId: uuid('professional_id')
      .notNull()
      .references(() => professionals.id),
    year: smallint('year').notNull(),
    subjectType: text('subject_type', { enum: ['public', 'professional', 'elective'] }).notNull(),
    hours: numeric('hours', { precision: 8, scale: 1, mode: 'number' }).notNull(),
    courses: integer('courses').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.professionalId, t.year, t.subjectType] })],
);

/** Requirement rules set by HRSS (年度学时要求设置); when none matches, the shipped defaults apply. */
export const requirementRules = pgTable(
  'requirement_rules',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    fromYear: smallint('from_year').notNull(),
    toYear: smallint('to_year'),
    /** null: every series */
    series: text('series'),
    /** null: the whole province */
    regionCode: text('region_code'),
    totalHours: hours('total_hours').notNull(),
    publicHours: hours('public_hours').notNull(),
    professionalHours: hours('professional_hours').notNull(),
    electiveHours: hours('elective_hours').notNull(),
    hoursPerDay: hours('hours_per_day').notNull(),
    /** a new version supersedes the old one; old versions stay for the record */
    version: integer('version').notNull().default(1),
    active: boolean('active').notNull().default(true),
    note: text('note'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('requirement_rules_year_idx').on(t.fromYear)],
);

/**
 * 重新统计学时 of an HRSS region, run as a background job (modules/requirements/recount.job.ts):
 * its progress and result. One runs at a time per region (the partial unique index).
 */
export const recountJobs = pgTable(
  'recount_jobs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** the HRSS that started it */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => accounts.id),
    /** the region recounted (a region code prefix); null: the whole province */
    regionCode: text('region_code'),
    /** running → done | failed */
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    personsTotal: integer('persons_total').notNull().default(0),
    personsDone: integer('persons_done').notNull().default(0),
    /** persons whose kept totals were rewritten, and the ce_totals rows written or deleted */
    changedPersons: integer('changed_persons').notNull().default(0),
    changedRows: integer('changed_rows').notNull().default(0),
    /** the result as the HRSS reads it, or why it failed */
    message: text('message'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('recount_jobs_running_uq')
      .on(sql`coalesce(${t.regionCode}, '')`)
      .where(sql`${t.status} = 'running'`),
    index('recount_jobs_region_idx').on(t.regionCode, t.startedAt),
  ],
);
