import { sql } from 'kysely';
import type { Scope } from '../../platform/auth/scope.js';
import { orgIdInScope } from '../../platform/auth/scope.js';
import type { Db } from '../../platform/db/database.js';

const USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.displayName',
  'u.role',
  'u.orgId',
  'u.isActive',
  'u.mustChangePassword',
  'u.lockedUntil',
  'u.lastLoginAt',
  'u.createdAt',
  'o.code as orgCode',
  'o.name as orgName',
  'o.kind as orgKind',
  'o.path as orgPath',
] as const;

function selectUsers(db: Db) {
  return db.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.orgId').select(USER_COLUMNS);
}

export type UserRow = Awaited<ReturnType<typeof findById>> & {};

export function findById(db: Db, id: string) {
  return selectUsers(db).where('u.id', '=', id).executeTakeFirst();
}

export function findCredentials(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'passwordHash', 'isActive', 'failedLogins', 'lockedUntil', 'orgId'])
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export function findPasswordHash(db: Db, id: string) {
  return db.selectFrom('users').select(['passwordHash']).where('id', '=', id).executeTakeFirst();
}

export type UserListFilter = {
  scope: Scope;
  q?: string;
  role?: string;
  orgPath?: string;
  includeInactive: boolean;
  after?: { username: string; id: string };
  limit: number;
};

export function list(db: Db, f: UserListFilter) {
  return selectUsers(db)
    .where(orgIdInScope(f.scope, 'u.orgId'))
    .$if(f.q !== undefined, (q) =>
      q.where((eb) =>
        eb.or([eb(sql<string>`lower(u.username)`, 'like', `%${(f.q as string).toLowerCase()}%`), eb('u.displayName', 'like', `%${f.q}%`)]),
      ),
    )
    .$if(f.role !== undefined, (q) => q.where('u.role', '=', f.role as string))
    .$if(f.orgPath !== undefined, (q) => q.where('o.path', 'like', `${f.orgPath}%`))
    .$if(!f.includeInactive, (q) => q.where('u.isActive', '=', true))
    .$if(f.after !== undefined, (q) =>
      q.where(sql<boolean>`(lower(u.username), u.id) > (${f.after?.username.toLowerCase()}, ${f.after?.id}::uuid)`),
    )
    .orderBy(sql`lower(u.username)`)
    .orderBy('u.id')
    .limit(f.limit)
    .execute();
}

export function insert(
  db: Db,
  values: {
    username: string;
    displayName: string;
    passwordHash: string;
    role: string;
    orgId: string;
    mustChangePassword: boolean;
    now: Date;
  },
) {
  const { now, ...rest } = values;
  return db
    .insertInto('users')
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function update(
  db: Db,
  id: string,
  values: Partial<{
    displayName: string;
    role: string;
    orgId: string;
    isActive: boolean;
    passwordHash: string;
    mustChangePassword: boolean;
    failedLogins: number;
    lockedUntil: Date | null;
    lastLoginAt: Date;
  }> & { now: Date },
) {
  const { now, ...set } = values;
  await db
    .updateTable('users')
    .set({ ...set, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** Counts a failed sign-in atomically and returns the new count. */
export async function recordFailedLogin(db: Db, id: string) {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
    .where('id', '=', id)
    .returning('failedLogins')
    .executeTakeFirstOrThrow();
  return row.failedLogins;
}

export function countAll(db: Db) {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
}
