import { WORKFLOW_ACTION_LABELS } from '@ce/shared';
import { type BulkColumn, type BulkValue, bulkInsert, type Queryable } from '../core/db';
import { INSTITUTION_NAMES, pick, type Rand, STUDY_FORMS_USED } from './scale-data';
import type { ScaleRecord } from './scale-records';

/** Multi-row INSERTs of the scale seed: column arrays through unnest, 10,000 rows a statement. */
const CHUNK = 10_000;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export type Value = BulkValue;

const bulk = (db: Queryable, table: string, cols: readonly BulkColumn[], rows: readonly Value[][]) =>
  bulkInsert(db, table, cols, rows, CHUNK);

export interface ScaleEmployer {
  id: string;
  agentId: string;
  agentName: string;
  name: string;
  city: { code: string; name: string };
  county: string;
  cert: string;
  login: string;
  agentLogin: string;
  agentIdNumber: string;
}

/** 法人单位 with an approved employer role and an authorized agent each. */
export async function insertEmployers(
  db: Queryable,
  employers: readonly ScaleEmployer[],
  passwordHash: string,
  now: string,
  personName: () => string,
) {
  await bulk(
    db,
    'accounts',
    [
      ['id', 'uuid'],
      ['kind', 'text'],
      ['login_name', 'text'],
      ['password_hash', 'text'],
    ],
    employers.flatMap((e) => [
      [e.id, 'unit', e.login, passwordHash],
      [e.agentId, 'person', e.agentLogin, passwordHash],
    ]),
  );
  await bulk(
    db,
    'persons',
    [
      ['account_id', 'uuid'],
      ['real_name', 'text'],
      ['id_number', 'text'],
      ['phone', 'text'],
      ['realname_level', 'int2'],
    ],
    employers.map((e, i) => [e.agentId, e.agentName, e.agentIdNumber, `13${pad(900_000_000 + i, 9)}`, 2]),
  );
  const unitCols = [
    ['account_id', 'uuid'],
    ['name', 'text'],
    ['cert_type', 'text'],
    ['cert_number', 'text'],
    ['province_code', 'text'],
    ['city_code', 'text'],
    ['county_code', 'text'],
    ['region_code', 'text'],
    ['address', 'text'],
    ['legal_representative', 'text'],
    ['contact_name', 'text'],
    ['contact_phone', 'text'],
  ] as const;
  await bulk(
    db,
    'units',
    unitCols,
    employers.map((e) => [
      e.id,
      e.name,
      'uscc',
      e.cert,
      '44',
      e.city.code,
      e.county,
      e.county,
      `${e.city.name}${e.county}号`,
      personName(),
      e.agentName,
      '13800000000',
    ]),
  );
  await bulk(
    db,
    'org_roles',
    [
      ['unit_id', 'uuid'],
      ['role', 'text'],
      ['level', 'text'],
      ['region_code', 'text'],
    ],
    employers.map((e) => [e.id, 'employer', 'county', e.county]),
  );
  await bulk(
    db,
    'org_profiles',
    [
      ['unit_id', 'uuid'],
      ['role', 'text'],
      ['status', 'text'],
      ['unit_name', 'text'],
      ['cert_type', 'text'],
      ['cert_number', 'text'],
      ['nature', 'text'],
      ['level', 'text'],
      ['region_code', 'text'],
      ['contact_name', 'text'],
      ['office_phone', 'text'],
      ['mobile_phone', 'text'],
      ['email', 'text'],
      ['postal_code', 'text'],
      ['address', 'text'],
      ['description', 'text'],
    ],
    employers.map((e) => [
      e.id,
      'employer',
      'approved',
      e.name,
      'uscc',
      e.cert,
      '民营企业',
      'county',
      e.county,
      e.agentName,
      '020-88880000',
      '13800000000',
      'hr@example.com',
      '510000',
      `${e.city.name}${e.county}号`,
      '专业技术服务',
    ]),
  );
  await bulk(
    db,
    'agent_bindings',
    [
      ['unit_id', 'uuid'],
      ['person_id', 'uuid'],
      ['status', 'text'],
      ['authorized', 'bool'],
      ['responded_at', 'timestamptz'],
    ],
    employers.map((e) => [e.id, e.agentId, 'active', true, now]),
  );
}

