import type { RecordSource, SubjectType, WorkflowState } from '@ce/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import {
  enumLiteral,
  likePattern,
  type PageRequest,
  pageClause,
  queryNamed,
  totalOf,
} from '../../core/list-query';

/**
 * The record lists (个人的继续教育记录, 继续教育记录申报 / 认定 / 培训记录查询) — the list pattern of
 * core/list-query.ts: the page's ids with the scope and filters, then the page's columns.
 * Every read takes the caller's scope (SPEC §13): a person sees only their own records; an
 * employer sees the records it holds for its confirmed staff, and the ones it approved stay
 * visible after the person leaves (SPEC §4); an authority sees the approved records of the
 * professionals of its 专业序列 whose employer lies in its region (SPEC §13, 002 §1.7.1).
 */
export type RecordScope =
  | { kind: 'person'; personId: string }
  | { kind: 'employer'; unitId: string }
  | AuthorityRecordScope;

/**
 * An authority's records: `series` is its 专业序列; `regionPattern` a LIKE pattern of its
 * employers' region codes ('4401%' for a city, '%' for the province), bound as a parameter so
 * one prepared statement serves every authority.
 */
export interface AuthorityRecordScope {
  kind: 'authority';
  series: string;
  regionPattern: string;
}

/** Which employer list: 继续教育记录申报, 继续教育记录认定 or 继续教育培训记录查询. */
export type EmployerView = 'declared' | 'review' | 'query';

export interface RecordFilters {
  view?: EmployerView;
  state?: WorkflowState;
  year?: number;
  subjectType?: SubjectType;
  courseName?: string;
  name?: string;
  idNumber?: string;
  studyForm?: string;
  institutionName?: string;
  source?: RecordSource;
}

/** What a list row shows (presentListItem); a full RecordRow has all of it. */
export interface RecordListRow {
  r: {
    id: string;
    subjectType: SubjectType;
    courseName: string;
    studyForm: string;
    startDate: string;
    endDate: string;
    year: number;
    declaredHours: number;
    reviewedHours: number | null;
    recognisedHours: number | null;
    assessment: 'passed' | 'failed';
    institutionName: string | null;
    source: RecordSource;
  };
  w: { state: WorkflowState; step: string | null };
  p: { name: string; idNumber: string };
  employerName: string | null;
  reviewerUnitName: string | null;
  lastStep: string | null;
  lastUnitName: string | null;
}

const and = (parts: (SQL | undefined)[]) =>
  sql.join(
    parts.filter((p): p is SQL => p !== undefined),
    sql` and `,
  );

/** The reader's scope over `ce_records` joined with its `workflow_items` (lists and details). */
export function scopeWhere(scope: RecordScope): SQL {
  if (scope.kind === 'authority') {
    // approved records only (the 查询 of recognised training), of the professionals of its series
    // confirmed by an employer in its region: a semi-join the professionals' employer index answers
    return sql`workflow_items.state = 'approved'
      and ce_records.professional_id in (select ap.id from professionals ap
        where ap.series = ${scope.series} and ap.binding_status = 'confirmed'
          and ap.employer_id in (select au.account_id from units au where au.region_code like ${scope.regionPattern}))`;
  }
  if (scope.kind === 'person') {
    // an employer's own declaration is the person's once the employer has 确认 it
    return sql`ce_records.professional_id = (select id from professionals where person_id = ${scope.personId})
      and (ce_records.source <> 'employer' or workflow_items.state = 'approved')`;
  }
  // SPEC §4: the person is this unit's confirmed staff now, or the record was approved by it.
  // Nothing else, not even an item left at its desk: a person who leaves takes their 待办 along
  // (records.unbinding.ts returns them), and this guards any that slipped through.
  // A person's draft is theirs alone until 确认送审. (`= any(array(…))` is computed once per
  // query; an `in (…)` inside the OR was costed once per record and steered the planner to a
  // scan of every workflow item.)
  const unit = scope.unitId;
  return sql`ce_records.employer_id = ${unit}
    and (workflow_items.state = 'approved' or ce_records.professional_id = any(array(
          select id from professionals where employer_id = ${unit} and binding_status = 'confirmed')))
    and (ce_records.source = 'employer' or workflow_items.state <> 'draft')`;
}

function viewWhere(scope: RecordScope, view: EmployerView | undefined, state?: WorkflowState) {
  if (!view || scope.kind !== 'employer') return undefined;
  if (view === 'declared') return sql`ce_records.source = 'employer'`;
  if (view === 'query') return sql`workflow_items.state = 'approved'`;
  // 待办 items wait at this unit (the queue index); every other record this unit reviewed
  // belongs to it (reviewer = the employer at 确认送审)
  return sql`ce_records.source <> 'employer' and workflow_items.state <> 'draft'${
    state === 'submitted' ? sql` and workflow_items.reviewer_unit_id = ${scope.unitId}` : sql``
  }`;
}

