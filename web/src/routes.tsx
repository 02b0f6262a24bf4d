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
import { HomePage } from './pages/home';
import { AuditPage } from './pages/hrss/audit';
import { RealnameReviewPage } from './pages/hrss/realname';
import { SmsOutboxPage } from './pages/hrss/sms-outbox';

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
      { path: '/hrss/audit', name: '审计日志', access: 'audit.read', component: AuditPage },
    ],
  },
];

/** Pages for visitors (统一认证 login, registration, password recovery). */
export const publicRoutes: AppRoute[] = [
  { path: '/login', name: '用户登录', component: LoginPage },
  { path: '/register/person', name: '个人注册', component: RegisterPersonPage },
  { path: '/register/unit', name: '单位注册', component: RegisterUnitPage },
  { path: '/password/reset', name: '密码找回', component: PasswordResetPage },
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
