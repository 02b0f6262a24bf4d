import { Breadcrumb, Typography } from 'antd';
import { useLocation } from 'react-router';
import { type AppRoute, appRoutes } from '../routes';
import { routeTrail, useDocumentTitle } from './page-title';

/**
 * Above every signed-in page (ant-design-pro's PageContainer): the breadcrumb from the route
 * table (group › page) and the page's name; the page's name is also the browser title.
 */
export function PageHeader({ routes = appRoutes }: { routes?: AppRoute[] }) {
  const { pathname } = useLocation();
  const trail = routeTrail(routes, pathname);
  const current = trail.at(-1);
  const name = current?.name ?? '页面不存在';
  useDocumentTitle(name);
  return (
    <div
      data-testid="page-header"
      style={{ background: '#fff', padding: '12px 24px 14px', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
    >
      <Breadcrumb items={[...trail.slice(0, -1).map((r) => ({ title: r.name })), { title: name }]} />
      <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
        {name}
      </Typography.Title>
    </div>
  );
}
