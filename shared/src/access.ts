/**
 * Permissions and who holds them (STYLE.md: a permission map per org role).
 * The server enforces these; the web only uses them to decide which menus to show.
 */
export const ORG_ROLES = ['employer', 'authority', 'institution', 'hrss'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const ORG_ROLE_LABELS: Record<OrgRole, string> = {
  employer: '法人单位',
  authority: '行业主管部门',
  institution: '施教机构',
  hrss: '人社部门',
};

export const PERMISSIONS = [
  /** own account: profile, password, sessions */
  'account.self',
  /** a person applies for level-2 real-name verification */
  'realname.apply',
  /** a person answers binding requests under 我经办的单位账号信息 */
  'agent.respond',
  /** a level-2 person registers a unit account (checked again in the policy) */
  'unit.register',
  /** a unit account manages its agents: 子账号信息, 新增绑定, 授权, 取消绑定 */
  'unit.agents',
  /** HRSS: 实名认证审核 */
  'realname.review',
  /** HRSS: read the SMS outbox of the default SMS adapter */
  'sms.outbox',
  /** HRSS: 审计日志 */
  'audit.read',
  /** an agent of any unit but an HRSS one: 法人单位 / 行业主管 / 施教机构角色申请 */
  'role.apply',
  /** a person: 人员基本信息维护 (own profile, pick the employer, 提交) */
  'profile.self',
  /** a person: 继续教育记录 (declare, attachments, 确认送审, own list and totals) */
  'record.self',
  /** a person: 继续教育证书打印 for themself */
  'certificate.self',
  /** employer: 法人单位信息维护 */
  'employer.profile',
  /** employer: 专业技术人员信息确认 (是/否, 人员确认) */
  'staff.confirm',
  /** employer: 专业技术人员信息维护 (新增, 修改, 解除绑定) */
  'staff.manage',
  /** employer: 继续教育记录申报 / 批量申报 for its staff */
  'record.declare',
  /** employer: 继续教育记录认定 (review what persons and institutions submitted) */
  'record.review',
  /** employer: 培训信息维护 (correct an approved record with a reason) */
  'record.correct',
  /** employer: 继续教育培训记录查询 */
  'record.query',
  /** employer: 继续教育证书打印 for its staff, 重新统计学时 */
  'certificate.staff',
  /** any reviewing org: 批注管理 and the two-reviewer setting */
  'workflow.settings',
  /** HRSS: 年度学时要求设置 */
  'requirement.manage',
  /** HRSS: 重新统计学时 of every person in its region (a background job) */
  'totals.recount',
  /** HRSS: 证书设置 (发证机关 and 公章 printed on the certificates of its region) */
  'certificate.settings',
  /** HRSS: 行业主管角色审核 (provincial authorities' applications) */
  'authority.review',
  /** authority: 行业主管部门信息维护 */
  'authority.profile',
  /** authority: 下级行业主管部门（行业组织）信息审核 (applications of the level below, same series) */
  'authority.lower.review',
  /** authority: 施教机构专业培训资格审核 */
  'qualification.review',
  /** authority: 行业主管查询 (lower-level authorities of its series) */
  'authority.query',
  /** authority: 继续教育记录查询 (records in its region and series) */
  'authority.records',
  /** institution: 施教机构信息维护 */
  'institution.profile',
  /** institution: 专业培训资格申请 */
  'qualification.apply',
  /** authority, institution, employer: 师资信息维护 (its own teachers) */
  'teacher.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What an actor is: a person for themself, a unit account logged in directly, or a person acting for a unit. */
export type ActorKind = 'person' | 'unit' | 'agent';

export const PERSON_PERMISSIONS: readonly Permission[] = [
  'account.self',
  'realname.apply',
  'agent.respond',
  'unit.register',
  'profile.self',
  'record.self',
  'certificate.self',
];

/** A unit account logged in directly sees only its account centre (SPEC §2). */
export const UNIT_ACCOUNT_PERMISSIONS: readonly Permission[] = ['account.self', 'unit.agents'];

/** Permissions of an agent acting for a unit, by the unit's org roles. */
export const ORG_ROLE_PERMISSIONS: Record<OrgRole, readonly Permission[]> = {
  employer: [
    'employer.profile',
    'staff.confirm',
    'staff.manage',
    'record.declare',
    'record.review',
    'record.correct',
    'record.query',
    'certificate.staff',
    'workflow.settings',
    'teacher.manage',
  ],
  authority: [
    'authority.profile',
    'authority.lower.review',
    'qualification.review',
    'authority.query',
    'authority.records',
    'teacher.manage',
    'workflow.settings',
  ],
  institution: ['institution.profile', 'qualification.apply', 'teacher.manage', 'workflow.settings'],
  hrss: [
    'realname.review',
    'sms.outbox',
    'audit.read',
    'requirement.manage',
    'totals.recount',
    'certificate.settings',
    'authority.review',
    'workflow.settings',
  ],
};

export const AGENT_BASE_PERMISSIONS: readonly Permission[] = ['account.self', 'role.apply'];

export function permissionsFor(kind: ActorKind, roles: readonly OrgRole[] = []): Permission[] {
  if (kind === 'person') return [...PERSON_PERMISSIONS];
  if (kind === 'unit') return [...UNIT_ACCOUNT_PERMISSIONS];
  const set = new Set<Permission>(AGENT_BASE_PERMISSIONS);
  // an HRSS org is created by the system administrator and applies for no role (SPEC §3)
  if (roles.includes('hrss')) set.delete('role.apply');
  for (const role of roles) for (const p of ORG_ROLE_PERMISSIONS[role]) set.add(p);
  return [...set];
}
