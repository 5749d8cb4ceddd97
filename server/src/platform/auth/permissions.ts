import type { GrantScope, Permission, Role } from '@changai/contracts';

/**
 * The one table of who may do what. `subtree`: within the actor's own org and below;
 * `all`: the whole province (an explicit grant beyond the subtree).
 */
export const ROLE_GRANTS: Record<Role, Partial<Record<Permission, GrantScope>>> = {
  province_admin: {
    'account:self': 'all',
    'org:read': 'all',
    'org:manage': 'all',
    'network:read': 'all',
    'network:manage': 'all',
    'users:read': 'all',
    'users:manage': 'all',
    'audit:read': 'all',
    'personal_data:unmask': 'all',
    'workers:read': 'all',
    'workers:manage': 'all',
    'workers:import': 'all',
    'workers:export': 'all',
    'jobs:read': 'all',
    'policies:read': 'all',
    'policies:manage': 'all',
    'tasks:read': 'all',
    'tasks:manage': 'all',
    'tasks:report': 'all',
    'tasks:review': 'all',
    'meetings:read': 'all',
    'meetings:manage': 'all',
  },
  unit_admin: {
    'account:self': 'all',
    'org:read': 'subtree',
    'org:manage': 'subtree',
    'network:read': 'all',
    'users:read': 'subtree',
    'users:manage': 'subtree',
    'audit:read': 'subtree',
    'workers:read': 'subtree',
    'jobs:read': 'subtree',
    'policies:read': 'all',
    'tasks:read': 'subtree',
    'tasks:manage': 'subtree',
    'tasks:report': 'subtree',
    'tasks:review': 'subtree',
    'meetings:read': 'all',
  },
  regional_manager: {
    'account:self': 'all',
    'org:read': 'subtree',
    'org:manage': 'subtree',
    'network:read': 'all',
    'users:read': 'subtree',
    'users:manage': 'subtree',
    'audit:read': 'subtree',
    'personal_data:unmask': 'subtree',
    'workers:read': 'subtree',
    'workers:manage': 'subtree',
    'workers:import': 'subtree',
    'workers:export': 'subtree',
    'jobs:read': 'subtree',
    'policies:read': 'all',
    'tasks:read': 'subtree',
    'tasks:manage': 'subtree',
    'tasks:report': 'subtree',
    'tasks:review': 'subtree',
    'meetings:read': 'all',
  },
  enterprise_hr: {
    'account:self': 'all',
    'org:read': 'subtree',
    'users:read': 'subtree',
    'personal_data:unmask': 'subtree',
    'workers:read': 'subtree',
    'workers:manage': 'subtree',
    'workers:import': 'subtree',
    'workers:export': 'subtree',
    'jobs:read': 'subtree',
    'policies:read': 'all',
  },
  reviewer: {
    'account:self': 'all',
    'org:read': 'subtree',
    'network:read': 'all',
    'workers:read': 'subtree',
    'policies:read': 'all',
    'meetings:read': 'all',
  },
  worker: {
    'account:self': 'all',
    'workers:read': 'self',
  },
};

/** Roles an actor may give to users they manage: never above their own. */
export const ASSIGNABLE_ROLES: Record<Role, readonly Role[]> = {
  province_admin: ['province_admin', 'unit_admin', 'regional_manager', 'enterprise_hr', 'reviewer', 'worker'],
  unit_admin: ['unit_admin', 'reviewer', 'worker'],
  regional_manager: ['regional_manager', 'enterprise_hr', 'reviewer', 'worker'],
  enterprise_hr: [],
  reviewer: [],
  worker: [],
};

export function permissionsOf(role: Role): Permission[] {
  return Object.keys(ROLE_GRANTS[role]) as Permission[];
}

export function grantScope(role: Role, permission: Permission): GrantScope | undefined {
  return ROLE_GRANTS[role][permission];
}
