import {
  BarChartOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  EditOutlined,
  FileTextOutlined,
  MenuOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { useI18n } from '../i18n/context';
import { LanguageSwitch } from './language-switch';
import { PageLoading } from './page-loading';
import { UserMenu } from './user-menu';

/** The frame of every signed-in view; without a session it sends the user to sign in and back. */
export function AppLayout() {
  const { t } = useI18n();
  const { session, can } = useAuth();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  if (session === undefined) return <PageLoading />;
  if (session === null)
    return <Navigate to={`/sign-in?next=${encodeURIComponent(pathname + search)}`} replace />;
  const items = [
    { key: '/overview', icon: <DashboardOutlined />, label: t('nav.overview'), show: can('plans:read') },
    { key: '/plans', icon: <TableOutlined />, label: t('nav.plans'), show: can('plans:read') },
    { key: '/compare', icon: <BarChartOutlined />, label: t('nav.compare'), show: can('plans:read') },
    { key: '/manual-values', icon: <EditOutlined />, label: t('nav.manualValues'), show: can('plans:read') },
    { key: '/tasks', icon: <CheckSquareOutlined />, label: t('nav.tasks'), show: can('plans:read') },
    { key: '/reports', icon: <FileTextOutlined />, label: t('nav.reports'), show: can('plans:read') },
    {
      key: '/imports',
      icon: <CloudUploadOutlined />,
      label: t('nav.imports'),
      show: can('plans:write') || can('records:write'),
    },
    { key: '/residents', icon: <TeamOutlined />, label: t('nav.residents'), show: can('records:read') },
  ].flatMap(({ show, ...item }) => (show ? [item] : []));
  // A plan's own pages (`/plans/5/tasks`) belong to their menu entry, not to the plan table's.
  const section = /^\/plans\/[^/]+\/(manual-values|tasks)/.exec(pathname)?.[1];
  const selected = items.find((item) => (section ? `/${section}` : pathname).startsWith(item.key))?.key;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: narrow ? 8 : 16,
          paddingInline: narrow ? 8 : 16,
        }}
      >
        {narrow && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            style={{ color: '#fff' }}
            aria-label={t('nav.menu')}
            onClick={() => setCollapsed(!collapsed)}
          />
        )}
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <LanguageSwitch />
        <UserMenu />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          theme="light"
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          onBreakpoint={setNarrow}
          trigger={null}
          style={narrow ? { position: 'absolute', zIndex: 10, height: '100%' } : undefined}
        >
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items}
            onClick={({ key }) => {
              navigate(key);
              if (narrow) setCollapsed(true);
            }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
