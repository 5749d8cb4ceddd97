import type { Permission } from '@changai/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Actor, Ctx } from '../context.js';
import { ForbiddenError } from '../errors.js';
import { grantScope } from './permissions.js';

/** Where an actor's permission reaches: everything, the subtree under an org path, or only their own records. */
export type Scope = { kind: 'all' } | { kind: 'subtree'; path: string } | { kind: 'self'; userId: string };

/** The scope of a permission for this actor; throws ForbiddenError if the role lacks it. */
export function scopeFor(actor: Ctx['actor'], permission: Permission): Scope {
  if (actor.kind === 'system') return { kind: 'all' };
  if (actor.kind === 'anonymous') throw new ForbiddenError('forbidden', { permission });
  const grant = grantScope(actor.role, permission);
  if (!grant) throw new ForbiddenError('forbidden', { permission });
  if (grant === 'self') return { kind: 'self', userId: actor.userId };
  return grant === 'all' ? { kind: 'all' } : { kind: 'subtree', path: actor.orgPath };
}

export function hasPermission(actor: Ctx['actor'], permission: Permission): boolean {
  if (actor.kind === 'anonymous') return false;
  return actor.kind === 'system' || grantScope(actor.role, permission) !== undefined;
}

/** True when the org path lies within the scope: the one subtree test every query uses. */
export function pathInScope(scope: Scope, path: Expression<string>): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<boolean>`true`;
  if (scope.kind === 'self') return sql<boolean>`false`;
  return sql<boolean>`${path} like ${`${scope.path}%`}`;
}

/** `exists` test that a row's org column (e.g. `users.orgId`) lies within the scope. */
export function orgIdInScope(scope: Scope, orgIdColumn: string): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<boolean>`true`;
  if (scope.kind === 'self') return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from orgs as scope_org where scope_org.id = ${sql.ref(orgIdColumn)} and scope_org.path like ${`${scope.path}%`})`;
}

export function isPathInScope(scope: Scope, path: string): boolean {
  if (scope.kind === 'self') return false;
  return scope.kind === 'all' || path.startsWith(scope.path);
}

export type { Actor };
