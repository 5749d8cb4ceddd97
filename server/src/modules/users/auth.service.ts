import type { ChangePassword, Login, Role, Session, Setup } from '@changai/contracts';
import { sql } from 'kysely';
import { audit } from '../../platform/audit.js';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { permissionsOf, ROLE_GRANTS } from '../../platform/auth/permissions.js';
import { createSession, deleteSession, deleteUserSessions } from '../../platform/auth/sessions.js';
import type { Ctx, UserCtx } from '../../platform/context.js';
import {
  AccountLockedError,
  ConflictError,
  InvalidCredentialsError,
  RuleViolationError,
  UnauthenticatedError,
} from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import * as users from './users.repository.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type LoginResult = { token: string; session: Session };

async function sessionOf(ctx: Ctx, userId: string, csrfToken: string): Promise<Session> {
  const row = await users.findById(ctx.db, userId);
  if (!row) throw new UnauthenticatedError();
  const role = row.role as Role;
  return {
    csrfToken,
    actor: {
      userId: row.id,
      username: row.username,
      displayName: row.displayName,
      role,
      orgId: row.orgId,
      orgName: row.orgName,
      orgCode: row.orgCode,
      permissions: permissionsOf(role),
      scopes: { ...ROLE_GRANTS[role] },
      mustChangePassword: row.mustChangePassword,
    },
  };
}

/**
 * Checks the password, counting failures: after MAX_FAILED_LOGINS the account locks for
 * LOCK_MINUTES. Unknown users cost the same time as known ones and get the same answer.
 */
export async function login(ctx: Ctx, input: Login, meta: { userAgent?: string; ttlHours: number }): Promise<LoginResult> {
  const now = ctx.now();
  const user = await users.findCredentials(ctx.db, input.username);
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    await ctx.db
      .transaction()
      .execute((trx) =>
        audit(trx, ctx, { action: 'auth.login_failed', entityType: 'user', after: { username: input.username.slice(0, 64) } }),
      );
    throw new InvalidCredentialsError();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AccountLockedError(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000));
  }
  const isValid = (await verifyPassword(user.passwordHash, input.password)) && user.isActive;
  const who = { id: user.id, username: user.username, role: user.role };
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const txCtx = { ...ctx, db: trx };
    if (!isValid) {
      const failures = await users.recordFailedLogin(trx, user.id);
      const locks = failures >= MAX_FAILED_LOGINS;
      if (locks) await users.update(trx, user.id, { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), now });
      await audit(trx, txCtx, {
        action: locks ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        orgId: user.orgId,
        after: { username: user.username, failures },
      });
      return { failed: locks ? ('locked' as const) : ('invalid' as const) };
    }
    await users.update(trx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now, now });
    const { token, csrfToken } = await createSession(trx, {
      userId: user.id,
      now,
      ttlHours: meta.ttlHours,
      ip: ctx.ip,
      userAgent: meta.userAgent,
    });
    const session = await sessionOf(txCtx, user.id, csrfToken);
    await audit(trx, txCtx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      orgId: user.orgId,
      actor: who,
    });
    return { token, session };
  });
  // Thrown after commit: the failure count must persist even though the sign-in fails.
  if ('failed' in outcome) throw outcome.failed === 'locked' ? new AccountLockedError(LOCK_MINUTES) : new InvalidCredentialsError();
  return outcome;
}

export function session(ctx: UserCtx, csrfToken: string): Promise<Session> {
  return sessionOf(ctx, ctx.actor.userId, csrfToken);
}

export async function logout(ctx: UserCtx): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, ctx.actor.sessionId);
    await audit(trx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId, orgId: ctx.actor.orgId });
  });
}

/** Changes one's own password; other sessions of the user end. */
export async function changePassword(ctx: UserCtx, input: ChangePassword): Promise<void> {
  const current = await users.findPasswordHash(ctx.db, ctx.actor.userId);
  if (!current || !(await verifyPassword(current.passwordHash, input.currentPassword))) {
    throw new RuleViolationError('auth.wrong_password', {}, [{ path: 'body.currentPassword', message: 'auth.wrong_password' }]);
  }
  if (input.currentPassword === input.newPassword) {
    throw new RuleViolationError('auth.same_password', {}, [{ path: 'body.newPassword', message: 'auth.same_password' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await users.update(trx, ctx.actor.userId, { passwordHash, mustChangePassword: false, now: ctx.now() });
    await deleteUserSessions(trx, ctx.actor.userId, ctx.actor.sessionId);
    await audit(trx, ctx, { action: 'auth.password_change', entityType: 'user', entityId: ctx.actor.userId, orgId: ctx.actor.orgId });
  });
}

export async function needsSetup(ctx: Ctx): Promise<boolean> {
  const { n } = await users.countAll(ctx.db);
  return Number(n) === 0;
}

/** Creates the first province administrator, once, on a platform with no users. */
export async function setup(ctx: Ctx, input: Setup): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    // Two browsers finishing set-up at once: only one may create the administrator.
    await sql`select pg_advisory_xact_lock(hashtext('changai.setup'))`.execute(trx);
    const { n } = await users.countAll(trx);
    if (Number(n) > 0) throw new ConflictError('setup.already_done');
    const root = await orgService.findRoot(trx);
    if (!root) throw new ConflictError('setup.no_reference_data');
    const { id } = await users.insert(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: 'province_admin',
      orgId: root.id,
      mustChangePassword: false,
      now: ctx.now(),
    });
    await audit(
      trx,
      { ...ctx, actor: { kind: 'system', name: 'setup' } },
      {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        orgId: root.id,
        after: { username: input.username, role: 'province_admin' },
      },
    );
  });
}
