import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { prefectureOfColumn as prefectureOf } from '../../platform/db/regions.js';

type InScope = (path: Expression<string>) => Expression<SqlBool>;

export function upsertDemand(
  db: Db,
  v: {
    orgId: string;
    regionCode: string;
    industryDivision: string;
    occupationCode: string;
    level: string;
    needed: number;
    asOf: string;
    now: Date;
  },
) {
  const { now, ...values } = v;
  return db
    .insertInto('skillDemands')
    .values({ ...values, updatedAt: now })
    .onConflict((oc) =>
      oc
        .columns(['orgId', 'occupationCode', 'level'])
        .doUpdateSet({ needed: v.needed, asOf: v.asOf, industryDivision: v.industryDivision, updatedAt: now }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function listDemands(db: Db, inScope: InScope) {
  return db
    .selectFrom('skillDemands as d')
    .innerJoin('orgs as o', 'o.id', 'd.orgId')
    .select([
      'd.id',
      'd.orgId',
      'o.code as orgCode',
      'o.name as orgName',
      'o.kind as orgKind',
      'd.industryDivision',
      'd.occupationCode',
      'd.level',
      'd.needed',
      'd.asOf',
    ])
    .where((eb) => inScope(eb.ref('o.path')))
    .orderBy('d.needed', 'desc')
    .orderBy('d.id')
    .limit(500)
    .execute();
}

/** Skilled and high-skilled workers per prefecture × industry division, in one pass over the registry. */
export function supply(db: Db, inScope: InScope) {
  return db
    .selectFrom('workers as w')
    .innerJoin('orgs as o', 'o.id', 'w.orgId')
    .where((eb) => inScope(eb.ref('o.path')))
    .where('w.industryDivision', 'is not', null)
    .where('w.status', '=', 'employed')
    .select([
      prefectureOf('w.region_code').as('prefecture'),
      'w.industryDivision',
      sql<number>`count(*) filter (where w.highest_skill_rank is not null)::int`.as('skilled'),
      sql<number>`count(*) filter (where w.is_high_skilled)::int`.as('highSkilled'),
    ])
    .groupBy([prefectureOf('w.region_code'), 'w.industryDivision'])
    .execute();
}

/** Active carriers per prefecture × industry division they serve. */
export async function carriersServing(db: Db, inScope: InScope) {
  const result = await sql<{ prefecture: string; division: string; carriers: number }>`
    select ${prefectureOf('c.region_code')} as prefecture, x.division, count(*)::int as carriers
    from carriers c
    join orgs o on o.id = c.host_org_id
    cross join lateral unnest(c.industry_divisions) as x(division)
    where c.status in ('recognised', 'review_passed', 'review_failed') and ${inScope(sql.ref('o.path'))}
    group by 1, 2`.execute(db);
  return result.rows;
}

/** Training places of open programs per prefecture × the provider's industry division. */
export function trainingPlaces(db: Db, inScope: InScope, from: string) {
  return db
    .selectFrom('trainingPrograms as p')
    .innerJoin('orgs as o', 'o.id', 'p.providerOrgId')
    .innerJoin('enterprises as e', 'e.orgId', 'p.providerOrgId')
    .where((eb) => inScope(eb.ref('o.path')))
    .where('p.endsOn', '>=', from)
    .where('e.industryDivision', 'is not', null)
    .select([prefectureOf('p.region_code').as('prefecture'), 'e.industryDivision', sql<number>`sum(p.capacity)::int`.as('places')])
    .groupBy([prefectureOf('p.region_code'), 'e.industryDivision'])
    .execute();
}

/**
 * Each demand beside the workers of that prefecture, industry division and occupation holding at
 * least the level: one pass over the registry, limited to the occupations in demand.
 */
export function demandGaps(db: Db, inScope: InScope) {
  return sql<{
    prefecture: string;
    industryDivision: string;
    occupationCode: string;
    level: string;
    needed: number;
    supply: number;
  }>`
    with d as (
      select ${prefectureOf('d.region_code')} as prefecture, d.industry_division, d.occupation_code, d.level,
        case d.level when 'junior' then 2 when 'intermediate' then 3 when 'senior' then 4 when 'technician' then 5 else 6 end as rank,
        sum(d.needed)::int as needed
      from skill_demands d join orgs o on o.id = d.org_id
      where ${inScope(sql.ref('o.path'))}
      group by 1, 2, 3, 4, 5
    ),
    s as (
      select ${prefectureOf('w.region_code')} as prefecture, w.industry_division, w.occupation_code, w.highest_skill_rank as rank, count(*)::int as n
      from workers w join orgs o on o.id = w.org_id
      where w.status = 'employed' and w.highest_skill_rank is not null
        and w.occupation_code in (select occupation_code from d) and ${inScope(sql.ref('o.path'))}
      group by 1, 2, 3, 4
    )
    select d.prefecture, d.industry_division as "industryDivision", d.occupation_code as "occupationCode", d.level, d.needed,
      coalesce((select sum(s.n) from s where s.prefecture = d.prefecture and s.industry_division = d.industry_division
        and s.occupation_code = d.occupation_code and s.rank >= d.rank), 0)::int as supply
    from d
    order by d.needed desc, d.prefecture, d.occupation_code, d.level`.execute(db);
}

export function prefectureNames(db: Db) {
  return db.selectFrom('orgs').select(['code', 'name']).where('kind', '=', 'prefecture').execute();
}
