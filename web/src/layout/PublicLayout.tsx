import { Layout, Typography } from 'antd';
import { Link, Outlet } from 'react-router';
import { SYSTEM_TITLE } from './AppLayout';

/** Login, registration and password recovery: no menu, the page centred. */
export function PublicLayout() {
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
          <Outlet />
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>{SYSTEM_TITLE}</Layout.Footer>
    </Layout>
  );
}