/** One registered person (level-2 real name) with a confirmed professional profile at `employer`. */
export interface ScalePerson {
  accountId: string;
  profId: string;
  login: string;
  name: string;
  idNumber: string;
  birthDate: string;
  phone: string;
  profile: { education: string; degree: string; qualification: string; series: string };
  employer: { id: string; city: { name: string } };
}

/** The rows of `insertPeople` for one person. */
export function personRows(
  rows: { accounts: Value[][]; persons: Value[][]; profs: Value[][] },
  p: ScalePerson,
  passwordHash: string,
  now: string,
) {
  const grad = Number(p.birthDate.slice(0, 4)) + 22;
  rows.accounts.push([p.accountId, 'person', p.login, passwordHash]);
  rows.persons.push([p.accountId, p.name, p.idNumber, p.phone, 2]);
  rows.profs.push([
    p.profId,
    p.accountId,
    p.idNumber,
    p.name,
    Number(p.idNumber[16]) % 2 === 1 ? 'male' : 'female',
    p.birthDate,
    '汉族',
    p.employer.city.name,
    p.profile.education,
    p.profile.degree,
    '土木工程',
    '华南理工大学',
    `${grad}-07-01`,
    `${grad}-08-01`,
    p.phone,
    p.profile.qualification,
    p.profile.series,
    '专业技术工作',
    p.employer.id,
    'confirmed',
    now,
  ]);
}

/** The `ce_records` row of `insertRecords` for one generated record (an approved one has its hours). */
export function recordRow(
  rand: Rand,
  r: ScaleRecord,
  ids: { recordId: string; profId: string; source: string; createdBy: string },
  employer: { id: string; city: { name: string } },
): Value[] {
  const granted = r.state === 'approved' ? (r.assessment === 'failed' ? 0 : r.hours) : null;
  return [
    ids.recordId,
    ids.profId,
    ids.source,
    employer.id,
    r.courseName,
    r.subjectType,
    pick(rand, STUDY_FORMS_USED),
    r.startDate,
    r.endDate,
    r.days,
    r.hours,
    r.assessment,
    granted,
    granted,
    pick(rand, INSTITUTION_NAMES),
    Number(r.endDate.slice(0, 4)),
    employer.city.name,
    ids.createdBy,
    r.submittedAt,
  ];
}

const DECISIONS = {
  approved: ['approve', '同意'],
  returned: ['return', '附件材料不全，请补充后重新提交'],
  rejected: ['reject', '培训内容与专业不符'],
} as const;

/**
 * The `workflow_items` row and `workflow_history` rows of `insertRecords` for one generated
 * record: a person's 确认送审 and the employer's decision, or the employer's own 确认.
 */
