import type { Permission } from '@changai/contracts';
import { isPathInScope, scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/errors.js';
import * as orgs from './org.repository.js';

/** Loads an org the actor may reach with this permission; an org outside the scope is invisible (404). */
export async function loadOrgInScope(db: Db, ctx: Ctx, orgId: string, permission: Permission) {
  const scope = scopeFor(ctx.actor, permission);
  const org = await orgs.findById(db, orgId);
  if (!org || !isPathInScope(scope, org.path)) throw new NotFoundError('org');
  return org;
}
