import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity';

/**
 * A professional (专业技术人员) and their profile (人员基本信息维护, SPEC §4), keyed by ID number.
 * An employer may add one before the person registers; `person_id` is filled when that ID registers.
 */
export const professionals = pgTable(
  'professionals',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    personId: uuid('person_id').references(() => accounts.id),
    idNumber: text('id_number').notNull(),
    name: text('name').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** 民族 (dictionary code) */
    ethnicity: text('ethnicity').notNull(),
    /** 籍贯 */
    nativePlace: text('native_place').notNull(),
    /** 最高学历 / 最高学位 (dictionary codes) */
    education: text('education').notNull(),
    degree: text('degree'),
    /** 所学专业, 毕业院校, 毕业时间, 参加工作时间 */
    major: text('major').notNull(),
    school: text('school').notNull(),
    graduationDate: date('graduation_date', { mode: 'string' }).notNull(),
    workStartDate: date('work_start_date', { mode: 'string' }).notNull(),
    phone: text('phone').notNull(),
    email: text('email'),
    /** 专业技术任职资格 and 取得资格时间 */
    qualification: text('qualification').notNull(),
    qualificationDate: date('qualification_date', { mode: 'string' }),
    /** 专业系列 (dictionary code) and 从事专业 */
    series: text('series').notNull(),
    specialty: text('specialty').notNull(),
    postalCode: text('postal_code'),
    address: text('address'),
    /** 所属单位: the employer picked by the person or the employer that added them */
    employerId: uuid('employer_id').references(() => accounts.id),
    /** none: no employer; pending: picked, waiting for 专业技术人员信息确认; confirmed; rejected (否) */
    bindingStatus: text('binding_status', { enum: ['none', 'pending', 'confirmed', 'rejected'] })
      .notNull()
      .default('none'),
    bindingAt: timestamp('binding_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('professionals_id_number_uq').on(t.idNumber),
    uniqueIndex('professionals_person_uq').on(t.personId),
    index('professionals_employer_idx').on(t.employerId, t.bindingStatus),
  ],
);