export function workflowRows(
  out: { items: Value[][]; history: Value[][] },
  r: ScaleRecord,
  ids: { itemId: string; recordId: string; accountId: string; name: string },
  employer: Pick<ScaleEmployer, 'id' | 'agentId' | 'agentName' | 'name'>,
) {
  const confirm = r.source === 'employer';
  const submitted = r.state !== 'draft' && !confirm;
  out.items.push([
    ids.itemId,
    'ce_record',
    ids.recordId,
    r.state,
    r.state === 'submitted' ? employer.id : null,
    submitted ? '继续教育记录申报单位审批' : null,
    submitted ? ids.accountId : null,
    r.state === 'draft' ? null : r.submittedAt,
    r.state === 'draft' ? 0 : r.state === 'submitted' || confirm ? 1 : 2,
  ]);
  const agent = [employer.agentId, employer.agentName, employer.id, employer.name] as const;
  if (confirm) {
    const label = WORKFLOW_ACTION_LABELS.confirm;
    out.history.push([ids.itemId, 1, '继续教育记录申报', 'confirm', ...agent, label, r.submittedAt]);
    return;
  }
  if (r.state === 'draft') return;
  const label = WORKFLOW_ACTION_LABELS.submit;
  out.history.push([
    ids.itemId,
    1,
    '继续教育记录申报',
    'submit',
    ids.accountId,
    ids.name,
    null,
    null,
    label,
    r.submittedAt,
  ]);
  if (r.state === 'submitted') return;
  const [action, opinion] = DECISIONS[r.state];
  out.history.push([ids.itemId, 2, '继续教育记录申报单位审批', action, ...agent, opinion, r.decidedAt]);
}

export async function insertPeople(db: Queryable, accounts: Value[][], persons: Value[][], profs: Value[][]) {
  await bulk(
    db,
    'accounts',
    [
      ['id', 'uuid'],
      ['kind', 'text'],
      ['login_name', 'text'],
      ['password_hash', 'text'],
    ],
    accounts,
  );
  await bulk(
    db,
    'persons',
    [
      ['account_id', 'uuid'],
      ['real_name', 'text'],
      ['id_number', 'text'],
      ['phone', 'text'],
      ['realname_level', 'int2'],
    ],
    persons,
  );
  await bulk(
    db,
    'professionals',
    [
      ['id', 'uuid'],
      ['person_id', 'uuid'],
      ['id_number', 'text'],
      ['name', 'text'],
      ['sex', 'text'],
      ['birth_date', 'date'],
      ['ethnicity', 'text'],
      ['native_place', 'text'],
      ['education', 'text'],
      ['degree', 'text'],
      ['major', 'text'],
      ['school', 'text'],
      ['graduation_date', 'date'],
      ['work_start_date', 'date'],
      ['phone', 'text'],
      ['qualification', 'text'],
      ['series', 'text'],
      ['specialty', 'text'],
      ['employer_id', 'uuid'],
      ['binding_status', 'text'],
      ['binding_at', 'timestamptz'],
    ],
    profs,
  );
}

export async function insertRecords(db: Queryable, records: Value[][], items: Value[][], history: Value[][]) {
  await bulk(
    db,
    'ce_records',
    [
      ['id', 'uuid'],
      ['professional_id', 'uuid'],
      ['source', 'text'],
      ['employer_id', 'uuid'],
      ['course_name', 'text'],
      ['subject_type', 'text'],
      ['study_form', 'text'],
      ['start_date', 'date'],
      ['end_date', 'date'],
      ['days', 'numeric'],
      ['declared_hours', 'numeric'],
      ['assessment', 'text'],
      ['reviewed_hours', 'numeric'],
      ['recognised_hours', 'numeric'],
      ['institution_name', 'text'],
      ['year', 'int2'],
      ['location', 'text'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    records,
  );
  await bulk(
    db,
    'workflow_items',
    [
      ['id', 'uuid'],
      ['object_type', 'text'],
      ['object_id', 'uuid'],
      ['state', 'text'],
      ['reviewer_unit_id', 'uuid'],
      ['step', 'text'],
      ['submitter_id', 'uuid'],
      ['submitted_at', 'timestamptz'],
      ['version', 'int4'],
    ],
    items,
  );
  await bulk(
    db,
    'workflow_history',
    [
      ['item_id', 'uuid'],
      ['seq', 'int4'],
      ['step', 'text'],
      ['action', 'text'],
      ['actor_id', 'uuid'],
      ['actor_name', 'text'],
      ['actor_unit_id', 'uuid'],
      ['actor_unit_name', 'text'],
      ['opinion', 'text'],
      ['at', 'timestamptz'],
    ],
    history,
  );
}
