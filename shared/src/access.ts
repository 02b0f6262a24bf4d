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
  /** any agent acting for a unit: 法人单位角色申请 (before the unit holds any role) */
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
  ],
  authority: ['workflow.settings'],
  institution: [],
  hrss: [
    'realname.review',
    'sms.outbox',
    'audit.read',
    'requirement.manage',
    'totals.recount',
    'certificate.settings',
    'workflow.settings',
  ],
};

export const AGENT_BASE_PERMISSIONS: readonly Permission[] = ['account.self', 'role.apply'];

export function permissionsFor(kind: ActorKind, roles: readonly OrgRole[] = []): Permission[] {
  if (kind === 'person') return [...PERSON_PERMISSIONS];
  if (kind === 'unit') return [...UNIT_ACCOUNT_PERMISSIONS];
  const set = new Set<Permission>(AGENT_BASE_PERMISSIONS);
  for (const role of roles) for (const p of ORG_ROLE_PERMISSIONS[role]) set.add(p);
  return [...set];
}
