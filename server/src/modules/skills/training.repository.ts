import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { escapeLike } from './carriers.repository.js';

type InScope = (path: Expression<string>) => Expression<SqlBool>;

const COLUMNS = [
  'p.id',
  'p.title',
  'p.occupationCode',
  'p.targetLevel',
  'p.providerOrgId',
  'o.code as providerCode',
  'o.name as providerName',
  'o.kind as providerKind',
  'o.path as providerPath',
  'p.providerCarrierId',
  'c.name as carrierName',
  'c.kind as carrierKind',
  'c.level as carrierLevel',
  'p.regionCode',
  'p.mode',
  'p.startsOn',
  'p.endsOn',
  'p.capacity',
  'p.funding',
  'p.isFree',
  'p.status',
  'p.createdAt',
] as const;

export type ProgramFilter = { inScope: InScope; q?: string; mode?: string; isFree?: boolean; carrierId?: string; orgPath?: string };

function filtered(db: Db, f: ProgramFilter) {
  const pattern = f.q ? `%${escapeLike(f.q)}%` : undefined;
  return db
    .selectFrom('trainingPrograms as p')
    .innerJoin('orgs as o', 'o.id', 'p.providerOrgId')
    .leftJoin('carriers as c', 'c.id', 'p.providerCarrierId')
    .where((eb) => f.inScope(eb.ref('o.path')))
    .$if(pattern !== undefined, (q) =>
      q.where((eb) => eb.or([eb('p.title', 'ilike', pattern as string), eb('o.name', 'ilike', pattern as string)])),
    )
    .$if(f.mode !== undefined, (q) => q.where('p.mode', '=', f.mode as string))
    .$if(f.isFree !== undefined, (q) => q.where('p.isFree', '=', f.isFree as boolean))
    .$if(f.carrierId !== undefined, (q) => q.where('p.providerCarrierId', '=', f.carrierId as string))
    .$if(f.orgPath !== undefined, (q) => q.where('o.path', 'like', `${f.orgPath}%`));
}

const counts = sql<string>`(select json_build_object(
    'enrolled', count(*) filter (where e.status <> 'withdrawn'),
    'completed', count(*) filter (where e.status = 'completed'),
    'passed', count(*) filter (where e.result = 'passed'))
  from training_enrollments e where e.program_id = p.id)`;

export function list(db: Db, f: ProgramFilter & { limit: number; offset: number }) {
  return filtered(db, f)
    .select(COLUMNS)
    .select(counts.as('counts'))
    .orderBy('p.startsOn', 'desc')
    .orderBy('p.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

export async function totals(db: Db, f: ProgramFilter) {
  const row = await filtered(db, f)
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`coalesce(sum(p.capacity), 0)::int`.as('places'),
      sql<number>`count(*) filter (where p.is_free and p.mode = 'online')::int`.as('freeOnline'),
      sql<number>`coalesce(sum((select count(*) from training_enrollments e where e.program_id = p.id and e.status <> 'withdrawn')), 0)::int`.as(
        'enrolled',
      ),
      sql<number>`coalesce(sum((select count(*) from training_enrollments e where e.program_id = p.id and e.result = 'passed')), 0)::int`.as(
        'passed',
      ),
    ])
    .executeTakeFirst();
  return {
    total: Number(row?.n ?? 0),
    places: Number(row?.places ?? 0),
    freeOnline: Number(row?.freeOnline ?? 0),
    enrolled: Number(row?.enrolled ?? 0),
    passed: Number(row?.passed ?? 0),
  };
}

export function byMonth(db: Db, f: ProgramFilter) {
  return filtered(db, f)
    .select([
      sql<string>`to_char(p.starts_on, 'YYYY-MM')`.as('month'),
      (eb) => eb.fn.countAll<number>().as('programs'),
      sql<number>`sum(p.capacity)::int`.as('places'),
    ])
    .groupBy(sql`to_char(p.starts_on, 'YYYY-MM')`)
    .orderBy(sql`to_char(p.starts_on, 'YYYY-MM')`, 'desc')
    .limit(24)
    .execute();
}

