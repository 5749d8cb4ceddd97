import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { prefectureOfColumn as prefectureOf } from '../../platform/db/regions.js';

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const COLUMNS = [
  'c.id',
  'c.kind',
  'c.level',
  'c.studioType',
  'c.name',
  'c.hostOrgId',
  'o.code as hostCode',
  'o.name as hostName',
  'o.kind as hostKind',
  'o.path as hostPath',
  'c.regionCode',
  'c.leaderName',
  'c.leaderWorkerId',
  'c.industryDivisions',
  'c.occupationCodes',
  'c.status',
  'c.appliedOn',
  'c.recognisedOn',
  'c.documentNumber',
  'c.nextReviewDue',
  'c.reviewOverdueSince',
] as const;

export type CarrierFilter = {
  inScope: (path: Expression<string>) => Expression<SqlBool>;
  q?: string;
  kind?: string;
  level?: string;
  status?: string;
  orgPath?: string;
  overdue?: boolean;
};

function filtered(db: Db, f: CarrierFilter) {
  const pattern = f.q ? `%${escapeLike(f.q)}%` : undefined;
  return db
    .selectFrom('carriers as c')
    .innerJoin('orgs as o', 'o.id', 'c.hostOrgId')
    .where((eb) => f.inScope(eb.ref('o.path')))
    .$if(pattern !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('c.name', 'ilike', pattern as string),
          eb('o.name', 'ilike', pattern as string),
          eb('c.leaderName', 'ilike', pattern as string),
        ]),
      ),
    )
    .$if(f.kind !== undefined, (q) => q.where('c.kind', '=', f.kind as string))
    .$if(f.level !== undefined, (q) => q.where('c.level', '=', f.level as string))
    .$if(f.status !== undefined, (q) => q.where('c.status', '=', f.status as string))
    .$if(f.orgPath !== undefined, (q) => q.where('o.path', 'like', `${f.orgPath}%`))
    .$if(f.overdue === true, (q) => q.where('c.reviewOverdueSince', 'is not', null))
    .$if(f.overdue === false, (q) => q.where('c.reviewOverdueSince', 'is', null));
}

export function list(db: Db, f: CarrierFilter & { limit: number; offset: number }) {
  return filtered(db, f).select(COLUMNS).orderBy('c.kind').orderBy('c.name').orderBy('c.id').limit(f.limit).offset(f.offset).execute();
}

