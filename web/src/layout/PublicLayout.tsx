import { Flex, Layout, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { publicRoutes } from '../routes';
import { routeTrail, SYSTEM_TITLE, useDocumentTitle } from './page-title';

/** Login, registration and password recovery: no menu, the page centred; its name is the browser title. */
export function PublicLayout() {
  const { pathname } = useLocation();
  useDocumentTitle(routeTrail(publicRoutes, pathname).at(-1)?.name);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', paddingInline: 24 }}>
        <Link to="/login">
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            {SYSTEM_TITLE}
          </Typography.Title>
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: '32px 16px', display: 'flex', justifyContent: 'center' }}>
        <div style={{ width: '100%', maxWidth: 760 }}>
          <Suspense
            fallback={
              <Flex align="center" justify="center" style={{ minHeight: 240 }}>
                <Spin size="large" />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>{SYSTEM_TITLE}</Layout.Footer>
    </Layout>
  );
}
