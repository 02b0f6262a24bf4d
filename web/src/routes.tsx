import type { Permission } from '@ce/shared';
import type { MenuProps } from 'antd';
import type { ComponentType } from 'react';
import { AgenciesPage } from './pages/account/agencies';
import { AgentsPage } from './pages/account/agents';
import { RealnamePage } from './pages/account/realname';
import { LoginPage } from './pages/auth/login';
import { PasswordChangePage } from './pages/auth/password-change';
import { PasswordResetPage } from './pages/auth/password-reset';
import { RegisterPersonPage } from './pages/auth/register-person';
import { RegisterUnitPage } from './pages/auth/register-unit';
import { StaffCertificatesPage } from './pages/employer/certificates';
import { EmployerProfilePage } from './pages/employer/profile';
import { RecordsCorrectPage } from './pages/employer/records-correct';
import { RecordsDeclarePage } from './pages/employer/records-declare';
import { RecordsImportPage } from './pages/employer/records-import';
import { RecordsQueryPage } from './pages/employer/records-query';
import { RecordsReviewPage } from './pages/employer/records-review';
import { EmployerRoleApplyPage } from './pages/employer/role-apply';
import { StaffPage } from './pages/employer/staff';
import { StaffConfirmPage } from './pages/employer/staff-confirm';
import { HomePage } from './pages/home';
import { AuditPage } from './pages/hrss/audit';
import { RealnameReviewPage } from './pages/hrss/realname';
import { RequirementsPage } from './pages/hrss/requirements';
import { SmsOutboxPage } from './pages/hrss/sms-outbox';
import { PersonCertificatesPage } from './pages/person/certificates';
import { PersonHoursPage } from './pages/person/hours';
import { PersonProfilePage } from './pages/person/profile';
import { PersonRecordsPage } from './pages/person/records';
import { CertificateVerifyPage } from './pages/public/verify';
import { OpinionsPage } from './pages/workflow/opinions';

/** One entry of the route table; an entry without `path` is a menu group. */
export interface AppRoute {
  path?: string;
  /** the menu name, in the manuals' words */
  name: string;
  /** the permission the actor needs (shared/src/access.ts); none = every signed-in actor */
  access?: Permission;
  component?: ComponentType;
  hideInMenu?: boolean;
  children?: AppRoute[];
}

/**
 * The signed-in part of the system: the routes and, in this order, the left menu
 * (ant-design-pro's config/routes.ts). Only screens that exist and work are listed.
 */
export const appRoutes: AppRoute[] = [
  { path: '/', name: '欢迎', component: HomePage },
  {
    name: '资料维护',
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
    name: '专业技术人员信息管理',
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
    name: '查询统计',
    children: [
      {
        path: '/employer/records-query',
        name: '继续教育培训记录查询',
        access: 'record.query',
        component: RecordsQueryPage,
      },
    ],
  },
  {
    name: '账号中心',
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
    children: [
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
      { path: '/hrss/audit', name: '审计日志', access: 'audit.read', component: AuditPage },
    ],
  },
  {
    name: '系统设置',
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

/** The left menu: the route table filtered by the actor's permissions; empty groups disappear. */
export function menuItems(routes: AppRoute[], can: (p: Permission | undefined) => boolean): MenuItem[] {
  const items: MenuItem[] = [];
  for (const route of routes) {
    if (route.hideInMenu || !can(route.access)) continue;
    if (route.children) {
      const children = menuItems(route.children, can);
      if (children.length > 0) items.push({ key: route.name, label: route.name, children });
    } else if (route.path) {
      items.push({ key: route.path, label: route.name });
    }
  }
  return items;
}

/** Open groups of the menu (all of them: the menu is short). */
export function menuGroupKeys(routes: AppRoute[]): string[] {
  return routes.filter((r) => r.children).map((r) => r.name);
}