export async function count(db: Db, f: CarrierFilter) {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findById(db: Db, id: string) {
  return db
    .selectFrom('carriers as c')
    .innerJoin('orgs as o', 'o.id', 'c.hostOrgId')
    .select(COLUMNS)
    .select(['c.description', 'c.rejectionReason', 'c.revokedOn', 'c.revokedReason', 'c.createdAt', 'c.updatedAt'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export function lockById(db: Db, id: string) {
  return db.selectFrom('carriers').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export type CarrierInsert = {
  kind: string;
  level: string;
  studioType: string | null;
  name: string;
  hostOrgId: string;
  regionCode: string;
  leaderName: string | null;
  leaderWorkerId: string | null;
  industryDivisions: string[];
  occupationCodes: string[];
  description: string | null;
  appliedOn: string;
  appliedBy: string | null;
  now: Date;
};

export async function insert(db: Db, v: CarrierInsert) {
  const { now, ...values } = v;
  return db
    .insertInto('carriers')
    .values({ ...values, status: 'applied', createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function update(
  db: Db,
  id: string,
  values: Partial<{
    status: string;
    recognisedOn: string;
    documentNumber: string;
    recognisedBy: string | null;
    rejectionReason: string;
    nextReviewDue: string;
    reviewOverdueSince: string | null;
    revokedOn: string;
    revokedReason: string;
  }>,
  now: Date,
) {
  return db
    .updateTable('carriers')
    .set({ ...values, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export function findByDocument(db: Db, kind: string, documentNumber: string, name: string) {
  return db
    .selectFrom('carriers')
    .select('id')
    .where('kind', '=', kind)
    .where('documentNumber', '=', documentNumber)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertMembers(
  db: Db,
  carrierId: string,
  members: { workerId: string; role: 'leader' | 'member' }[],
  joinedOn: string,
) {
  if (!members.length) return;
  await db
    .insertInto('carrierMembers')
    .values(members.map((m) => ({ carrierId, workerId: m.workerId, role: m.role, joinedOn })))
    .onConflict((oc) => oc.columns(['carrierId', 'workerId']).doNothing())
    .execute();
}

export function listMembers(db: Db, carrierId: string) {
  return db
    .selectFrom('carrierMembers as m')
    .innerJoin('workers as w', 'w.id', 'm.workerId')
    .innerJoin('orgs as o', 'o.id', 'w.orgId')
    .select(['w.id', 'w.name', 'o.name as orgName', 'm.role', 'm.joinedOn'])
    .where('m.carrierId', '=', carrierId)
    .orderBy(sql`m.role = 'leader'`, 'desc')
    .orderBy('w.name')
    .orderBy('w.id')
    .limit(500)
    .execute();
}

/** Of these workers, those employed within the org subtree at `path`. */
export async function workersUnder(db: Db, workerIds: string[], path: string) {
  if (!workerIds.length) return [];
  return db
    .selectFrom('workers as w')
    .innerJoin('orgs as o', 'o.id', 'w.orgId')
    .select(['w.id', 'w.name', 'o.name as orgName'])
    .where('w.id', 'in', workerIds)
    .where('o.path', 'like', `${path}%`)
    .execute();
}

export function listReviews(db: Db, carrierId: string) {
  return db
    .selectFrom('carrierReviews')
    .select([
      'id',
      'year',
      'peopleTrained',
      'certificatesGained',
      'innovations',
      'benefitYuan',
      'summary',
      'result',
      'comment',
      'filedAt',
      'decidedAt',
    ])
    .where('carrierId', '=', carrierId)
    .orderBy('year', 'desc')
    .orderBy('id')
    .limit(100)
    .execute();
}

export function findReview(db: Db, carrierId: string, year: number) {
  return db
    .selectFrom('carrierReviews')
    .select(['id', 'result'])
    .where('carrierId', '=', carrierId)
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirst();
}

export async function upsertReview(
  db: Db,
  v: {
    carrierId: string;
    year: number;
    peopleTrained: number;
    certificatesGained: number;
    innovations: number;
    benefitYuan: number;
    summary: string | null;
    filedBy: string | null;
    filedAt: Date;
  },
) {
  await db
    .insertInto('carrierReviews')
    .values(v)
    .onConflict((oc) =>
      oc.columns(['carrierId', 'year']).doUpdateSet({
        peopleTrained: v.peopleTrained,
        certificatesGained: v.certificatesGained,
        innovations: v.innovations,
        benefitYuan: v.benefitYuan,
        summary: v.summary,
        filedBy: v.filedBy,
        filedAt: v.filedAt,
      }),
    )
    .execute();
}

export function decideReview(db: Db, id: string, v: { result: string; comment: string | null; decidedBy: string | null; decidedAt: Date }) {
  return db.updateTable('carrierReviews').set(v).where('id', '=', id).execute();
}

export async function countRelated(db: Db, carrierId: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('trainingPrograms').select(eb.fn.countAll<number>().as('n')).where('providerCarrierId', '=', carrierId).as('programs'),
      eb.selectFrom('innovationAchievements').select(eb.fn.countAll<number>().as('n')).where('studioId', '=', carrierId).as('achievements'),
    ])
    .executeTakeFirst();
  return { programs: Number(row?.programs ?? 0), achievements: Number(row?.achievements ?? 0) };
}

const ACTIVE = ['recognised', 'review_passed', 'review_failed'];

/** Flags carriers whose annual review is past due, and clears flags no longer due: one statement each. */
export async function sweepOverdue(db: Db, today: string) {
  const flagged = await db
    .updateTable('carriers')
    .set({ reviewOverdueSince: sql`next_review_due` })
    .where('status', 'in', ACTIVE)
    .where('nextReviewDue', '<', today)
    .where('reviewOverdueSince', 'is', null)
    .executeTakeFirst();
  const cleared = await db
    .updateTable('carriers')
    .set({ reviewOverdueSince: null })
    .where('reviewOverdueSince', 'is not', null)
    .where((eb) => eb.or([eb('status', 'not in', ACTIVE), eb('nextReviewDue', '>=', today)]))
    .executeTakeFirst();
  return { flagged: Number(flagged.numUpdatedRows), cleared: Number(cleared.numUpdatedRows) };
}

// ——— Overview aggregates, within a scope ———

function scoped(db: Db, inScope: CarrierFilter['inScope']) {
  return db
    .selectFrom('carriers as c')
    .innerJoin('orgs as o', 'o.id', 'c.hostOrgId')
    .where((eb) => inScope(eb.ref('o.path')));
}

export function countByKindLevel(db: Db, inScope: CarrierFilter['inScope']) {
  return scoped(db, inScope)
    .select(['c.kind', 'c.level', (eb) => eb.fn.countAll<number>().as('count')])
    .where('c.status', 'in', ACTIVE)
    .groupBy(['c.kind', 'c.level'])
    .orderBy('c.kind')
    .orderBy('c.level')
    .execute();
}

export function countByStatus(db: Db, inScope: CarrierFilter['inScope']) {
  return scoped(db, inScope)
    .select(['c.status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('c.status')
    .orderBy('c.status')
    .execute();
}

export function countByPrefecture(db: Db, inScope: CarrierFilter['inScope']) {
  return db
    .with('p', (qb) =>
      scoped(qb as unknown as Db, inScope)
        .select([prefectureOf('c.region_code').as('regionCode'), 'c.kind', (eb) => eb.fn.countAll<number>().as('count')])
        .where('c.status', 'in', ACTIVE)
        .groupBy([prefectureOf('c.region_code'), 'c.kind']),
    )
    .selectFrom('p')
    .leftJoin('orgs as r', (j) => j.onRef('r.code', '=', 'p.regionCode').on('r.kind', '=', 'prefecture'))
    .select(['p.regionCode', 'r.name as regionName', 'p.kind', 'p.count'])
    .orderBy('p.regionCode')
    .orderBy('p.kind')
    .execute();
}

export function countByYear(db: Db, inScope: CarrierFilter['inScope']) {
  return scoped(db, inScope)
    .select([sql<number>`extract(year from c.recognised_on)::int`.as('year'), 'c.kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('c.recognisedOn', 'is not', null)
    .groupBy([sql`extract(year from c.recognised_on)`, 'c.kind'])
    .orderBy(sql`extract(year from c.recognised_on)`)
    .orderBy('c.kind')
    .execute();
}

export async function reviewFigures(db: Db, inScope: CarrierFilter['inScope'], today: string, soon: string) {
  const row = await scoped(db, inScope)
    .select([
      sql<number>`count(*) filter (where c.status in ('recognised', 'review_passed', 'review_failed') and c.next_review_due between ${today} and ${soon})::int`.as(
        'dueSoon',
      ),
      sql<number>`count(*) filter (where c.review_overdue_since is not null)::int`.as('overdue'),
      sql<number>`count(*) filter (where c.status = 'applied')::int`.as('pending'),
    ])
    .executeTakeFirst();
  return { dueSoon: Number(row?.dueSoon ?? 0), overdue: Number(row?.overdue ?? 0), pending: Number(row?.pending ?? 0) };
}

export function outputsByYear(db: Db, inScope: CarrierFilter['inScope']) {
  return db
    .selectFrom('carrierReviews as r')
    .innerJoin('carriers as c', 'c.id', 'r.carrierId')
    .innerJoin('orgs as o', 'o.id', 'c.hostOrgId')
    .where((eb) => inScope(eb.ref('o.path')))
    .select([
      'r.year',
      sql<number>`sum(r.people_trained)::int`.as('peopleTrained'),
      sql<number>`sum(r.certificates_gained)::int`.as('certificatesGained'),
      sql<number>`sum(r.innovations)::int`.as('innovations'),
      sql<number>`sum(r.benefit_yuan)::bigint`.as('benefitYuan'),
    ])
    .groupBy('r.year')
    .orderBy('r.year')
    .limit(50)
    .execute();
}
