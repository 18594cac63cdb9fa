import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useAuth } from '../auth/auth-context';
import { useI18n } from '../i18n/context';

/** Who is signed in (name, role, scope) and the way out. */
export function UserMenu() {
  const { t } = useI18n();
  const { session, signOut } = useAuth();
  if (!session) return null;
  const { user } = session;
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'role', disabled: true, label: t(`role.${user.role}`) },
          {
            key: 'scope',
            disabled: true,
            label: t('user.scope', { scope: user.regionCode ?? t('user.allRegions') }),
          },
          { type: 'divider' },
          {
            key: 'sign-out',
            icon: <LogoutOutlined />,
            label: t('signIn.signOut'),
            onClick: () => void signOut(),
          },
        ],
      }}
    >
      <Button type="text" icon={<UserOutlined />} style={{ color: '#fff' }} data-testid="user-menu">
        {user.username}
      </Button>
    </Dropdown>
  );
}
