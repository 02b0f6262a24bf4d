import { Flex, Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAccess } from '../access';
import { appRoutes, menuGroupKeys, menuItems } from '../routes';
import { AppHeader, HEADER_HEIGHT, PASSWORD_CHANGE_PATH } from './AppHeader';
import { PageHeader } from './PageHeader';
import { SIDER_COLLAPSED_WIDTH, SIDER_WIDTH, SideMenu, useSiderCollapsed } from './SideMenu';

export { SYSTEM_TITLE } from './page-title';

/** While a page's chunk loads (the first time it opens). */
export function PageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin size="large" />
    </Flex>
  );
}

/**
 * The signed-in shell (ant-design-pro's BasicLayout): a fixed header, a fixed side menu that
 * folds, and the page — its header (breadcrumb, name) above it — scrolling alone.
 */
export function AppLayout() {
  const { session, can } = useAccess();
  const location = useLocation();
  const [collapsed, setCollapsed] = useSiderCollapsed();
  const [search, setSearch] = useState('');

  if (session === undefined) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (session === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  // SPEC §2: an account created for someone else must change its password before anything else.
  const mustChange = session.account.mustChangePassword;
  if (mustChange && location.pathname !== PASSWORD_CHANGE_PATH)
    return <Navigate to={PASSWORD_CHANGE_PATH} replace />;

  const items = mustChange
    ? [{ key: PASSWORD_CHANGE_PATH, label: '修改密码' }]
    : menuItems(appRoutes, can, search);
  const siderWidth = collapsed ? SIDER_COLLAPSED_WIDTH : SIDER_WIDTH;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader session={session} />
      <SideMenu
        // Remount when the forced password change ends, so every group opens again.
        menuKey={mustChange ? 'password-only' : 'full'}
        items={items}
        openKeys={menuGroupKeys(appRoutes)}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        search={mustChange ? undefined : { value: search, onChange: setSearch }}
      />
      <Layout style={{ marginInlineStart: siderWidth, paddingTop: HEADER_HEIGHT, minWidth: 0 }}>
        <PageHeader />
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
