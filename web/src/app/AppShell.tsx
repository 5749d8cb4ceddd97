import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Divider, Dropdown, Flex, Layout, Menu, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { DemoDataTag } from '../components/DemoDataTag';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { RoleTag } from '../components/tags';
import { useActor, useLogout } from '../features/auth/use-session';
import { BRAND_RED } from './AppProviders';
import { FullPageSpinner } from './guards';
import { moduleLabelKey, modulesFor } from './modules';

export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: size,
        height: size,
        borderRadius: size / 5,
        background: BRAND_RED,
        color: '#fff',
        fontWeight: 700,
        fontSize: size * 0.56,
        flex: 'none',
      }}
    >
      产
    </span>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const actor = useActor();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
          { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'account') navigate('/account');
          if (key === 'password') navigate('/account?tab=password');
          if (key === 'logout') {
            logout.mutate(undefined, {
              onSettled: () => {
                void message.success(t('header.signedOut'));
                navigate('/login', { replace: true });
              },
            });
          }
        },
      }}
    >
      <Button type="text" aria-label={t('header.userMenu')} style={{ height: 44, paddingInline: 8 }}>
        <Flex align="center" gap={8}>
          <Avatar size={28} style={{ background: '#1d4f91' }}>
            {actor.displayName.slice(0, 1)}
          </Avatar>
          <Flex vertical align="flex-start" style={{ lineHeight: 1.25 }}>
            <Typography.Text strong>{actor.displayName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {actor.orgName}
            </Typography.Text>
          </Flex>
          <RoleTag role={actor.role} />
          <DownOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}

/** The signed-in frame: side menu of the modules this actor may open, header, page. */
export function AppShell() {
  const { t } = useTranslation();
  const actor = useActor();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const modules = modulesFor(actor.permissions);
  // The most specific entry: /conversion/analysis is its own, not /conversion's.
  const current = modules
    .filter((m) => location.pathname === m.path || location.pathname.startsWith(`${m.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={216}
        breakpoint="lg"
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Flex align="center" gap={10} style={{ height: 56, paddingInline: collapsed ? 24 : 18, overflow: 'hidden' }}>
          <BrandMark size={30} />
          {collapsed ? null : (
            <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap', letterSpacing: 1 }}>
              {t('app.name')}
            </Typography.Text>
          )}
        </Flex>
        <Menu
          theme="dark"
          mode="inline"
          aria-label={t('nav.menu')}
          selectedKeys={current ? [current.key] : []}
          items={modules.map((m) => ({ key: m.key, icon: m.icon, label: t(moduleLabelKey(m.key, actor.role)) }))}
          onClick={({ key }) => {
            const target = modules.find((m) => m.key === key);
            if (target) navigate(target.path);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #e8e8e8' }}
        >
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          <Flex align="center" gap={4}>
            <DemoDataTag />
            <LanguageSwitch />
            <Divider orientation="vertical" />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 20 }}>
          <Suspense fallback={<FullPageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, padding: '12px 0 16px' }}>
          {t('app.name')} · {t('app.copyright')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
