import type { NetworkRole, OrgKind, Role } from '@changai/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const KIND_COLORS: Record<OrgKind, string> = {
  province: 'red',
  prefecture: 'volcano',
  county: 'orange',
  department: 'blue',
  federation: 'magenta',
  enterprise: 'green',
  other: 'default',
};

export function OrgKindTag({ kind }: { kind: OrgKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} variant="filled">
      {t(`orgKinds.${kind}`)}
    </Tag>
  );
}

const ROLE_COLORS: Record<Role, string> = {
  province_admin: 'red',
  unit_admin: 'geekblue',
  regional_manager: 'purple',
  enterprise_hr: 'cyan',
  reviewer: 'gold',
  worker: 'default',
};

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag>;
}

const NETWORK_ROLE_COLORS: Record<NetworkRole, string> = { office: 'red', member: 'blue', liaison: 'green' };

export function NetworkRoleTag({ role }: { role: NetworkRole }) {
  const { t } = useTranslation();
  return <Tag color={NETWORK_ROLE_COLORS[role]}>{t(`network.roles.${role}`)}</Tag>;
}

export function ActiveTag({ isActive }: { isActive: boolean }) {
  const { t } = useTranslation();
  return isActive ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>;
}