function filterWhere(scope: RecordScope, f: RecordFilters): SQL {
  return and([
    scopeWhere(scope),
    viewWhere(scope, f.view, f.state),
    f.state ? sql`workflow_items.state = ${enumLiteral(f.state)}` : undefined,
    f.year ? sql`ce_records.year = ${f.year}` : undefined,
    f.subjectType ? sql`ce_records.subject_type = ${enumLiteral(f.subjectType)}` : undefined,
    f.courseName ? sql`ce_records.course_name ilike ${likePattern(f.courseName)}` : undefined,
    f.name
      ? sql`exists (select 1 from professionals fp where fp.id = ce_records.professional_id and fp.name ilike ${likePattern(f.name)})`
      : undefined,
    f.idNumber
      ? sql`ce_records.professional_id in (select id from professionals where id_number = ${f.idNumber.toUpperCase()})`
      : undefined,
    f.studyForm ? sql`ce_records.study_form = ${f.studyForm}` : undefined,
    f.institutionName ? sql`ce_records.institution_name ilike ${likePattern(f.institutionName)}` : undefined,
    f.source ? sql`ce_records.source = ${enumLiteral(f.source)}` : undefined,
  ]);
}

const FROM = sql`from ce_records join workflow_items
  on workflow_items.object_type = 'ce_record' and workflow_items.object_id = ce_records.id`;

type Row = {
  id: string;
  subject_type: SubjectType;
  course_name: string;
  study_form: string;
  start_date: string;
  end_date: string;
  year: number;
  declared_hours: number;
  reviewed_hours: number | null;
  recognised_hours: number | null;
  assessment: 'passed' | 'failed';
  institution_name: string | null;
  source: RecordSource;
  state: WorkflowState;
  step: string | null;
  name: string;
  id_number: string;
  employer_name: string | null;
  reviewer_unit_name: string | null;
  last_step: string | null;
  last_unit_name: string | null;
  total: string;
};

const toListRow = (x: Row): RecordListRow => ({
  r: {
    id: x.id,
    subjectType: x.subject_type,
    courseName: x.course_name,
    studyForm: x.study_form,
    startDate: x.start_date,
    endDate: x.end_date,
    year: x.year,
    declaredHours: x.declared_hours,
    reviewedHours: x.reviewed_hours,
    recognisedHours: x.recognised_hours,
    assessment: x.assessment,
    institutionName: x.institution_name,
    source: x.source,
  },
  w: { state: x.state, step: x.step },
  p: { name: x.name, idNumber: x.id_number },
  employerName: x.employer_name,
  reviewerUnitName: x.reviewer_unit_name,
  lastStep: x.last_step,
  lastUnitName: x.last_unit_name,
});

export async function listRecords(
  q: Queryable,
  scope: RecordScope,
  f: RecordFilters,
  page: PageRequest,
): Promise<{ items: RecordListRow[]; total: number }> {
  const where = filterWhere(scope, f);
  // the 待办 tab is worked oldest first; every other list shows the newest first
  const queue = f.view === 'review' && f.state === 'submitted';
  const key = queue ? sql`workflow_items.submitted_at` : sql`ce_records.created_at`;
  const order = queue ? sql`t.sort_key asc, t.id asc` : sql`t.sort_key desc, t.id asc`;
  const rows = await queryNamed<Row>(
    q,
    'records_list',
    sql`select r.id, r.subject_type, r.course_name, r.study_form, r.start_date, r.end_date, r.year,
          r.declared_hours::float8 as declared_hours, r.reviewed_hours::float8 as reviewed_hours,
          r.recognised_hours::float8 as recognised_hours, r.assessment, r.institution_name, r.source,
          w.state, w.step, p.name, p.id_number, eu.name as employer_name,
          ru.name as reviewer_unit_name, h.step as last_step, h.actor_unit_name as last_unit_name, t.total
        from (select ce_records.id, ${key} as sort_key, count(*) over () as total ${FROM}
              where ${where} order by ${key} ${queue ? sql`asc` : sql`desc`}, ce_records.id asc ${pageClause(page)}) t
        join ce_records r on r.id = t.id
        join workflow_items w on w.object_type = 'ce_record' and w.object_id = r.id
        join professionals p on p.id = r.professional_id
        left join units eu on eu.account_id = r.employer_id
        left join units ru on w.state = 'submitted' and ru.account_id = w.reviewer_unit_id
        left join lateral (select h.step, h.actor_unit_name from workflow_history h
                            where w.state <> 'submitted' and h.item_id = w.id order by h.seq desc limit 1) h on true
        order by ${order}`,
  );
  const total = await totalOf(rows, async () => {
    const [c] = await queryNamed<{ n: number }>(
      q,
      'records_count',
      sql`select count(*)::int as n ${FROM} where ${where}`,
    );
    return c.n;
  });
  return { items: rows.map(toListRow), total };
}
