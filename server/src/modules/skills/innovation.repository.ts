import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { escapeLike } from './carriers.repository.js';

type InScope = (path: Expression<string>) => Expression<SqlBool>;

const COLUMNS = [
  'a.id',
  'a.title',
  'a.kind',
  'a.orgId',
  'o.code as orgCode',
  'o.name as orgName',
  'o.kind as orgKind',
  'o.path as orgPath',
  'a.industryDivision',
  'a.studioId',
  'c.name as studioName',
  'c.kind as studioKind',
  'c.level as studioLevel',
  'a.submittedOn',
  'a.status',
  'a.benefitYuan',
  'a.patentNumbers',
  sql<number>`(select count(*)::int from innovation_team t where t.achievement_id = a.id)`.as('teamSize'),
] as const;

export type AchievementFilter = { inScope: InScope; q?: string; kind?: string; status?: string; studioId?: string; orgPath?: string };

function filtered(db: Db, f: AchievementFilter) {
  const pattern = f.q ? `%${escapeLike(f.q)}%` : undefined;
  return db
    .selectFrom('innovationAchievements as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .leftJoin('carriers as c', 'c.id', 'a.studioId')
    .where((eb) => f.inScope(eb.ref('o.path')))
    .$if(pattern !== undefined, (q) =>
      q.where((eb) => eb.or([eb('a.title', 'ilike', pattern as string), eb('o.name', 'ilike', pattern as string)])),
    )
    .$if(f.kind !== undefined, (q) => q.where('a.kind', '=', f.kind as string))
    .$if(f.status !== undefined, (q) => q.where('a.status', '=', f.status as string))
    .$if(f.studioId !== undefined, (q) => q.where('a.studioId', '=', f.studioId as string))
    .$if(f.orgPath !== undefined, (q) => q.where('o.path', 'like', `${f.orgPath}%`));
}

export function list(db: Db, f: AchievementFilter & { limit: number; offset: number }) {
  return filtered(db, f).select(COLUMNS).orderBy('a.submittedOn', 'desc').orderBy('a.id').limit(f.limit).offset(f.offset).execute();
}

export async function count(db: Db, f: AchievementFilter) {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findById(db: Db, id: string) {
  return db
    .selectFrom('innovationAchievements as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .leftJoin('carriers as c', 'c.id', 'a.studioId')
    .select(COLUMNS)
    .select(['a.startedOn', 'a.summary', 'a.evaluation', 'a.evaluatedOn', 'a.adoptedOn'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export function lockStatus(db: Db, id: string) {
  return db.selectFrom('innovationAchievements').select('status').where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listTeam(db: Db, achievementId: string) {
  return db
    .selectFrom('innovationTeam as t')
    .innerJoin('workers as w', 'w.id', 't.workerId')
    .innerJoin('orgs as o', 'o.id', 'w.orgId')
    .select(['w.id', 'w.name', 'o.name as orgName', 't.isLead'])
    .where('t.achievementId', '=', achievementId)
    .orderBy('t.isLead', 'desc')
    .orderBy('w.name')
    .orderBy('w.id')
    .limit(100)
    .execute();
}

export async function industryOf(db: Db, orgId: string) {
  const row = await db.selectFrom('enterprises').select('industryDivision').where('orgId', '=', orgId).executeTakeFirst();
  return row?.industryDivision ?? null;
}

export async function insert(
  db: Db,
  v: {
    title: string;
    kind: string;
    orgId: string;
    regionCode: string;
    industryDivision: string | null;
    studioId: string | null;
    startedOn: string | null;
    submittedOn: string;
    patentNumbers: string[];
    summary: string | null;
    submittedBy: string | null;
    now: Date;
  },
  team: string[],
) {
  const { now, ...values } = v;
  const { id } = await db
    .insertInto('innovationAchievements')
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('innovationTeam')
    .values(team.map((workerId, i) => ({ achievementId: id, workerId, isLead: i === 0 })))
    .execute();
  return id;
}

export function update(
  db: Db,
  id: string,
  v: Partial<{
    status: string;
    benefitYuan: number;
    evaluation: string;
    evaluatedBy: string | null;
    evaluatedOn: string;
    adoptedOn: string;
  }>,
  now: Date,
) {
  return db
    .updateTable('innovationAchievements')
    .set({ ...v, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

function ranked(db: Db, inScope: InScope, year?: number) {
  return db
    .selectFrom('innovationAchievements as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .where((eb) => inScope(eb.ref('o.path')))
    .$if(year !== undefined, (q) => q.where('a.submittedOn', '>=', `${year}-01-01`).where('a.submittedOn', '<=', `${year}-12-31`));
}

const measures = [
  sql<number>`count(*)::int`.as('achievements'),
  sql<number>`count(*) filter (where a.status = 'adopted')::int`.as('adopted'),
  sql<number>`coalesce(sum(cardinality(a.patent_numbers)), 0)::int`.as('patents'),
  sql<number>`coalesce(sum(a.benefit_yuan) filter (where a.status in ('evaluated', 'adopted')), 0)::bigint`.as('benefitYuan'),
] as const;

export function rankByOrg(db: Db, inScope: InScope, limit: number, year?: number) {
  return ranked(db, inScope, year)
    .select(['a.orgId as key', 'o.name', ...measures])
    .groupBy(['a.orgId', 'o.name'])
    .orderBy(sql`coalesce(sum(a.benefit_yuan) filter (where a.status in ('evaluated', 'adopted')), 0)`, 'desc')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('a.orgId')
    .limit(limit)
    .execute();
}

export function rankByIndustry(db: Db, inScope: InScope, limit: number, year?: number) {
  return ranked(db, inScope, year)
    .select([sql<string>`coalesce(a.industry_division, '')`.as('key'), ...measures])
    .groupBy(sql`coalesce(a.industry_division, '')`)
    .orderBy(sql`coalesce(sum(a.benefit_yuan) filter (where a.status in ('evaluated', 'adopted')), 0)`, 'desc')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(sql`coalesce(a.industry_division, '')`)
    .limit(limit)
    .execute();
}

export function countByKind(db: Db, inScope: InScope, year?: number) {
  return ranked(db, inScope, year)
    .select(['a.kind', 'a.status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['a.kind', 'a.status'])
    .orderBy('a.kind')
    .orderBy('a.status')
    .execute();
}
