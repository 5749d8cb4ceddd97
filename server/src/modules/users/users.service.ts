import type { CreateUser, Role, UpdateUser, User, UserListQuery } from '@changai/contracts';
import { PERMISSIONS } from '@changai/contracts';
import { audit } from '../../platform/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { ASSIGNABLE_ROLES, grantScope, ROLE_GRANTS } from '../../platform/auth/permissions.js';
import { isPathInScope, scopeFor } from '../../platform/auth/scope.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import * as users from './users.repository.js';

type UserRow = NonNullable<Awaited<ReturnType<typeof users.findById>>>;

const toUser = (row: UserRow, now: Date): User => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role as Role,
  org: { id: row.orgId, code: row.orgCode, name: row.orgName, kind: row.orgKind as User['org']['kind'] },
  isActive: row.isActive,
  mustChangePassword: row.mustChangePassword,
  isLocked: row.lockedUntil !== null && row.lockedUntil > now,
  lastLoginAt: row.lastLoginAt,
  createdAt: row.createdAt,
});

const snapshot = (row: Pick<UserRow, 'username' | 'displayName' | 'role' | 'orgId' | 'isActive'>) => ({
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  orgId: row.orgId,
  isActive: row.isActive,
});

const encodeCursor = (row: { username: string; id: string }) => Buffer.from(`${row.username}\n${row.id}`).toString('base64url');

function decodeCursor(cursor: string) {
  const [username, id] = Buffer.from(cursor, 'base64url').toString().split('\n');
  if (!username || !id || !/^[0-9a-f-]{36}$/i.test(id))
    throw new ValidationError([{ path: 'querystring.cursor', message: 'invalid cursor' }]);
  return { username, id };
}

export async function list(ctx: Ctx, query: UserListQuery) {
  const scope = scopeFor(ctx.actor, 'users:read');
  const org = query.orgId ? await orgService.requireOrg(ctx, query.orgId, 'users:read') : undefined;
  const rows = await users.list(ctx.db, {
    scope,
    q: query.q || undefined,
    role: query.role,
    orgPath: org?.path,
    includeInactive: query.includeInactive ?? false,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map((r) => toUser(r, ctx.now())), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

async function loadUserInScope(db: Db, ctx: Ctx, userId: string, permission: 'users:read' | 'users:manage') {
  const scope = scopeFor(ctx.actor, permission);
  const row = await users.findById(db, userId);
  if (!row || !isPathInScope(scope, row.orgPath)) throw new NotFoundError('user');
  return row;
}

export async function get(ctx: Ctx, userId: string): Promise<User> {
  return toUser(await loadUserInScope(ctx.db, ctx, userId, 'users:read'), ctx.now());
}

function assertAssignable(ctx: Ctx, role: Role) {
  if (ctx.actor.kind === 'system') return;
  if (ctx.actor.kind !== 'user' || !ASSIGNABLE_ROLES[ctx.actor.role].includes(role)) {
    throw new ForbiddenError('user.role_not_assignable', { role });
  }
}

export async function create(ctx: Ctx, input: CreateUser): Promise<User> {
  assertAssignable(ctx, input.role);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const org = await orgService.requireOrg({ ...ctx, db: trx }, input.orgId, 'users:manage');
    if (!org.isActive) throw new RuleViolationError('user.inactive_org');
    if (await users.findCredentials(trx, input.username)) throw new ConflictError('user.username_taken', { username: input.username });
    const { id } = await users.insert(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      orgId: org.id,
      // A password set by someone else is temporary: the user picks their own at first sign-in.
      mustChangePassword: ctx.actor.kind === 'user',
      now: ctx.now(),
    });
    const created = (await users.findById(trx, id)) as UserRow;
    await audit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: id, orgId: org.id, after: snapshot(created) });
    return toUser(created, ctx.now());
  });
}

export async function update(ctx: Ctx, userId: string, input: UpdateUser): Promise<User> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadUserInScope(trx, ctx, userId, 'users:manage');
    const isSelf = ctx.actor.kind === 'user' && ctx.actor.userId === userId;
    const changesStanding =
      (input.role && input.role !== before.role) || (input.orgId && input.orgId !== before.orgId) || input.isActive === false;
    if (isSelf && changesStanding) throw new RuleViolationError('user.self_change');
    assertAssignable(ctx, before.role as Role);
    if (input.role) assertAssignable(ctx, input.role);
    if (input.orgId && input.orgId !== before.orgId) {
      const org = await orgService.requireOrg({ ...ctx, db: trx }, input.orgId, 'users:manage');
      if (!org.isActive) throw new RuleViolationError('user.inactive_org');
    }
    await users.update(trx, userId, { ...input, now: ctx.now() });
    if (input.isActive === false || (input.role && input.role !== before.role)) await deleteUserSessions(trx, userId);
    const after = (await users.findById(trx, userId)) as UserRow;
    await audit(trx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      orgId: after.orgId,
      before: snapshot(before),
      after: snapshot(after),
    });
    return toUser(after, ctx.now());
  });
}

/** Sets a temporary password, unlocks the account and ends its sessions. */
export async function resetPassword(ctx: Ctx, userId: string, password: string): Promise<User> {
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadUserInScope(trx, ctx, userId, 'users:manage');
    assertAssignable(ctx, row.role as Role);
    await users.update(trx, userId, {
      passwordHash,
      mustChangePassword: ctx.actor.kind === 'user' && ctx.actor.userId !== userId,
      failedLogins: 0,
      lockedUntil: null,
      now: ctx.now(),
    });
    await deleteUserSessions(trx, userId);
    await audit(trx, ctx, { action: 'user.reset_password', entityType: 'user', entityId: userId, orgId: row.orgId });
    return toUser((await users.findById(trx, userId)) as UserRow, ctx.now());
  });
}

/** Looks a user up by name for the CLI (system actor only). */
export async function findIdByUsername(ctx: Ctx, username: string): Promise<string> {
  scopeFor(ctx.actor, 'users:manage');
  const row = await users.findCredentials(ctx.db, username);
  if (!row) throw new NotFoundError('user');
  return row.id;
}

export function roleCatalog(ctx: Ctx) {
  const actorRole = ctx.actor.kind === 'user' ? ctx.actor.role : undefined;
  return {
    roles: (Object.keys(ROLE_GRANTS) as Role[]).map((role) => ({
      role,
      permissions: PERMISSIONS.flatMap((permission) => {
        const scope = grantScope(role, permission);
        return scope ? [{ permission, scope }] : [];
      }),
      assignable: actorRole ? ASSIGNABLE_ROLES[actorRole].includes(role) : true,
    })),
  };
}