export function findById(db: Db, id: string) {
  return db
    .selectFrom('trainingPrograms as p')
    .innerJoin('orgs as o', 'o.id', 'p.providerOrgId')
    .leftJoin('carriers as c', 'c.id', 'p.providerCarrierId')
    .select(COLUMNS)
    .select(counts.as('counts'))
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export function insert(
  db: Db,
  v: {
    title: string;
    occupationCode: string;
    targetLevel: string;
    providerOrgId: string;
    providerCarrierId: string | null;
    regionCode: string;
    mode: string;
    startsOn: string;
    endsOn: string;
    capacity: number;
    funding: string;
    isFree: boolean;
    createdBy: string | null;
    now: Date;
  },
) {
  const { now, ...values } = v;
  return db
    .insertInto('trainingPrograms')
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function update(
  db: Db,
  id: string,
  v: Partial<{
    title: string;
    occupationCode: string;
    targetLevel: string;
    providerOrgId: string;
    providerCarrierId: string | null;
    regionCode: string;
    mode: string;
    startsOn: string;
    endsOn: string;
    capacity: number;
    funding: string;
    isFree: boolean;
    status: string;
  }>,
  now: Date,
) {
  return db
    .updateTable('trainingPrograms')
    .set({ ...v, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

const ENROLLMENT_COLUMNS = [
  'e.id',
  'e.programId',
  'e.workerId',
  'w.name as workerName',
  'wo.name as workerOrgName',
  'e.status',
  'e.attendancePercent',
  'e.result',
  'e.score',
  'e.assessedOn',
  'e.certificateNumber',
  'e.credentialId',
  'e.source',
] as const;

export function listEnrollments(db: Db, programId: string) {
  return db
    .selectFrom('trainingEnrollments as e')
    .innerJoin('workers as w', 'w.id', 'e.workerId')
    .innerJoin('orgs as wo', 'wo.id', 'w.orgId')
    .select(ENROLLMENT_COLUMNS)
    .where('e.programId', '=', programId)
    .orderBy('w.name')
    .orderBy('e.id')
    .limit(2000)
    .execute();
}

export function findEnrollment(db: Db, id: string) {
  return db
    .selectFrom('trainingEnrollments as e')
    .innerJoin('workers as w', 'w.id', 'e.workerId')
    .innerJoin('orgs as wo', 'wo.id', 'w.orgId')
    .select(ENROLLMENT_COLUMNS)
    .where('e.id', '=', id)
    .forUpdate('e')
    .executeTakeFirst();
}

export function findEnrollmentOf(db: Db, programId: string, workerId: string) {
  return db
    .selectFrom('trainingEnrollments')
    .select('id')
    .where('programId', '=', programId)
    .where('workerId', '=', workerId)
    .executeTakeFirst();
}

/** Locks the program row so concurrent enrollments cannot overfill it. */
export async function lockAndCount(db: Db, programId: string) {
  await db.selectFrom('trainingPrograms').select('id').where('id', '=', programId).forUpdate().executeTakeFirst();
  const row = await db
    .selectFrom('trainingEnrollments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('programId', '=', programId)
    .where('status', '<>', 'withdrawn')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertEnrollments(
  db: Db,
  programId: string,
  workers: { id: string; regionCode: string }[],
  source: string,
  now: Date,
) {
  if (!workers.length) return [];
  return db
    .insertInto('trainingEnrollments')
    .values(workers.map((w) => ({ programId, workerId: w.id, regionCode: w.regionCode, source, enrolledAt: now, updatedAt: now })))
    .onConflict((oc) => oc.columns(['programId', 'workerId']).doNothing())
    .returning(['id', 'workerId'])
    .execute();
}

export function updateEnrollment(
  db: Db,
  id: string,
  v: Partial<{
    status: string;
    attendancePercent: number | null;
    result: string | null;
    score: number | null;
    assessedOn: string | null;
    certificateNumber: string | null;
    credentialId: string | null;
  }>,
  now: Date,
) {
  return db
    .updateTable('trainingEnrollments')
    .set({ ...v, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** Of these workers, those employed within the scope (with their region, for the enrollment row). */
export function workersInScope(db: Db, workerIds: string[], inScope: InScope) {
  return db
    .selectFrom('workers as w')
    .innerJoin('orgs as o', 'o.id', 'w.orgId')
    .select(['w.id', 'w.regionCode'])
    .where('w.id', 'in', workerIds)
    .where((eb) => inScope(eb.ref('o.path')))
    .execute();
}
