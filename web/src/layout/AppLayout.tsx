import { App, Button, Flex, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useAccess } from '../access';
import { identityApi } from '../api/identity';
import { useApiError } from '../api/useApiError';
import { appRoutes, menuGroupKeys, menuItems } from '../routes';

export const SYSTEM_TITLE = '专业技术人员继续教育管理系统';
const PASSWORD_CHANGE_PATH = '/password/change';

/** The signed-in shell: header (who is acting, 切换回个人账号, 修改密码, 退出) and the menu. */
export function AppLayout() {
  const { session, setSession, can } = useAccess();
  const { modal, message } = App.useApp();
  const onError = useApiError();
  const location = useLocation();
  const navigate = useNavigate();

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

  const switchPerson = async () => {
    try {
      const result = await identityApi.switchPerson();
      setSession(result.session);
      void message.success('已切换回个人账号');
      navigate('/');
    } catch (error) {
      onError(error);
    }
  };

  const logout = () => {
    modal.confirm({
      title: '确定要退出系统吗？',
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          await identityApi.logout();
        } catch (error) {
          onError(error);
        }
        // Leave first, so the guard below doesn't remember this page as the one to come back to.
        // flushSync: the router's update is a transition, which would otherwise render after setSession(null).
        navigate('/login', { replace: true, flushSync: true });
        setSession(null);
      },
    });
  };

  const items = mustChange ? [{ key: PASSWORD_CHANGE_PATH, label: '修改密码' }] : menuItems(appRoutes, can);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {SYSTEM_TITLE}
        </Typography.Title>
        <Flex align="center" gap={12} style={{ color: '#fff' }}>
          <span>{session.account.displayName}</span>
          {session.actingUnit && (
            <>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                经办单位：{session.actingUnit.name}
              </Tag>
              <Button size="small" onClick={switchPerson}>
                切换回个人账号
              </Button>
            </>
          )}
          <Link to={PASSWORD_CHANGE_PATH} style={{ color: '#fff' }}>
            修改密码
          </Link>
          <Button size="small" type="primary" danger onClick={logout}>
            退出
          </Button>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={232} theme="light">
          <Menu
            // Remount when the forced password change ends, so every group opens again.
            key={mustChange ? 'password-only' : 'full'}
            mode="inline"
            items={items}
            selectedKeys={[location.pathname]}
            defaultOpenKeys={menuGroupKeys(appRoutes)}
            onClick={({ key }) => navigate(key)}
            style={{ height: '100%', borderInlineEnd: 0 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
