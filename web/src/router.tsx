import type { Permission } from '@ce/shared';
import { Button, Flex, Result, Spin } from 'antd';
import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, useNavigate } from 'react-router';
import { useAccess } from './access';
import { PublicLayout } from './layout/PublicLayout';
import { appRoutes, pageRoutes, publicRoutes } from './routes';

/** The signed-in shell (menu, breadcrumb …) loads after login: the login page does not need it. */
const AppLayout = lazy(() => import('./layout/AppLayout').then((m) => ({ default: m.AppLayout })));

function ShellLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

function BackHome() {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      返回首页
    </Button>
  );
}

function RequireAccess({ access, component: Page }: { access?: Permission; component: ComponentType }) {
  const { can } = useAccess();
  if (!can(access)) {
    return (
      <Result status="403" title="无权访问" subTitle="抱歉，您没有访问此页面的权限。" extra={<BackHome />} />
    );
  }
  return <Page />;
}

function NotFound() {
  return (
    <Result status="404" title="页面不存在" subTitle="抱歉，您访问的页面不存在。" extra={<BackHome />} />
  );
}

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: pageRoutes(publicRoutes).map(({ path, component: Page }) => ({ path, element: <Page /> })),
  },
  {
    element: (
      <Suspense fallback={<ShellLoading />}>
        <AppLayout />
      </Suspense>
    ),
    children: [
      ...pageRoutes(appRoutes).map(({ path, access, component }) => ({
        path,
        element: <RequireAccess access={access} component={component} />,
      })),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
