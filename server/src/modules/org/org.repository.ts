import type { OrgKind } from '@changai/contracts';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Scope } from '../../platform/auth/scope.js';
import { pathInScope } from '../../platform/auth/scope.js';
import type { Db } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';

const childCount = (eb: ExpressionBuilder<DB, 'orgs'>) =>
  eb
    .selectFrom('orgs as c')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('c.parentId', '=', 'orgs.id')
    .$asScalar()
    .$notNull()
    .as('childCount');

const ORG_COLUMNS = [
  'orgs.id',
  'orgs.code',
  'orgs.name',
  'orgs.kind',
  'orgs.parentId',
  'orgs.path',
  'orgs.depth',
  'orgs.isActive',
  'orgs.createdAt',
  'orgs.updatedAt',
] as const;

export type OrgRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
  depth: number;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
  childCount: number;
};

export function findById(db: Db, id: string): Promise<OrgRow | undefined> {
  return db
    .selectFrom('orgs')
    .select([...ORG_COLUMNS, childCount])
    .where('orgs.id', '=', id)
    .executeTakeFirst();
}

export function findByCode(db: Db, code: string) {
  return db.selectFrom('orgs').select(['id', 'path', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}

export type ListFilter = {
  scope: Scope;
  parentId?: string;
  /** Without a parent or search: the topmost orgs the scope reaches. */
  rootPath?: string;
  q?: string;
  kind?: OrgKind;
  includeInactive: boolean;
  limit: number;
};

export function list(db: Db, f: ListFilter): Promise<OrgRow[]> {
  return db
    .selectFrom('orgs')
    .select([...ORG_COLUMNS, childCount])
    .where((eb) => pathInScope(f.scope, eb.ref('orgs.path')))
    .$if(f.parentId !== undefined, (q) => q.where('orgs.parentId', '=', f.parentId as string))
    .$if(f.rootPath !== undefined, (q) => q.where('orgs.path', '=', f.rootPath as string))
    .$if(f.q !== undefined, (q) =>
      q.where((eb) =>
        eb.or([eb('orgs.name', 'like', `%${escapeLike(f.q as string)}%`), eb('orgs.code', 'like', `${escapeLike(f.q as string)}%`)]),
      ),
    )
    .$if(f.kind !== undefined, (q) => q.where('orgs.kind', '=', f.kind as string))
    .$if(!f.includeInactive, (q) => q.where('orgs.isActive', '=', true))
    .orderBy('orgs.depth')
    .orderBy('orgs.code')
    .orderBy('orgs.id')
    .limit(f.limit)
    .execute();
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Ancestors of a path from the root down, excluding the org itself. */
export function ancestors(db: Db, path: string) {
  const ids = path.split('/').filter(Boolean).slice(0, -1);
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'path']).where('id', 'in', ids).orderBy('depth').execute();
}

export function insert(
  db: Db,
  values: { code: string; name: string; kind: string; parentId: string | null; parentPath: string | null; now: Date },
) {
  const id = crypto.randomUUID();
  const path = `${values.parentPath ?? '/'}${id}/`;
  return db
    .insertInto('orgs')
    .values({
      id,
      code: values.code,
      name: values.name,
      kind: values.kind,
      parentId: values.parentId,
      path,
      depth: path.split('/').filter(Boolean).length - 1,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .returning(['id', 'path'])
    .executeTakeFirstOrThrow();
}

export async function update(db: Db, id: string, values: { name?: string; kind?: string; isActive?: boolean; now: Date }) {
  await db
    .updateTable('orgs')
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.kind !== undefined ? { kind: values.kind } : {}),
      ...(values.isActive !== undefined ? { isActive: values.isActive } : {}),
      updatedAt: values.now,
    })
    .where('id', '=', id)
    .execute();
}

/** Re-roots a whole subtree in one statement: every path under the old prefix gets the new one. */
export async function moveSubtree(db: Db, id: string, input: { oldPath: string; newPath: string; newParentId: string; now: Date }) {
  const depthDelta = input.newPath.split('/').filter(Boolean).length - input.oldPath.split('/').filter(Boolean).length;
  await db
    .updateTable('orgs')
    .set((eb) => ({
      path: sql<string>`${input.newPath} || substr(${eb.ref('path')}, ${input.oldPath.length + 1})`,
      depth: sql<number>`${eb.ref('depth')} + ${depthDelta}`,
    }))
    .where('path', 'like', `${input.oldPath}%`)
    .execute();
  await db.updateTable('orgs').set({ parentId: input.newParentId, updatedAt: input.now }).where('id', '=', id).execute();
}

export async function countDependents(db: Db, id: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('orgs')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('parentId', '=', id)
        .as('children'),
      eb
        .selectFrom('orgs')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('parentId', '=', id)
        .where('isActive', '=', true)
        .as('activeChildren'),
      eb
        .selectFrom('users')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('orgId', '=', id)
        .as('users'),
      eb
        .selectFrom('users')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('orgId', '=', id)
        .where('isActive', '=', true)
        .as('activeUsers'),
      eb
        .selectFrom('networkAssignments')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('orgId', '=', id)
        .as('assignments'),
      eb
        .selectFrom('unitContacts')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('orgId', '=', id)
        .as('contacts'),
      eb
        .selectFrom('workers')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('orgId', '=', id)
        .as('workers'),
      eb
        .selectFrom('enterprises')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('orgId', '=', id)
        .as('enterprises'),
      sql<number>`(select count(*) from reform_tasks where org_id = ${id} or issuer_org_id = ${id})
        + (select count(*) from reform_task_co_units where org_id = ${id})
        + (select count(*) from policies where lead_org_id = ${id})
        + (select count(*) from meetings where host_org_id = ${id})
        + (select count(*) from meeting_attendees where org_id = ${id})`.as('reform'),
    ])
    .executeTakeFirstOrThrow();
  return {
    children: Number(row.children),
    activeChildren: Number(row.activeChildren),
    users: Number(row.users),
    activeUsers: Number(row.activeUsers),
    assignments: Number(row.assignments),
    contacts: Number(row.contacts),
    workers: Number(row.workers),
    enterprises: Number(row.enterprises),
    reform: Number(row.reform),
  };
}

