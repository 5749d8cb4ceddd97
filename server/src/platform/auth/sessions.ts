import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@changai/contracts';
import type { Actor } from '../context.js';
import type { Db } from '../db/database.js';

export const SESSION_COOKIE = 'changai_session';
/** Sliding expiry is refreshed at most this often, to spare a write per request. */
const TOUCH_AFTER_MS = 5 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(
  db: Db,
  input: { userId: string; now: Date; ttlHours: number; ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      userId: input.userId,
      csrfToken,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.ttlHours * 3600_000),
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

export type ResolvedSession = { actor: Actor; csrfToken: string };

/** The signed-in actor for a cookie token, or undefined when unknown, expired or the user is inactive. */
export async function resolveSession(db: Db, token: string, now: Date, ttlHours: number): Promise<ResolvedSession | undefined> {
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .innerJoin('orgs as o', 'o.id', 'u.orgId')
    .select([
      's.csrfToken',
      's.lastSeenAt',
      's.expiresAt',
      'u.id as userId',
      'u.username',
      'u.displayName',
      'u.role',
      'u.orgId',
      'u.mustChangePassword',
      'u.isActive',
      'o.path as orgPath',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || row.expiresAt <= now || !row.isActive) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3600_000) })
      .where('id', '=', id)
      .execute();
  }
  return {
    csrfToken: row.csrfToken,
    actor: {
      kind: 'user',
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      role: row.role as Role,
      orgId: row.orgId,
      orgPath: row.orgPath,
      mustChangePassword: row.mustChangePassword,
      sessionId: id,
    },
  };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user except, optionally, the one in use. */
export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('userId', '=', userId)
    .$if(exceptSessionId !== undefined, (q) => q.where('id', '!=', exceptSessionId as string))
    .execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expiresAt', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The actor of a user outside any request (a job running on their behalf); undefined if inactive. */
export async function loadActor(db: Db, userId: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.orgId')
    .select(['u.id', 'u.username', 'u.displayName', 'u.role', 'u.orgId', 'u.isActive', 'o.path'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row?.isActive) return undefined;
  return {
    kind: 'user',
    userId: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    orgId: row.orgId,
    orgPath: row.path,
    mustChangePassword: false,
    sessionId: '',
  };
}
