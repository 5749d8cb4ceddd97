import { ApartmentOutlined, AuditOutlined, DeploymentUnitOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Permission } from '@changai/contracts';
import type { ReactNode } from 'react';

export type ModuleKey = 'orgs' | 'network' | 'users' | 'audit' | 'account';

/** The side menu, in order; the first one the actor may open is their home. */
export const MODULES: { key: ModuleKey; path: string; permission: Permission; icon: ReactNode }[] = [
  { key: 'orgs', path: '/orgs', permission: 'org:read', icon: <ApartmentOutlined /> },
  { key: 'network', path: '/network', permission: 'network:read', icon: <DeploymentUnitOutlined /> },
  { key: 'users', path: '/users', permission: 'users:read', icon: <TeamOutlined /> },
  { key: 'audit', path: '/audit', permission: 'audit:read', icon: <AuditOutlined /> },
  { key: 'account', path: '/account', permission: 'account:self', icon: <UserOutlined /> },
];

export const modulesFor = (permissions: readonly Permission[]) => MODULES.filter((m) => permissions.includes(m.permission));
