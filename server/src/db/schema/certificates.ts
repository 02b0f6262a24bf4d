import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts, files } from './identity';
import { professionals } from './people';

const hours = (name: string) => numeric(name, { precision: 8, scale: 1, mode: 'number' });

/** 继续教育证书: one valid certificate per person and year; 重新生成 voids the old number. */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    number: text('number').notNull(),
    professionalId: uuid('professional_id')
      .notNull()
      .references(() => professionals.id),
    year: smallint('year').notNull(),
    status: text('status', { enum: ['valid', 'voided'] }).notNull(),
    /** what the certificate states, frozen at issue */
    name: text('name').notNull(),
    series: text('series').notNull(),
    publicHours: hours('public_hours').notNull(),
    professionalHours: hours('professional_hours').notNull(),
    electiveHours: hours('elective_hours').notNull(),
    totalHours: hours('total_hours').notNull(),
    publicCourses: integer('public_courses').notNull(),
    professionalCourses: integer('professional_courses').notNull(),
    electiveCourses: integer('elective_courses').notNull(),
    /** 发证机关 and 公章 (证书设置 of the holder's region) at issue; null on certificates issued before they were kept */
    authorityName: text('authority_name'),
    sealFileId: uuid('seal_file_id').references(() => files.id),
    issuedBy: uuid('issued_by').references(() => accounts.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by').references(() => accounts.id),
  },
  (t) => [
    uniqueIndex('certificates_number_uq').on(t.number),
    uniqueIndex('certificates_one_valid_uq').on(t.professionalId, t.year).where(sql`status = 'valid'`),
  ],
);

/** bytes (node-postgres answers a Buffer, PGlite a Uint8Array) */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** 继续教育记录批量申报: one uploaded workbook, its progress and its row report. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => accounts.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    fileName: text('file_name').notNull(),
    /** checking → invalid | importing → done | failed */
    status: text('status', { enum: ['checking', 'invalid', 'importing', 'done', 'failed'] }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    /** row-level report: [{ row, column, message }] */
    errors: jsonb('errors').$type<{ row: number; column: string; message: string }[]>(),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** the uploaded file while the job runs, so any instance can run it; cleared when it ends */
    upload: bytea('upload'),
  },
  (t) => [index('import_jobs_unit_idx').on(t.unitId, t.createdAt)],
);

/**
 * 证书设置 of an HRSS org, by the region it governs ('44' the province, '4401' a city): the
 * 发证机关 printed on the certificates of persons whose employer is in that region, and an optional
 * 公章 image (its bytes in the FileStore under `sealFileId`). The most specific region wins.
 */
export const certificateSettings = pgTable('certificate_settings', {
  regionCode: text('region_code').primaryKey(),
  authorityName: text('authority_name').notNull(),
  sealFileId: uuid('seal_file_id').references(() => files.id),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => accounts.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
