import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  ReadOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@ce/shared';
import type { MenuProps } from 'antd';
import { type ComponentType, lazy, type ReactNode } from 'react';

/**
 * A page loaded when first opened (its own chunk): the login page does not download every screen.
 * Pages export named components; `pick` names the one to show.
 */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, pick: keyof M): ComponentType {
  return lazy(() => load().then((m) => ({ default: m[pick] as ComponentType })));
}

const CertificateSettingsPage = page(
  () => import('./pages/hrss/certificate-settings'),
  'CertificateSettingsPage',
);
const AgenciesPage = page(() => import('./pages/account/agencies'), 'AgenciesPage');
const AgentsPage = page(() => import('./pages/account/agents'), 'AgentsPage');
const RealnamePage = page(() => import('./pages/account/realname'), 'RealnamePage');
const LoginPage = page(() => import('./pages/auth/login'), 'LoginPage');
const PasswordChangePage = page(() => import('./pages/auth/password-change'), 'PasswordChangePage');
const PasswordResetPage = page(() => import('./pages/auth/password-reset'), 'PasswordResetPage');
const RegisterPersonPage = page(() => import('./pages/auth/register-person'), 'RegisterPersonPage');
const RegisterUnitPage = page(() => import('./pages/auth/register-unit'), 'RegisterUnitPage');
const StaffCertificatesPage = page(() => import('./pages/employer/certificates'), 'StaffCertificatesPage');
const EmployerProfilePage = page(() => import('./pages/employer/profile'), 'EmployerProfilePage');
const RecordsCorrectPage = page(() => import('./pages/employer/records-correct'), 'RecordsCorrectPage');
const RecordsDeclarePage = page(() => import('./pages/employer/records-declare'), 'RecordsDeclarePage');
const RecordsImportPage = page(() => import('./pages/employer/records-import'), 'RecordsImportPage');
const RecordsQueryPage = page(() => import('./pages/employer/records-query'), 'RecordsQueryPage');
const RecordsReviewPage = page(() => import('./pages/employer/records-review'), 'RecordsReviewPage');
const EmployerRoleApplyPage = page(() => import('./pages/employer/role-apply'), 'EmployerRoleApplyPage');
const StaffPage = page(() => import('./pages/employer/staff'), 'StaffPage');
const StaffConfirmPage = page(() => import('./pages/employer/staff-confirm'), 'StaffConfirmPage');
const HomePage = page(() => import('./pages/home'), 'HomePage');
const AuditPage = page(() => import('./pages/hrss/audit'), 'AuditPage');
const RealnameReviewPage = page(() => import('./pages/hrss/realname'), 'RealnameReviewPage');
const RequirementsPage = page(() => import('./pages/hrss/requirements'), 'RequirementsPage');
const SmsOutboxPage = page(() => import('./pages/hrss/sms-outbox'), 'SmsOutboxPage');
const PersonCertificatesPage = page(() => import('./pages/person/certificates'), 'PersonCertificatesPage');
const PersonHoursPage = page(() => import('./pages/person/hours'), 'PersonHoursPage');
const PersonProfilePage = page(() => import('./pages/person/profile'), 'PersonProfilePage');
const PersonRecordsPage = page(() => import('./pages/person/records'), 'PersonRecordsPage');
const CertificateVerifyPage = page(() => import('./pages/public/verify'), 'CertificateVerifyPage');
const OpinionsPage = page(() => import('./pages/workflow/opinions'), 'OpinionsPage');
const InstitutionRoleApplyPage = page(
  () => import('./pages/institution/role-apply'),
  'InstitutionRoleApplyPage',
);
const InstitutionProfilePage = page(() => import('./pages/institution/profile'), 'InstitutionProfilePage');
const QualificationsPage = page(() => import('./pages/institution/qualifications'), 'QualificationsPage');
const QualificationReviewPage = page(
  () => import('./pages/authority/qualification-review'),
  'QualificationReviewPage',
);
const TeachersPage = page(() => import('./pages/org/teachers'), 'TeachersPage');
const AuthorityRecordsQueryPage = page(
  () => import('./pages/authority/records-query'),
  'AuthorityRecordsQueryPage',
);
const AuthorityRoleApplyPage = page(() => import('./pages/authority/role-apply'), 'AuthorityRoleApplyPage');
const AuthorityProfilePage = page(() => import('./pages/authority/profile'), 'AuthorityProfilePage');
const LowerAuthorityReviewPage = page(
  () => import('./pages/authority/lower-reviews'),
  'LowerAuthorityReviewPage',
);
const AuthorityQueryPage = page(() => import('./pages/authority/query'), 'AuthorityQueryPage');
const AuthorityRoleReviewPage = page(
  () => import('./pages/hrss/authority-reviews'),
  'AuthorityRoleReviewPage',
);