export async function remove(db: Db, id: string) {
  // The enterprise profile is part of the org, not a reference to it.
  await db.deleteFrom('enterprises').where('orgId', '=', id).execute();
  await db.deleteFrom('orgs').where('id', '=', id).execute();
}

export function countAll(db: Db) {
  return db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
}

export function findRoot(db: Db) {
  return db.selectFrom('orgs').select(['id', 'code', 'name', 'path']).where('depth', '=', 0).orderBy('code').executeTakeFirst();
}

/** The nearest division (county, prefecture or province) at or above a path: its 6-digit code. */
export function nearestDivisionCode(db: Db, path: string) {
  const ids = path.split('/').filter(Boolean);
  return db
    .selectFrom('orgs')
    .select(['code'])
    .where('id', 'in', ids)
    .where('kind', 'in', ['county', 'prefecture', 'province'])
    .orderBy('depth', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Orgs matching any of the given codes, names or enterprise credit codes within a scope, each with
 * the 6-digit code of the division it lies in.
 */
export function findForResolution(db: Db, scope: Scope, keys: { codes: string[]; names: string[]; creditCodes: string[] }) {
  return db
    .selectFrom('orgs as o')
    .leftJoin('enterprises as e', 'e.orgId', 'o.id')
    .select([
      'o.id',
      'o.code',
      'o.name',
      'o.kind',
      'o.path',
      'o.isActive',
      'e.creditCode',
      (eb) =>
        eb
          .selectFrom('orgs as d')
          .select('d.code')
          .whereRef('o.path', 'like', sql<string>`d.path || '%'`)
          .where('d.kind', 'in', ['county', 'prefecture', 'province'])
          .orderBy('d.depth', 'desc')
          .limit(1)
          .as('divisionCode'),
    ])
    .where((eb) => pathInScope(scope, eb.ref('o.path')))
    .where((eb) =>
      eb.or([
        ...(keys.codes.length ? [eb('o.code', 'in', keys.codes)] : []),
        ...(keys.names.length ? [eb('o.name', 'in', keys.names)] : []),
        ...(keys.creditCodes.length ? [eb('e.creditCode', 'in', keys.creditCodes)] : []),
        sql<boolean>`false`,
      ]),
    )
    .execute();
}

export type EnterpriseInsert = {
  id: string;
  code: string;
  name: string;
  parentId: string;
  path: string;
  creditCode: string;
  industryDivision: string;
  industryCategory: string;
  ownership: string;
  size: string;
  regionCode: string;
};

/** Bulk creation of enterprise orgs with their profiles (demo data, large seeds). */
export async function insertEnterprises(db: Db, rows: EnterpriseInsert[], now: Date) {
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await db
      .insertInto('orgs')
      .values(
        batch.map((e) => ({
          id: e.id,
          code: e.code,
          name: e.name,
          kind: 'enterprise',
          parentId: e.parentId,
          path: e.path,
          depth: e.path.split('/').filter(Boolean).length - 1,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await db
      .insertInto('enterprises')
      .values(
        batch.map((e) => ({
          orgId: e.id,
          creditCode: e.creditCode,
          industryDivision: e.industryDivision,
          industryCategory: e.industryCategory,
          ownership: e.ownership,
          size: e.size,
          regionCode: e.regionCode,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflict((oc) => oc.column('orgId').doNothing())
      .execute();
  }
}

/** Counties and the provincially administered county-level cities: where employers sit. */
export function listEmployerDivisions(db: Db) {
  return db
    .selectFrom('orgs as o')
    .leftJoin('orgs as p', 'p.id', 'o.parentId')
    .select(['o.id', 'o.code', 'o.name', 'o.path', 'o.kind', 'p.code as parentCode'])
    .where((eb) => eb.or([eb('o.kind', '=', 'county'), eb.and([eb('o.kind', '=', 'prefecture'), eb('o.code', 'like', '429%')])]))
    .orderBy('o.code')
    .execute();
}

export function findEnterpriseProfile(db: Db, orgId: string) {
  return db
    .selectFrom('enterprises as e')
    .select([
      'e.orgId',
      'e.creditCode',
      'e.industryDivision',
      'e.industryCategory',
      'e.ownership',
      'e.size',
      'e.regionCode',
      (eb) =>
        eb
          .selectFrom('workers as w')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('w.orgId', '=', 'e.orgId')
          .as('workerCount'),
    ])
    .where('e.orgId', '=', orgId)
    .executeTakeFirst();
}

export async function upsertEnterpriseProfile(
  db: Db,
  values: {
    orgId: string;
    regionCode: string;
    creditCode: string | null;
    industryDivision: string | null;
    industryCategory: string | null;
    ownership: string | null;
    size: string | null;
    now: Date;
  },
) {
  const { now, ...rest } = values;
  await db
    .insertInto('enterprises')
    .values({ ...rest, createdAt: now, updatedAt: now })
    .onConflict((oc) => oc.column('orgId').doUpdateSet({ ...rest, updatedAt: now }))
    .execute();
}

export function findOrgIdByCreditCode(db: Db, creditCode: string) {
  return db.selectFrom('enterprises').select('orgId').where('creditCode', '=', creditCode).executeTakeFirst();
}
