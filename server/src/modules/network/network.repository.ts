import type { Db } from '../../platform/db/database.js';

const ASSIGNMENT_COLUMNS = [
  'a.id',
  'a.orgId',
  'a.role',
  'a.effectiveFrom',
  'a.effectiveTo',
  'a.note',
  'o.code as orgCode',
  'o.name as orgName',
  'o.kind as orgKind',
] as const;

/** Assignments in force on a date, ordered by role then org code. */
export function listEffective(db: Db, asOf: string, role?: string) {
  return db
    .selectFrom('networkAssignments as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .select(ASSIGNMENT_COLUMNS)
    .where('a.effectiveFrom', '<=', asOf)
    .where((eb) => eb.or([eb('a.effectiveTo', 'is', null), eb('a.effectiveTo', '>=', asOf)]))
    .$if(role !== undefined, (q) => q.where('a.role', '=', role as string))
    .orderBy('a.role')
    .orderBy('o.code')
    .orderBy('a.id')
    .execute();
}

export function listByOrg(db: Db, orgId: string) {
  return db
    .selectFrom('networkAssignments as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .select(ASSIGNMENT_COLUMNS)
    .where('a.orgId', '=', orgId)
    .orderBy('a.effectiveFrom', 'desc')
    .orderBy('a.id')
    .execute();
}

export function findAssignment(db: Db, id: string) {
  return db
    .selectFrom('networkAssignments as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .select([...ASSIGNMENT_COLUMNS, 'o.path as orgPath'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** Assignments of the same org and role whose period overlaps [from, to]. */
export function findOverlapping(db: Db, input: { orgId: string; role: string; from: string; to: string | null; exceptId?: string }) {
  return db
    .selectFrom('networkAssignments')
    .select(['id', 'effectiveFrom'])
    .where('orgId', '=', input.orgId)
    .where('role', '=', input.role)
    .where((eb) => eb.or([eb('effectiveTo', 'is', null), eb('effectiveTo', '>=', input.from)]))
    .$if(input.to !== null, (q) => q.where('effectiveFrom', '<=', input.to as string))
    .$if(input.exceptId !== undefined, (q) => q.where('id', '!=', input.exceptId as string))
    .executeTakeFirst();
}

export function insertAssignment(
  db: Db,
  values: { orgId: string; role: string; effectiveFrom: string; effectiveTo: string | null; note: string | null },
) {
  return db.insertInto('networkAssignments').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateAssignmentEnd(db: Db, id: string, effectiveTo: string) {
  await db.updateTable('networkAssignments').set({ effectiveTo }).where('id', '=', id).execute();
}

const CONTACT_COLUMNS = ['c.id', 'c.orgId', 'c.name', 'c.position', 'c.phoneEnc', 'c.email', 'c.isPrimary'] as const;

export function listContacts(db: Db, orgIds: string[]) {
  if (orgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('unitContacts as c')
    .select(CONTACT_COLUMNS)
    .where('c.orgId', 'in', orgIds)
    .orderBy('c.orgId')
    .orderBy('c.isPrimary', 'desc')
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
}

export function findContact(db: Db, id: string) {
  return db
    .selectFrom('unitContacts as c')
    .innerJoin('orgs as o', 'o.id', 'c.orgId')
    .select([...CONTACT_COLUMNS, 'o.path as orgPath'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export type ContactValues = { name: string; position: string | null; phoneEnc: string | null; email: string | null; isPrimary: boolean };

export function insertContact(db: Db, values: ContactValues & { orgId: string; now: Date }) {
  const { now, ...rest } = values;
  return db
    .insertInto('unitContacts')
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateContact(db: Db, id: string, values: ContactValues & { now: Date }) {
  const { now, ...rest } = values;
  await db
    .updateTable('unitContacts')
    .set({ ...rest, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** One primary contact per unit: clearing the others when a new one is marked. */
export async function clearPrimary(db: Db, orgId: string, exceptId?: string) {
  await db
    .updateTable('unitContacts')
    .set({ isPrimary: false })
    .where('orgId', '=', orgId)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId as string))
    .execute();
}

export async function deleteContact(db: Db, id: string) {
  await db.deleteFrom('unitContacts').where('id', '=', id).execute();
}