/** One entry of the route table; an entry without `path` is a menu group. */
export interface AppRoute {
  path?: string;
  /** the menu name, in the manuals' words */
  name: string;
  /** the permission the actor needs (shared/src/access.ts); none = every signed-in actor */
  access?: Permission;
  component?: ComponentType;
  /** other names operators know the page by (another manual's menu): the menu search finds them */
  keywords?: string[];
  /** the menu icon (top-level entries: groups and 欢迎) */
  icon?: ReactNode;
  hideInMenu?: boolean;
  children?: AppRoute[];
}

/**
 * The signed-in part of the system: the routes and, in this order, the left menu
 * (ant-design-pro's config/routes.ts). Only screens that exist and work are listed.
 */
export const appRoutes: AppRoute[] = [
  { path: '/', name: '欢迎', icon: <HomeOutlined />, component: HomePage },
  {
    name: '资料维护',
    icon: <IdcardOutlined />,
    children: [
      {
        path: '/person/profile',
        name: '人员基本信息维护',
        access: 'profile.self',
        component: PersonProfilePage,
      },
    ],
  },
  {
    name: '个人业务',
    icon: <UserOutlined />,
    children: [
      { path: '/person/records', name: '继续教育记录', access: 'record.self', component: PersonRecordsPage },
      { path: '/person/hours', name: '年度学时情况', access: 'record.self', component: PersonHoursPage },
      {
        path: '/person/certificates',
        name: '继续教育证书打印',
        access: 'certificate.self',
        component: PersonCertificatesPage,
      },
    ],
  },
  {
    name: '法人单位',
    icon: <BankOutlined />,
    children: [
      {
        path: '/employer/role',
        name: '法人单位角色申请',
        access: 'role.apply',
        component: EmployerRoleApplyPage,
      },
      {
        path: '/employer/profile',
        name: '法人单位信息维护',
        access: 'employer.profile',
        component: EmployerProfilePage,
      },
    ],
  },
  {
    name: '行业主管部门',
    icon: <BankOutlined />,
    children: [
      {
        path: '/authority/role',
        name: '行业主管角色申请',
        access: 'role.apply',
        component: AuthorityRoleApplyPage,
      },
      {
        path: '/authority/profile',
        name: '行业主管部门信息维护',
        access: 'authority.profile',
        component: AuthorityProfilePage,
      },
    ],
  },
  {
    name: '施教机构',
    icon: <BankOutlined />,
    children: [
      {
        path: '/institution/role',
        name: '施教机构角色申请',
        access: 'role.apply',
        component: InstitutionRoleApplyPage,
      },
      {
        path: '/institution/qualifications',
        name: '专业培训资格申请',
        access: 'qualification.apply',
        component: QualificationsPage,
      },
      {
        path: '/institution/profile',
        name: '施教机构信息维护',
        access: 'institution.profile',
        component: InstitutionProfilePage,
      },
    ],
  },
  {
    name: '行业主管业务管理',
    icon: <AuditOutlined />,
    children: [
      {
        path: '/authority/lower-reviews',
        name: '下级行业主管部门信息审核',
        access: 'authority.lower.review',
        component: LowerAuthorityReviewPage,
      },
      {
        path: '/authority/qualification-review',
        name: '施教机构专业培训资格审核',
        access: 'qualification.review',
        component: QualificationReviewPage,
      },
    ],
  },
  {
    name: '专业技术人员信息管理',
    icon: <TeamOutlined />,
    children: [
      {
        path: '/employer/staff-confirm',
        name: '专业技术人员信息确认',
        access: 'staff.confirm',
        component: StaffConfirmPage,
      },
      { path: '/employer/staff', name: '专业技术人员信息维护', access: 'staff.manage', component: StaffPage },
    ],
  },
  {
    name: '继续教育记录管理',
    icon: <FileTextOutlined />,
    children: [
      {
        path: '/employer/records-declare',
        name: '继续教育记录申报',
        access: 'record.declare',
        component: RecordsDeclarePage,
      },
      {
        path: '/employer/records-import',
        name: '继续教育记录批量申报',
        access: 'record.declare',
        component: RecordsImportPage,
      },
      {
        path: '/employer/records-review',
        name: '继续教育记录认定',
        // manual 000 step 9: 专业技术人员课程管理 > 专业技术人员学时认定 (MANUAL-MAP §3 A1)
        keywords: ['专业技术人员学时认定', '继续教育记录审核'],
        access: 'record.review',
        component: RecordsReviewPage,
      },
      {
        path: '/employer/records-correct',
        name: '培训信息维护',
        access: 'record.correct',
        component: RecordsCorrectPage,
      },
      {
        path: '/employer/certificates',
        name: '继续教育证书打印',
        access: 'certificate.staff',
        component: StaffCertificatesPage,
      },
    ],
  },
  {
    name: '师资管理',
    icon: <ReadOutlined />,
    children: [
      { path: '/org/teachers', name: '师资信息维护', access: 'teacher.manage', component: TeachersPage },
    ],
  },
  {
    name: '查询统计',
    icon: <BarChartOutlined />,
    children: [
      {
        path: '/employer/records-query',
        name: '继续教育培训记录查询',
        access: 'record.query',
        component: RecordsQueryPage,
      },
      {
        path: '/authority/records-query',
        name: '继续教育记录查询',
        access: 'authority.records',
        component: AuthorityRecordsQueryPage,
      },
      {
        path: '/authority/query',
        name: '行业主管查询',
        access: 'authority.query',
        component: AuthorityQueryPage,
      },
    ],
  },
  {
    name: '账号中心',
    icon: <SolutionOutlined />,
    children: [
      { path: '/account/realname', name: '实名认证', access: 'realname.apply', component: RealnamePage },
      {
        path: '/account/agencies',
        name: '我经办的单位账号信息',
        access: 'agent.respond',
        component: AgenciesPage,
      },
      { path: '/account/agents', name: '子账号信息', access: 'unit.agents', component: AgentsPage },
      { path: '/password/change', name: '修改密码', access: 'account.self', component: PasswordChangePage },
    ],
  },
  {
    name: '人社部门',
    icon: <AuditOutlined />,
    children: [
      {
        path: '/hrss/authority-reviews',
        name: '行业主管角色审核',
        access: 'authority.review',
        component: AuthorityRoleReviewPage,
      },
      {
        path: '/hrss/realname',
        name: '实名认证审核',
        access: 'realname.review',
        component: RealnameReviewPage,
      },
      { path: '/hrss/sms-outbox', name: '短信发件箱', access: 'sms.outbox', component: SmsOutboxPage },
      {
        path: '/hrss/requirements',
        name: '年度学时要求设置',
        access: 'requirement.manage',
        component: RequirementsPage,
      },
      {
        path: '/hrss/certificate-settings',
        name: '证书设置',
        access: 'certificate.settings',
        component: CertificateSettingsPage,
      },
      { path: '/hrss/audit', name: '审计日志', access: 'audit.read', component: AuditPage },
    ],
  },
  {
    name: '系统设置',
    icon: <SettingOutlined />,
    children: [
      { path: '/workflow/opinions', name: '批注管理', access: 'workflow.settings', component: OpinionsPage },
    ],
  },
];

