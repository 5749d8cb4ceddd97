import { z } from 'zod';

export const ROLES = ['province_admin', 'unit_admin', 'regional_manager', 'enterprise_hr', 'reviewer', 'worker'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PERMISSIONS = [
  'account:self',
  'org:read',
  'org:manage',
  'network:read',
  'network:manage',
  'users:read',
  'users:manage',
  'audit:read',
  'personal_data:unmask',
  'workers:read',
  'workers:manage',
  'workers:import',
  'workers:export',
  'jobs:read',
  'policies:read',
  'policies:manage',
  'tasks:read',
  'tasks:manage',
  'tasks:report',
  'tasks:review',
  'meetings:read',
  'meetings:manage',
  'conversion:read',
  'conversion:analyze',
  'rules:read',
  'rules:manage',
  'applications:submit',
  'applications:review',
  'applications:decide',
  'skills:read',
  'carriers:apply',
  'carriers:review',
  'training:manage',
  'innovation:submit',
  'innovation:evaluate',
  'demand:manage',
  'indicators:read',
  'indicators:manage',
  'data:enter',
  'data:approve',
] as const;
export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

/**
 * How far a granted permission reaches: only the actor's own records (a worker's profile), the
 * actor's org subtree, or the whole province.
 */
export const GRANT_SCOPES = ['self', 'subtree', 'all'] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];
