import type { OrgLevel, WorkflowState } from '@ce/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import {
  enumLiteral,
  likePattern,
  type PageRequest,
  pageClause,
  queryNamed,
  totalOf,
} from '../../core/list-query';
import type { AuthorityScope } from '../../core/scope';
import { files, orgProfiles, orgRoles, persons, units, workflowItems } from '../../db/schema';
import type { OrgProfileRow } from '../orgs/orgs.repository';

/** Workflow object type of an authority's role application (objectId = org_profiles.id). */
export const APPLICATION = 'authority_application';

export async function profileById(q: Queryable, id: string, lock = false): Promise<OrgProfileRow | null> {
  const query = q
    .select()
    .from(orgProfiles)
    .where(and(eq(orgProfiles.id, id), eq(orgProfiles.role, 'authority')));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** 广东省人力资源和社会保障厅: the active provincial HRSS org. */
export async function findProvinceHrss(
  q: Queryable,
  provinceCode: string,
): Promise<{ id: string; name: string } | null> {
  const [row] = await q
    .select({ id: units.accountId, name: units.name })
    .from(orgRoles)
    .innerJoin(units, eq(units.accountId, orgRoles.unitId))
    .where(
      and(
        eq(orgRoles.role, 'hrss'),
        eq(orgRoles.status, 'active'),
        eq(orgRoles.level, 'province'),
        eq(orgRoles.regionCode, provinceCode),
      ),
    )
    .orderBy(orgRoles.grantedAt)
    .limit(1);
  return row ?? null;
}

/** An attachment row: the file and the name of the person who uploaded it (经办人). */
export async function attachmentOf(q: Queryable, fileId: string) {
  const [row] = await q
    .select({
      id: files.id,
      name: files.name,
      mime: files.mime,
      size: files.size,
      createdAt: files.createdAt,
      uploaderName: persons.realName,
    })
    .from(files)
    .leftJoin(persons, eq(persons.accountId, files.ownerId))
    .where(eq(files.id, fileId));
  return row ?? null;
}

const all = (parts: (SQL | undefined)[]) =>
  sql.join(
    parts.filter((p): p is SQL => p !== undefined),
    sql` and `,
  );

/** An application this org may see: waiting at it now, or one it acted on (审核部门 then). */
export function visibleTo(orgId: string): SQL {
  return sql`(w.reviewer_unit_id = ${orgId} or exists (select 1 from workflow_history h
    where h.item_id = w.id and h.actor_unit_id = ${orgId}
      and h.action in ('approve', 'first_approve', 'reject', 'return')))`;
}

export interface ReviewFilters {
  unitName?: string;
  state?: WorkflowState;
  year?: number;
}

type ReviewRow = {
  id: string;
  unit_name: string;
  cert_number: string;
  contact_name: string;
  mobile_phone: string;
  series: string | null;
  level: OrgLevel;
  reviewer_unit_name: string | null;
  step: string | null;
  last_step: string | null;
  last_unit_name: string | null;
  state: WorkflowState;
  submitted_epoch: number | null;
  total: string;
};

/**
 * 行业主管角色审核 / 下级行业主管部门信息审核: applications waiting at the org (待办) and the ones
 * it already decided, newest first (the 待办 list oldest first, as it is worked).
 */
export async function listReviews(q: Queryable, orgId: string, f: ReviewFilters, page: PageRequest) {
  const where = all([
    sql`w.object_type = ${APPLICATION} and w.state <> 'draft'`,
    f.state === 'submitted' ? sql`w.reviewer_unit_id = ${orgId}` : visibleTo(orgId),
    f.state ? sql`w.state = ${enumLiteral(f.state)}` : undefined,
    f.year ? sql`extract(year from w.submitted_at at time zone 'Asia/Shanghai') = ${f.year}` : undefined,
    f.unitName ? sql`p.unit_name ilike ${likePattern(f.unitName)}` : undefined,
  ]);
  const queue = f.state === 'submitted';
  const rows = await queryNamed<ReviewRow>(
    q,
    'authority_reviews',
    sql`select p.id, p.unit_name, p.cert_number, p.contact_name, p.mobile_phone, p.series, p.level,
          ru.name as reviewer_unit_name, w.step, hl.step as last_step, hl.actor_unit_name as last_unit_name, w.state,
          extract(epoch from w.submitted_at)::float8 as submitted_epoch, t.total
        from (select p.id, w.submitted_at as sort_key, count(*) over () as total
              from org_profiles p join workflow_items w on w.object_type = ${APPLICATION} and w.object_id = p.id
              where ${where}
              order by w.submitted_at ${queue ? sql`asc` : sql`desc`}, p.id asc ${pageClause(page)}) t
        join org_profiles p on p.id = t.id
        join workflow_items w on w.object_type = ${APPLICATION} and w.object_id = p.id
        left join units ru on w.state = 'submitted' and ru.account_id = w.reviewer_unit_id
        left join lateral (select h.step, h.actor_unit_name from workflow_history h
                            where w.state <> 'submitted' and h.item_id = w.id order by h.seq desc limit 1) hl on true
        order by t.sort_key ${queue ? sql`asc` : sql`desc`}, t.id asc`,
  );
  const total = await totalOf(rows, async () => {
    const [c] = await queryNamed<{ n: number }>(
      q,
      'authority_reviews_count',
      sql`select count(*)::int as n from org_profiles p
          join workflow_items w on w.object_type = ${APPLICATION} and w.object_id = p.id where ${where}`,
    );
    return c.n;
  });
  return { rows, total };
}

/** Whether the application is visible to the org (the review detail and decisions check it). */
export async function isVisibleTo(q: Queryable, profileId: string, orgId: string): Promise<boolean> {
  const rows = await queryNamed<{ ok: number }>(
    q,
    'authority_review_visible',
    sql`select 1 as ok from workflow_items w
        where w.object_type = ${APPLICATION} and w.object_id = ${profileId} and ${visibleTo(orgId)}`,
  );
  return rows.length > 0;
}

type QueryRow = {
  id: string;
  region_code: string;
  unit_name: string;
  series: string;
  level: OrgLevel;
  contact_name: string;
  mobile_phone: string;
  address: string;
  total: string;
};

/**
 * 行业主管查询's scope (SPEC §13): approved authorities of the viewer's series, below its level,
 * inside its region (a provincial authority: the whole province).
 */
export function lowerAuthoritiesWhere(scope: AuthorityScope): SQL {
  const below = scope.level === 'province' ? sql`p.level in ('city', 'county')` : sql`p.level = 'county'`;
  return all([
    sql`p.role = 'authority' and p.status = 'approved' and p.series = ${scope.series}`,
    scope.level === 'county' ? sql`false` : below,
    scope.region.kind === 'prefix' ? sql`p.region_code like ${`${scope.region.prefix}%`}` : undefined,
  ]);
}

export async function listLowerAuthorities(
  q: Queryable,
  scope: AuthorityScope,
  f: { name?: string },
  page: PageRequest,
) {
  const where = all([
    lowerAuthoritiesWhere(scope),
    f.name ? sql`p.unit_name ilike ${likePattern(f.name)}` : undefined,
  ]);
  const rows = await queryNamed<QueryRow>(
    q,
    'authority_query',
    sql`select p.id, p.region_code, p.unit_name, p.series, p.level, p.contact_name, p.mobile_phone,
          p.address, count(*) over () as total
        from org_profiles p where ${where}
        order by p.region_code asc, p.unit_name asc, p.id asc ${pageClause(page)}`,
  );
  const total = await totalOf(rows, async () => {
    const [c] = await queryNamed<{ n: number }>(
      q,
      'authority_query_count',
      sql`select count(*)::int as n from org_profiles p where ${where}`,
    );
    return c.n;
  });
  return { rows, total };
}

/** One lower authority in the viewer's scope, or null. */
export async function lowerAuthority(q: Queryable, scope: AuthorityScope, id: string) {
  const rows = await queryNamed<{ id: string }>(
    q,
    'authority_query_one',
    sql`select p.id from org_profiles p where p.id = ${id} and ${lowerAuthoritiesWhere(scope)}`,
  );
  return rows.length > 0 ? profileById(q, id) : null;
}

/** The application's workflow item, unlocked (pages); decisions lock it through the engine. */
export async function itemOf(q: Queryable, profileId: string) {
  const [row] = await q
    .select()
    .from(workflowItems)
    .where(and(eq(workflowItems.objectType, APPLICATION), eq(workflowItems.objectId, profileId)));
  return row ?? null;
}