/** Pages for visitors (统一认证 login, registration, password recovery). */
export const publicRoutes: AppRoute[] = [
  { path: '/login', name: '用户登录', component: LoginPage },
  { path: '/register/person', name: '个人注册', component: RegisterPersonPage },
  { path: '/register/unit', name: '单位注册', component: RegisterUnitPage },
  { path: '/password/reset', name: '密码找回', component: PasswordResetPage },
  { path: '/verify', name: '继续教育证书查验', component: CertificateVerifyPage },
];

/** Every leaf route with a page, groups flattened. */
export function pageRoutes(routes: AppRoute[]): (AppRoute & { path: string; component: ComponentType })[] {
  return routes.flatMap((route) => {
    const own =
      route.path && route.component ? [{ ...route, path: route.path, component: route.component }] : [];
    return [...own, ...pageRoutes(route.children ?? [])];
  });
}

type MenuItem = NonNullable<MenuProps['items']>[number];

/**
 * The left menu: the route table filtered by the actor's permissions; empty groups disappear.
 * With a search text, only pages whose name or one of its keywords contains it (a page found by
 * a keyword shows that name too, e.g. 继续教育记录认定（专业技术人员学时认定）).
 */
export function menuItems(
  routes: AppRoute[],
  can: (p: Permission | undefined) => boolean,
  search = '',
): MenuItem[] {
  const text = search.trim();
  const items: MenuItem[] = [];
  for (const route of routes) {
    if (route.hideInMenu || !can(route.access)) continue;
    if (route.children) {
      const children = menuItems(route.children, can, text);
      if (children.length > 0) items.push({ key: route.name, label: route.name, icon: route.icon, children });
    } else if (route.path) {
      const alias =
        text && !route.name.includes(text) ? route.keywords?.find((k) => k.includes(text)) : undefined;
      if (text && !route.name.includes(text) && !alias) continue;
      items.push({
        key: route.path,
        label: alias ? `${route.name}（${alias}）` : route.name,
        icon: route.icon,
      });
    }
  }
  return items;
}

/** Open groups of the menu (all of them: the menu is short). */
export function menuGroupKeys(routes: AppRoute[]): string[] {
  return routes.filter((r) => r.children).map((r) => r.name);
}
