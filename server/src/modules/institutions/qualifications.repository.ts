import type { WorkflowState } from '@ce/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import { notFound } from '../../core/errors';
import {
  enumLiteral,
  likePattern,
  type PageRequest,
  pageClause,
  queryNamed,
  totalOf,
} from '../../core/list-query';
import { institutionQualifications, workflowItems } from '../../db/schema';

/** Workflow names of 专业培训资格 (fixed across the issue-10 modules and the seed). */
export const QUALIFICATION = 'qualification';
export const SUBMIT_STEP = '专业培训资格申请';
export const REVIEW_STEP = '施教机构专业培训资格审核';

export type QualificationRow = typeof institutionQualifications.$inferSelect;

/**
 * May the institution run plans of this series? One indexed query (the unique index on
 * unit and series): an approved 专业培训资格 of exactly that series.
 */
export async function isQualified(q: Queryable, unitId: string, series: string): Promise<boolean> {
  const [row] = await q
    .select({ id: institutionQualifications.id })
    .from(institutionQualifications)
    .where(
      and(
        eq(institutionQualifications.unitId, unitId),
        eq(institutionQualifications.series, series),
        eq(institutionQualifications.status, 'approved'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function insertQualification(
  q: Queryable,
  values: { unitId: string; series: string; overview: string },
): Promise<QualificationRow> {
  const [row] = await q.insert(institutionQualifications).values(values).returning();
  return row;
}

export async function updateQualification(
  q: Queryable,
  id: string,
  values: Partial<Pick<QualificationRow, 'series' | 'overview' | 'status'>>,
) {
  await q
    .update(institutionQualifications)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(institutionQualifications.id, id));
}

/** The status mirror of the workflow state (kept in the same transaction as each move). */
export const mirrorState = (q: Queryable, id: string, state: WorkflowState) =>
  updateQualification(q, id, { status: state });

/** One of the institution's own qualifications (404 for anyone else's). */
export async function ownQualification(q: Queryable, unitId: string, id: string): Promise<QualificationRow> {
  const [row] = await q
    .select()
    .from(institutionQualifications)
    .where(and(eq(institutionQualifications.id, id), eq(institutionQualifications.unitId, unitId)));
  if (!row) throw notFound('申请培训专业');
  return row;
}

export async function findBySeries(q: Queryable, unitId: string, series: string) {
  const [row] = await q
    .select({ id: institutionQualifications.id })
    .from(institutionQualifications)
    .where(and(eq(institutionQualifications.unitId, unitId), eq(institutionQualifications.series, series)));
  return row ?? null;
}

export async function deleteQualificationRows(q: Queryable, id: string) {
  await q.execute(
    sql`delete from workflow_history where item_id in
        (select id from workflow_items where object_type = ${QUALIFICATION} and object_id = ${id})`,
  );
  await q
    .delete(workflowItems)
    .where(and(eq(workflowItems.objectType, QUALIFICATION), eq(workflowItems.objectId, id)));
  await q.delete(institutionQualifications).where(eq(institutionQualifications.id, id));
}

/** A row of the lists: the qualification, its institution and where its review stands. */
export interface QualificationListRow {
  id: string;
  unitId: string;
  unitName: string;
  certNumber: string;
  series: string;
  overview: string;
  state: WorkflowState;
  reviewerUnitName: string | null;
  step: string | null;
  submittedAt: string | null;
  /** the authority that last reviewed it */
  lastReviewerName: string | null;
}

const columns = (ids: SQL) => sql`
  select q.id, q.unit_id as "unitId", u.name as "unitName", u.cert_number as "certNumber",
         q.series, q.overview, w.state, r.name as "reviewerUnitName", w.step,
         w.submitted_at as "submittedAt", h.actor_unit_name as "lastReviewerName"
  from institution_qualifications q
  join workflow_items w on w.object_type = ${QUALIFICATION} and w.object_id = q.id
  join units u on u.account_id = q.unit_id
  left join units r on r.account_id = w.reviewer_unit_id
  left join lateral (
    select actor_unit_name from workflow_history
    where item_id = w.id and step = ${REVIEW_STEP}
    order by seq desc limit 1
  ) h on true
  where q.id in (${ids})`;

/** The institution's own 申请培训专业 rows, newest first (few: one per series at most). */
export async function listOwn(q: Queryable, unitId: string): Promise<QualificationListRow[]> {
  const ids = sql`select id from institution_qualifications where unit_id = ${unitId}`;
  const rows = await queryNamed<QualificationListRow>(
    q,
    'qual_own',
    sql`${columns(ids)} order by q.created_at desc, q.id`,
  );
  return rows.map(normalise);
}

/** One row of the lists by id (no scope: callers check it first). */
export async function listRow(q: Queryable, id: string): Promise<QualificationListRow> {
  const [row] = await queryNamed<QualificationListRow>(q, 'qual_row', columns(sql`${id}::uuid`));
  if (!row) throw notFound('申请培训专业');
  return normalise(row);
}

function normalise(r: QualificationListRow): QualificationListRow {
  const at = r.submittedAt as unknown;
  return { ...r, submittedAt: at ? new Date(at as string).toISOString() : null };
}

/**
 * What an authority may see on 施教机构专业培训资格审核: qualifications of its 专业序列 routed to it
 * — waiting at it now, or reviewed by it before.
 */
const routedTo = (unitId: string, series: string) => sql`
  q.series = ${series}
  and (w.reviewer_unit_id = ${unitId}
       or exists (select 1 from workflow_history h2 where h2.item_id = w.id and h2.actor_unit_id = ${unitId}))`;

export interface ReviewFilters {
  unitName?: string;
  series?: string;
  year?: number;
  state: WorkflowState;
}

/** The review list of an authority (ids first, then the columns: core/list-query.ts). */
export async function listForReviewer(
  q: Queryable,
  reviewer: { unitId: string; series: string },
  f: ReviewFilters,
  page: PageRequest,
): Promise<{ rows: QualificationListRow[]; total: number }> {
  const where = [routedTo(reviewer.unitId, reviewer.series), sql`w.state = ${enumLiteral(f.state)}`];
  if (f.state === 'submitted') where.push(sql`w.reviewer_unit_id = ${reviewer.unitId}`);
  if (f.unitName) {
    where.push(
      sql`exists (select 1 from units u2 where u2.account_id = q.unit_id and u2.name ilike ${likePattern(f.unitName)})`,
    );
  }
  if (f.series) where.push(sql`q.series ilike ${likePattern(f.series)}`);
  if (f.year) {
    where.push(
      sql`extract(year from coalesce(w.submitted_at, q.created_at) at time zone 'Asia/Shanghai') = ${f.year}`,
    );
  }
  const filter = sql.join(where, sql` and `);
  const from = sql`from institution_qualifications q
    join workflow_items w on w.object_type = ${QUALIFICATION} and w.object_id = q.id where ${filter}`;
  const pageRows = await queryNamed<{ id: string; total: string }>(
    q,
    'qual_review_ids',
    sql`select q.id, count(*) over () as total ${from}
        order by w.submitted_at desc nulls last, q.id ${pageClause(page)}`,
  );
  const total = await totalOf(pageRows, async () => {
    const [c] = await queryNamed<{ n: number }>(
      q,
      'qual_review_count',
      sql`select count(*)::int as n ${from}`,
    );
    return c.n;
  });
  if (pageRows.length === 0) return { rows: [], total };
  const ids = sql.join(
    pageRows.map((r) => sql`${r.id}::uuid`),
    sql`, `,
  );
  const rows = (await queryNamed<QualificationListRow>(q, 'qual_review_rows', columns(ids))).map(normalise);
  const order = new Map(pageRows.map((r, i) => [r.id, i]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { rows, total };
}

/** A qualification routed to the reviewer (404 otherwise: another series, another region). */
export async function routedQualification(
  q: Queryable,
  reviewer: { unitId: string; series: string },
  id: string,
): Promise<QualificationRow> {
  const [found] = await queryNamed<{ id: string }>(
    q,
    'qual_routed',
    sql`select q.id from institution_qualifications q
        join workflow_items w on w.object_type = ${QUALIFICATION} and w.object_id = q.id
        where q.id = ${id} and ${routedTo(reviewer.unitId, reviewer.series)}`,
  );
  if (!found) throw notFound('专业培训资格申请');
  const [row] = await q.select().from(institutionQualifications).where(eq(institutionQualifications.id, id));
  return row;
}
