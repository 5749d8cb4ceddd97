import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BulbOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  IdcardOutlined,
  NodeIndexOutlined,
  ReadOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SwapOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission, Role } from '@changai/contracts';
import type { ReactNode } from 'react';

export type ModuleKey =
  | 'orgs'
  | 'network'
  | 'policies'
  | 'tasks'
  | 'supervision'
  | 'meetings'
  | 'summary'
  | 'workers'
  | 'conversion'
  | 'analysis'
  | 'rules'
  | 'skills'
  | 'carriers'
  | 'programs'
  | 'innovation'
  | 'alignment'
  | 'reporting'
  | 'approvals'
  | 'reportForms'
  | 'dashboard'
  | 'indicators'
  | 'users'
  | 'audit'
  | 'account';

/** The side menu, in order; the first one the actor may open is their home. */
export const MODULES: { key: ModuleKey; path: string; permission: Permission; icon: ReactNode }[] = [
  // Leaders land on the dashboard; the others on the first module they may open.
  { key: 'dashboard', path: '/dashboard', permission: 'indicators:read', icon: <DashboardOutlined /> },
  { key: 'orgs', path: '/orgs', permission: 'org:read', icon: <ApartmentOutlined /> },
  { key: 'network', path: '/network', permission: 'network:read', icon: <DeploymentUnitOutlined /> },
  { key: 'policies', path: '/policies', permission: 'policies:read', icon: <FileTextOutlined /> },
  { key: 'tasks', path: '/tasks', permission: 'tasks:read', icon: <ScheduleOutlined /> },
  { key: 'supervision', path: '/supervision', permission: 'tasks:read', icon: <AlertOutlined /> },
  { key: 'meetings', path: '/meetings', permission: 'meetings:read', icon: <CalendarOutlined /> },
  { key: 'summary', path: '/summary', permission: 'tasks:read', icon: <BarChartOutlined /> },
  { key: 'workers', path: '/workers', permission: 'workers:read', icon: <IdcardOutlined /> },
  { key: 'conversion', path: '/conversion', permission: 'conversion:read', icon: <SwapOutlined /> },
  { key: 'analysis', path: '/conversion/analysis', permission: 'conversion:analyze', icon: <BarChartOutlined /> },
  { key: 'rules', path: '/conversion/rules', permission: 'rules:manage', icon: <NodeIndexOutlined /> },
  { key: 'skills', path: '/skills', permission: 'skills:read', icon: <FundOutlined /> },
  { key: 'carriers', path: '/skills/carriers', permission: 'skills:read', icon: <ShopOutlined /> },
  { key: 'programs', path: '/skills/programs', permission: 'skills:read', icon: <ReadOutlined /> },
  { key: 'innovation', path: '/skills/innovation', permission: 'skills:read', icon: <BulbOutlined /> },
  { key: 'alignment', path: '/skills/alignment', permission: 'skills:read', icon: <ExperimentOutlined /> },
  { key: 'reporting', path: '/reporting', permission: 'data:enter', icon: <FormOutlined /> },
  { key: 'approvals', path: '/reporting/approvals', permission: 'data:approve', icon: <CheckSquareOutlined /> },
  { key: 'reportForms', path: '/reporting/forms', permission: 'indicators:manage', icon: <TableOutlined /> },
  { key: 'indicators', path: '/dashboard/indicators', permission: 'indicators:manage', icon: <AimOutlined /> },
  { key: 'users', path: '/users', permission: 'users:read', icon: <TeamOutlined /> },
  { key: 'audit', path: '/audit', permission: 'audit:read', icon: <AuditOutlined /> },
  { key: 'account', path: '/account', permission: 'account:self', icon: <UserOutlined /> },
];

export const modulesFor = (permissions: readonly Permission[]) => MODULES.filter((m) => permissions.includes(m.permission));

/**
 * Whether the actor reads the registry only for themselves. The session lists permissions but not
 * their scopes; the worker role is the one granted `workers:read` with scope self.
 */
export const readsOnlySelf = (role: Role) => role === 'worker';

/** A menu label: the registry is "my profile" to someone who sees only their own. */
export const moduleLabelKey = (key: ModuleKey, role: Role) => {
  if (key === 'workers' && readsOnlySelf(role)) return 'nav.myProfile' as const;
  if (key === 'conversion' && readsOnlySelf(role)) return 'nav.myConversion' as const;
  return `nav.${key}` as const;
};
