import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Layout, Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { HEADER_HEIGHT } from './AppHeader';

export const SIDER_WIDTH = 232;
export const SIDER_COLLAPSED_WIDTH = 64;
const COLLAPSED_KEY = 'ce.sider.collapsed';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether the side menu is folded, remembered in this browser (localStorage). */
export function useSiderCollapsed(): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const set = (value: boolean) => {
    setCollapsed(value);
    try {
      localStorage.setItem(COLLAPSED_KEY, value ? '1' : '0');
    } catch {
      // private mode: the choice lasts until the page reloads
    }
  };
  return [collapsed, set];
}

interface SideMenuProps {
  items: NonNullable<MenuProps['items']>;
  /** groups open at first (all of them) */
  openKeys: string[];
  /** changes when the menu must start over (the forced password change ended) */
  menuKey: string;
  collapsed: boolean;
  onCollapse: (collapsed: boolean) => void;
  /** 搜索菜单 (by page name or another manual's name for it); absent while only 修改密码 is offered */
  search?: { value: string; onChange: (value: string) => void };
}

/**
 * The fixed side menu below the header (ant-design-pro's sider: 232 px, 64 px folded, 收起 at its
 * foot); a menu longer than the screen scrolls inside it, the page does not move.
 */
export function SideMenu({ items, openKeys, menuKey, collapsed, onCollapse, search }: SideMenuProps) {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <Layout.Sider
      theme="light"
      width={SIDER_WIDTH}
      collapsedWidth={SIDER_COLLAPSED_WIDTH}
      collapsible
      collapsed={collapsed}
      onCollapse={onCollapse}
      style={{
        position: 'fixed',
        insetInlineStart: 0,
        top: HEADER_HEIGHT,
        bottom: 0,
        zIndex: 10,
        borderInlineEnd: '1px solid rgba(5, 5, 5, 0.06)',
      }}
    >
      <div data-testid="side-menu" style={{ height: '100%', overflowY: 'auto', overflowX: 'hidden' }}>
        {search && !collapsed && (
          <div style={{ padding: '12px 16px 4px' }}>
            <Input
              allowClear
              placeholder="搜索菜单"
              aria-label="搜索菜单"
              prefix={<SearchOutlined />}
              value={search.value}
              onChange={(e) => search.onChange(e.target.value)}
            />
          </div>
        )}
        {items.length === 0 && search?.value ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有匹配的菜单" />
        ) : null}
        <Menu
          // a search opens every group that still has a match
          key={search?.value.trim() ? `${menuKey}:search` : menuKey}
          mode="inline"
          items={items}
          selectedKeys={[location.pathname]}
          defaultOpenKeys={openKeys}
          onClick={({ key }) => navigate(key)}
          style={{ borderInlineEnd: 0 }}
        />
      </div>
    </Layout.Sider>
  );
}
