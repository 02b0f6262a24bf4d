import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity';

/**
 * The review workflow (SPEC §5): one row per reviewable object, whatever its type.
 * States: draft → submitted (at reviewer org + step) → approved | rejected | returned.
 */
export const workflowItems = pgTable(
  'workflow_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** what is reviewed: ce_record, org_profile, course_plan … */
    objectType: text('object_type').notNull(),
    objectId: uuid('object_id').notNull(),
    state: text('state', { enum: ['draft', 'submitted', 'approved', 'rejected', 'returned'] }).notNull(),
    /** 审核部门: the org that must act now (null when nobody must) */
    reviewerUnitId: uuid('reviewer_unit_id').references(() => accounts.id),
    /** 审核环节: the name of the step waiting */
    step: text('step'),
    submitterId: uuid('submitter_id').references(() => accounts.id),
    submitterUnitId: uuid('submitter_unit_id').references(() => accounts.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** the first of two required reviewers, while the second has not acted */
    firstApproverId: uuid('first_approver_id').references(() => accounts.id),
    /** bumped on every transition; a stale version is refused */
    version: integer('version').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('workflow_items_object_uq').on(t.objectType, t.objectId),
    index('workflow_items_queue_idx').on(t.reviewerUnitId, t.objectType, t.state, t.submittedAt),
  ],
);

/** 审批流程: every action on an item, in order. */
export const workflowHistory = pgTable(
  'workflow_history',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    itemId: uuid('item_id')
      .notNull()
      .references(() => workflowItems.id),
    seq: integer('seq').notNull(),
    /** 业务步骤 */
    step: text('step').notNull(),
    /** submit | withdraw | approve | first_approve | reject | return | confirm | correct */
    action: text('action').notNull(),
    actorId: uuid('actor_id').references(() => accounts.id),
    /** 操作人 and 操作人所属, kept as they were at the time */
    actorName: text('actor_name').notNull(),
    actorUnitId: uuid('actor_unit_id').references(() => accounts.id),
    actorUnitName: text('actor_unit_name'),
    /** 审核意见 */
    opinion: text('opinion'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workflow_history_item_seq_uq').on(t.itemId, t.seq)],
);
