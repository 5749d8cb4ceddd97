import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES, type Role, type User } from '@changai/contracts';
import { Alert, Button, Card, Checkbox, Flex, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OrgPicker } from '../../components/OrgPicker';
import { PageHeader } from '../../components/PageHeader';
import { RoleTag } from '../../components/tags';
import { useCan } from '../auth/use-session';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RolesMatrix } from './RolesMatrix';
import { UserFormModal } from './UserFormModal';
import { useUserList } from './use-users';

const isRole = (v: string | null): v is Role => (ROLES as readonly string[]).includes(v ?? '');

function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {user.isActive ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
      {user.isLocked ? <Tag color="error">{t('users.locked')}</Tag> : null}
      {user.mustChangePassword ? <Tag color="warning">{t('users.mustChange')}</Tag> : null}
    </Space>
  );
}

function UsersTab() {
  const { t } = useTranslation();
  const canManage = useCan('users:manage');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const roleParam = params.get('role');
  const role = isRole(roleParam) ? roleParam : undefined;
  const orgId = params.get('orgId') ?? undefined;
  const includeInactive = params.get('inactive') === '1';
  const list = useUserList({ q: q || undefined, role, orgId, includeInactive });
  const [text, setText] = useState(q);
  const [editing, setEditing] = useState<{ user?: User } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Flex justify="space-between" gap={12} wrap style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            style={{ width: 240 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => setParam('q', value.trim() || undefined)}
          />
          <Select<Role>
            allowClear
            placeholder={t('users.role')}
            aria-label={t('users.role')}
            style={{ width: 160 }}
            value={role}
            onChange={(value) => setParam('role', value)}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <OrgPicker
            aria-label={t('users.org')}
            placeholder={t('users.org')}
            style={{ width: 240 }}
            value={orgId}
            onChange={(value) => setParam('orgId', value)}
          />
          <Checkbox checked={includeInactive} onChange={(e) => setParam('inactive', e.target.checked ? '1' : undefined)}>
            {t('users.includeInactive')}
          </Checkbox>
        </Flex>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('users.create')}
          </Button>
        ) : null}
      </Flex>
      {list.error ? <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} /> : null}
      <Table<User>
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={users}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { key: 'username', title: t('users.username'), dataIndex: 'username', width: 150 },
          { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', width: 150 },
          { key: 'role', title: t('users.role'), width: 140, render: (_, u) => <RoleTag role={u.role} /> },
          { key: 'org', title: t('users.org'), minWidth: 220, render: (_, u) => u.org.name },
          { key: 'status', title: t('common.status'), width: 190, render: (_, u) => <UserStatus user={u} /> },
          {
            key: 'lastLogin',
            title: t('users.lastLoginAt'),
            width: 150,
            render: (_, u) =>
              u.lastLoginAt ? (
                dayjs(u.lastLoginAt).format('YYYY-MM-DD HH:mm')
              ) : (
                <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
              ),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 220,
                  fixed: 'right' as const,
                  render: (_: unknown, u: User) => (
                    <Space size={0}>
                      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ user: u })}>
                        {t('users.edit')}
                      </Button>
                      <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)}>
                        {t('users.resetPassword')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('common.shown', { count: users.length })}</Typography.Text>
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : users.length ? (
          <Typography.Text type="secondary">· {t('common.noMore')}</Typography.Text>
        ) : null}
      </Flex>
      {editing ? <UserFormModal user={editing.user} onClose={() => setEditing(null)} /> : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </>
  );
}

/** 用户与角色: the accounts in the actor's scope, and what each role may do. */
export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'roles' ? 'roles' : 'users';
  return (
    <>
      <PageHeader title={t('users.title')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'roles' ? { tab: 'roles' } : {}, { replace: true })}
          items={[
            { key: 'users', label: t('users.usersTab'), children: <UsersTab /> },
            { key: 'roles', label: t('users.rolesTab'), children: <RolesMatrix /> },
          ]}
        />
      </Card>
    </>
  );
}
