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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What an actor is: a person for themself, a unit account logged in directly, or a person acting for a unit. */
export type ActorKind = 'person' | 'unit' | 'agent';

export const PERSON_PERMISSIONS: readonly Permission[] = [
  'account.self',
  'realname.apply',
  'agent.respond',
  'unit.register',
];

/** A unit account logged in directly sees only its account centre (SPEC §2). */
export const UNIT_ACCOUNT_PERMISSIONS: readonly Permission[] = ['account.self', 'unit.agents'];

/** Permissions of an agent acting for a unit, by the unit's org roles. */
export const ORG_ROLE_PERMISSIONS: Record<OrgRole, readonly Permission[]> = {
  employer: [],
  authority: [],
  institution: [],
  hrss: ['realname.review', 'sms.outbox', 'audit.read'],
};

export const AGENT_BASE_PERMISSIONS: readonly Permission[] = ['account.self'];

export function permissionsFor(kind: ActorKind, roles: readonly OrgRole[] = []): Permission[] {
  if (kind === 'person') return [...PERSON_PERMISSIONS];
  if (kind === 'unit') return [...UNIT_ACCOUNT_PERMISSIONS];
  const set = new Set<Permission>(AGENT_BASE_PERMISSIONS);
  for (const role of roles) for (const p of ORG_ROLE_PERMISSIONS[role]) set.add(p);
  return [...set];
}
