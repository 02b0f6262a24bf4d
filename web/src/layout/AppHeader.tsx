import { UserOutlined } from '@ant-design/icons';
import { App, Button, Flex, Layout, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useAccess } from '../access';
import { identityApi } from '../api/identity';
import type { SessionInfo } from '../api/types';
import { useApiError } from '../api/useApiError';
import { SYSTEM_TITLE } from './page-title';

export const HEADER_HEIGHT = 64;
export const PASSWORD_CHANGE_PATH = '/password/change';

/** The fixed header: the system's name, who is acting, 切换回个人账号, 修改密码, 退出. */
export function AppHeader({ session }: { session: SessionInfo }) {
  const { setSession } = useAccess();
  const { modal, message } = App.useApp();
  const onError = useApiError();
  const navigate = useNavigate();

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
        // Leave first, so the guard doesn't remember this page as the one to come back to.
        // flushSync: the router's update is a transition, which would otherwise render after setSession(null).
        navigate('/login', { replace: true, flushSync: true });
        setSession(null);
      },
    });
  };

  return (
    <Layout.Header
      style={{
        position: 'fixed',
        top: 0,
        insetInline: 0,
        zIndex: 100,
        height: HEADER_HEIGHT,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 16,
        paddingInline: 24,
      }}
    >
      <Link to="/" style={{ minWidth: 0 }}>
        <Typography.Title
          level={4}
          ellipsis
          style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap', fontSize: 18 }}
        >
          {SYSTEM_TITLE}
        </Typography.Title>
      </Link>
      <Flex align="center" gap={12} style={{ color: '#fff', flex: 'none', whiteSpace: 'nowrap' }}>
        {/* icons stay out of the buttons: their names are exactly the manual's words */}
        <span>
          <UserOutlined style={{ marginInlineEnd: 6 }} />
          {session.account.displayName}
        </span>
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
  );
}
