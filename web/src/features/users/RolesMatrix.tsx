import { PERMISSIONS, type Permission, type Role } from '@changai/contracts';
import { Alert, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleTag } from '../../components/tags';
import { useRoleCatalog } from './use-users';

const SCOPE_COLORS: Record<string, string> = { all: 'green', subtree: 'blue', self: 'orange' };

/** Permissions down, roles across: what each role may do, and how far it reaches. */
export function RolesMatrix() {
  const { t } = useTranslation();
  const catalog = useRoleCatalog();
  if (catalog.error) return <Alert type="error" showIcon title={catalog.error.message} />;
  const roles = catalog.data ?? [];
  const scopeOf = (role: Role, permission: Permission) =>
    roles.find((r) => r.role === role)?.permissions.find((p) => p.permission === permission)?.scope;

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('users.permissionLegend')}
      </Typography.Paragraph>
      <Table<{ permission: Permission }>
        size="middle"
        bordered
        loading={catalog.isPending}
        pagination={false}
        rowKey="permission"
        scroll={{ x: 900 }}
        dataSource={PERMISSIONS.map((permission) => ({ permission }))}
        columns={[
          {
            key: 'permission',
            title: t('account.permissions'),
            fixed: 'left',
            width: 200,
            render: (_, { permission }) => (
              <Flex vertical>
                <span>{t(`permissions.${permission}`)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {permission}
                </Typography.Text>
              </Flex>
            ),
          },
          ...roles.map((info) => ({
            key: info.role,
            align: 'center' as const,
            title: (
              <Flex vertical align="center" gap={4}>
                <RoleTag role={info.role} />
                {info.assignable ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                    {t('users.assignable')}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
            render: (_: unknown, { permission }: { permission: Permission }) => {
              const scope = scopeOf(info.role, permission);
              if (!scope) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
              return <Tag color={SCOPE_COLORS[scope]}>{t(`scopes.${scope}`)}</Tag>;
            },
          })),
        ]}
      />
    </>
  );
}
