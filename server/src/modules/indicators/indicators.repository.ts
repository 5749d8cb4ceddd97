import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export const DIVISION_KINDS = ['province', 'prefecture', 'county'] as const;

export type OrgNode = { id: string; code: string; name: string; kind: string; path: string; parentId: string | null };

export function findOrg(db: Db, id: string): Promise<OrgNode | undefined> {
  return db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'path', 'parentId']).where('id', '=', id).executeTakeFirst();
}

export function findOrgsByIds(db: Db, ids: string[]): Promise<OrgNode[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('orgs').select(['id', 'code', 'name', 'kind', 'path', 'parentId']).where('id', 'in', ids).execute();
}

/** The division orgs (province, prefectures, counties) in a subtree: the regions its workers are counted by. */
export function listDivisionsUnder(db: Db, path: string): Promise<OrgNode[]> {
  return db
    .selectFrom('orgs')
    .select(['id', 'code', 'name', 'kind', 'path', 'parentId'])
    .where('kind', 'in', [...DIVISION_KINDS])
    .where('path', 'like', `${path}%`)
    .orderBy('code')
    .orderBy('id')
    .execute();
}

/** An org's active children (all of them: the dashboard ranks a county's employers by size), with whether they have children of their own. */
export function listChildren(db: Db, parentId: string) {
  return db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.code', 'o.name', 'o.kind', 'o.path', 'o.parentId'])
    .select((eb) => eb.exists(eb.selectFrom('orgs as c').select('c.id').where('c.parentId', '=', eb.ref('o.id'))).as('hasChildren'))
    .where('o.parentId', '=', parentId)
    .where('o.isActive', '=', true)
    .orderBy('o.code')
    .orderBy('o.id')
    .execute();
}

export type SkillRow = {
  key: string;
  category: string;
  skilled: number;
  highSkilled: number;
  skilledBefore: number;
  highSkilledBefore: number;
};

/**
 * Skilled / high-skilled workers per region and industry category, as of two days (D and the same day
 * a year before), from the aggregates: whole years before each day's year from the yearly table, that
 * year's months before `bound` (exclusive) from the monthly one; and per complete year, for the trend.
 * The part of a month up to the day itself comes from skillCountsBetween.
 */
export async function skillCounts(
  db: Db,
  regionCodes: string[] | 'all',
  now: { year: number; bound: string },
  then: { year: number; bound: string },
) {
  if (regionCodes !== 'all' && regionCodes.length === 0) return { rows: [] as SkillRow[], years: [], changedAt: null };
  const inRegions = regionCodes === 'all' ? sql`` : sql`and region_code = any(${regionCodes}::text[])`;
  const nowStart = `${now.year}-01-01`;
  const thenStart = `${then.year}-01-01`;
  const { rows } = await sql<SkillRow & { year: number | null; changedAt: Date | null }>`
    select key, category, trend_year as year,
      sum(now_s)::int as skilled, sum(now_h)::int as "highSkilled",
      sum(then_s)::int as "skilledBefore", sum(then_h)::int as "highSkilledBefore",
      max(updated_at) as "changedAt"
    from (
      select region_code as key, industry_category as category, year as trend_year,
        skilled as now_s, high_skilled as now_h,
        case when year < ${then.year} then skilled else 0 end as then_s,
        case when year < ${then.year} then high_skilled else 0 end as then_h,
        updated_at
      from skill_counts_yearly where year < ${now.year} ${inRegions}
      union all
      select region_code, industry_category, null,
        case when month >= ${nowStart} then skilled else 0 end,
        case when month >= ${nowStart} then high_skilled else 0 end,
        case when month < ${then.bound} then skilled else 0 end,
        case when month < ${then.bound} then high_skilled else 0 end,
        updated_at
      from skill_counts where month >= ${thenStart} and month < ${now.bound} ${inRegions}
    ) u
    group by grouping sets ((key, category), (trend_year))`.execute(db);
  const byKey = rows.filter((r) => r.key !== null);
  const years = rows
    .filter((r) => r.key === null && r.year !== null)
    .map((r) => ({ year: r.year as number, skilled: r.skilled, highSkilled: r.highSkilled }))
    .sort((a, b) => a.year - b.year);
  const changedAt = byKey.reduce<Date | null>((m, r) => (r.changedAt && (!m || r.changedAt > m) ? r.changedAt : m), null);
  return { rows: byKey.map(({ year: _y, changedAt: _c, ...r }) => r), years, changedAt };
}

/** The days of a month not covered by the monthly aggregate: an index count over [from, to] per region and category. */
export async function skillCountsBetween(db: Db, regionCodes: string[] | 'all', from: string, to: string) {
  if ((regionCodes !== 'all' && regionCodes.length === 0) || to < from) return [];
  // The region filter applies after the date range: a few days' rows by the date indexes (which carry
  // region and org), counted per org before the org's category is looked up; never a whole
  // prefecture's workers by the region index (`offset 0` keeps the planner from merging them).
  const inRegions = regionCodes === 'all' ? sql`` : sql`where d.region_code = any(${regionCodes}::text[])`;
  const { rows } = await sql<{ key: string; category: string; skilled: number; highSkilled: number }>`
    select d.region_code as key, coalesce(e.industry_category, 'other') as category,
      sum(d.skilled)::int as skilled, sum(d.high)::int as "highSkilled"
    from (
      select w.region_code, w.org_id, count(*) as skilled, 0 as high
      from workers w where w.skilled_since between ${from} and ${to} group by 1, 2
      union all
      select w.region_code, w.org_id, 0, count(*)
      from workers w where w.high_skilled_since between ${from} and ${to} group by 1, 2
      offset 0
    ) d left join enterprises e on e.org_id = d.org_id
    ${inRegions} group by 1, 2`.execute(db);
  return rows;
}

type AsOfSplit = { before: string; partial: { from: string; to: string } | null };

/**
 * Skilled / high-skilled workers of the orgs in a subtree as of two days (D and a year before), by the
 * child of `groupPart` ids along their org path (null = the org itself) and industry category, from
 * the per-org monthly aggregate (months before each day's bound) plus an index count of the days of a
 * part month; and per year, for the trend. `childIds` keeps only the orgs under those children (a
 * division's own employers, whose neighbours are counted by region).
 */
export async function orgSkillCounts(
  db: Db,
  f: { path: string; groupPart: number; childIds?: string[]; now: AsOfSplit; then: AsOfSplit },
): Promise<{ rows: SkillRow[]; years: { year: number; skilled: number; highSkilled: number }[] }> {
  if (f.childIds && f.childIds.length === 0) return { rows: [], years: [] };
  const key = sql`nullif(split_part(o.path, '/', ${f.groupPart}), '')`;
  // Each child's subtree by the path index (an OR of prefixes), not every org under the parent.
  const within = f.childIds
    ? sql`(${sql.join(
        f.childIds.map((id) => sql`o.path like ${`${f.path}${id}/%`}`),
        sql` or `,
      )})`
    : sql`o.path like ${`${f.path}%`}`;
  // The days of a part month, counted per org from the date indexes (a few days' rows; the indexes carry the org).
  const days = (part: AsOfSplit['partial'], then: boolean) => {
    if (!part) return sql``;
    const count = (column: 'skilled_since' | 'high_skilled_since') =>
      sql`(select w.org_id, count(*)::int as n from workers w where ${sql.ref(`w.${column}`)} between ${part.from} and ${part.to} group by 1)`;
    return sql`
      union all
      select s.key, s.category, null, ${then ? sql`0, 0, d.n, 0` : sql`d.n, 0, 0, 0`}
      from ${count('skilled_since')} d join subtree s on s.id = d.org_id
      union all
      select s.key, s.category, null, ${then ? sql`0, 0, 0, d.n` : sql`0, d.n, 0, 0`}
      from ${count('high_skilled_since')} d join subtree s on s.id = d.org_id`;
  };
  const { rows } = await sql<SkillRow & { year: number | null }>`
    with subtree as materialized (
      select o.id, ${key} as key, coalesce(e.industry_category, 'other') as category
      from orgs o left join enterprises e on e.org_id = o.id
      where ${within}
    )
    select key, category, year, sum(now_s)::int as skilled, sum(now_h)::int as "highSkilled",
      sum(then_s)::int as "skilledBefore", sum(then_h)::int as "highSkilledBefore"
    from (
      select s.key, s.category, extract(year from c.month)::int as year, c.skilled as now_s, c.high_skilled as now_h,
        case when c.month < ${f.then.before} then c.skilled else 0 end as then_s,
        case when c.month < ${f.then.before} then c.high_skilled else 0 end as then_h
      from subtree s join skill_counts_org c on c.org_id = s.id
      where c.month < ${f.now.before}
      ${days(f.now.partial, false)}
      ${days(f.then.partial, true)}
    ) u
    group by grouping sets ((key, category), (year))`.execute(db);
  const years = rows
    .filter((r) => r.category === null && r.year !== null)
    .map((r) => ({ year: r.year as number, skilled: r.skilled, highSkilled: r.highSkilled }))
    .sort((a, b) => a.year - b.year);
  return { rows: rows.filter((r) => r.category !== null).map(({ year: _y, ...r }) => r), years };
}

/**
 * Rebuilds the aggregates from the workers, set-based (after bulk loads that bypass triggers).
 * Truncate, not delete: no dead rows left for every later read to skip (PGlite has no autovacuum).
 * Written in key order, so a county's 554 enterprises read a few pages each, not one page per row.
 */
export async function rebuildSkillCounts(db: Db) {
  await sql`truncate skill_counts`.execute(db);
  await sql`
    insert into skill_counts (region_code, industry_category, month, skilled, high_skilled)
    select d.region_code, d.category, d.month, sum(d.skilled)::int, sum(d.high)::int
    from (
      select w.region_code, coalesce(e.industry_category, 'other') as category, date_trunc('month', w.skilled_since)::date as month, 1 as skilled, 0 as high
      from workers w left join enterprises e on e.org_id = w.org_id where w.skilled_since is not null
      union all
      select w.region_code, coalesce(e.industry_category, 'other'), date_trunc('month', w.high_skilled_since)::date, 0, 1
      from workers w left join enterprises e on e.org_id = w.org_id where w.high_skilled_since is not null
    ) d group by d.region_code, d.category, d.month order by 1, 2, 3`.execute(db);
  await sql`truncate skill_counts_yearly`.execute(db);
  await sql`
    insert into skill_counts_yearly (region_code, industry_category, year, skilled, high_skilled)
    select region_code, industry_category, extract(year from month)::int, sum(skilled)::int, sum(high_skilled)::int
    from skill_counts group by 1, 2, 3`.execute(db);
  await sql`truncate skill_counts_org`.execute(db);
  await sql`
    insert into skill_counts_org (org_id, month, skilled, high_skilled)
    select d.org_id, d.month, sum(d.skilled)::int, sum(d.high)::int
    from (
      select w.org_id, date_trunc('month', w.skilled_since)::date as month, 1 as skilled, 0 as high
      from workers w where w.skilled_since is not null
      union all
      select w.org_id, date_trunc('month', w.high_skilled_since)::date, 0, 1
      from workers w where w.high_skilled_since is not null
    ) d group by d.org_id, d.month order by d.org_id, d.month`.execute(db);
  // Fresh statistics: the reads pick their plans by these tables' sizes (PGlite has no autovacuum).
  for (const table of ['skill_counts', 'skill_counts_yearly', 'skill_counts_org']) await sql`analyze ${sql.table(table)}`.execute(db);
}

/**
 * The same figures from scratch, from the credentials themselves (the definition the aggregates must
 * equal): per region and category, skilled = a valid skill level issued ≤ D, high-skilled = one of rank ≥ 4.
 */
export async function skillCountsFromScratch(db: Db, asOf: string) {
  const { rows } = await sql<{ key: string; category: string; skilled: number; highSkilled: number }>`
    select w.region_code as key, coalesce(e.industry_category, 'other') as category,
      count(*)::int as skilled, count(*) filter (where c.top >= 4)::int as "highSkilled"
    from (select worker_id, max(level_rank) as top from credentials
          where kind = 'skill_level' and status = 'valid' and issued_on <= ${asOf} group by worker_id) c
    join workers w on w.id = c.worker_id
    left join enterprises e on e.org_id = w.org_id
    group by 1, 2 order by 1, 2`.execute(db);
  return rows;
}

/** The aggregates read the way the dashboard reads them (years, months, days), per region and category, as of a day. */
export async function skillCountsAsOf(db: Db, asOf: string, bound: string) {
  const year = Number(asOf.slice(0, 4));
  const monthStart = `${asOf.slice(0, 7)}-01`;
  const { rows } = await sql<{ key: string; category: string; skilled: number; highSkilled: number }>`
    select key, category, sum(skilled)::int as skilled, sum(high)::int as "highSkilled" from (
      select region_code as key, industry_category as category, skilled, high_skilled as high from skill_counts_yearly where year < ${year}
      union all
      select region_code, industry_category, skilled, high_skilled from skill_counts where month >= ${`${year}-01-01`} and month < ${bound}
      union all
      select w.region_code, coalesce(e.industry_category, 'other'), 1, 0 from workers w left join enterprises e on e.org_id = w.org_id
      where w.skilled_since between ${monthStart} and ${asOf} and ${bound} = ${monthStart}
      union all
      select w.region_code, coalesce(e.industry_category, 'other'), 0, 1 from workers w left join enterprises e on e.org_id = w.org_id
      where w.high_skilled_since between ${monthStart} and ${asOf} and ${bound} = ${monthStart}
    ) d group by 1, 2 having sum(skilled) <> 0 or sum(high) <> 0 order by 1, 2`.execute(db);
  return rows;
}

/** Per org (a worker's own org) from the credentials, as of a day: what skill_counts_org must give. */
export async function orgCountsFromScratch(db: Db, asOf: string) {
  const { rows } = await sql<{ orgId: string; skilled: number; highSkilled: number }>`
    select w.org_id, count(*)::int as skilled, count(*) filter (where c.top >= 4)::int as "highSkilled"
    from (select worker_id, max(level_rank) as top from credentials
          where kind = 'skill_level' and status = 'valid' and issued_on <= ${asOf} group by worker_id) c
    join workers w on w.id = c.worker_id
    group by 1 order by 1`.execute(db);
  return rows;
}

/** skill_counts_org read as of a day (months before `bound`, then the days of a part month). */
export async function orgCountsAsOf(db: Db, asOf: string, bound: string) {
  const monthStart = `${asOf.slice(0, 7)}-01`;
  const { rows } = await sql<{ orgId: string; skilled: number; highSkilled: number }>`
    select org_id, sum(skilled)::int as skilled, sum(high)::int as "highSkilled" from (
      select org_id, skilled, high_skilled as high from skill_counts_org where month < ${bound}
      union all
      select org_id, 1, 0 from workers where skilled_since between ${monthStart} and ${asOf} and ${bound} = ${monthStart}
      union all
      select org_id, 0, 1 from workers where high_skilled_since between ${monthStart} and ${asOf} and ${bound} = ${monthStart}
    ) d group by 1 having sum(skilled) <> 0 or sum(high) <> 0 order by 1`.execute(db);
  return rows;
}

// ——— the other computed elements: few rows, counted live ———

export type SmallCounts = Record<
  | 'leading_group_units'
  | 'liaison_units'
  | 'policies_in_force'
  | 'policies_issued'
  | 'training_bases'
  | 'master_studios'
  | 'worker_training_bases'
  | 'innovation_studios',
  number
>;

/**
 * Network units in force on the day (members and liaison units whose org lies in the subtree);
 * policies issued by the day, not repealed and not superseded by then (led from the subtree, or all
 * of them for the province root); carriers recognised by the day and not revoked by then.
 */
export async function smallCounts(db: Db, f: { path: string; isRoot: boolean; days: string[] }): Promise<SmallCounts[]> {
  const like = `${f.path}%`;
  // The province root counts everything: no org join at all.
  const orgIn = (column: string) =>
    f.isRoot ? sql`true` : sql`exists (select 1 from orgs o where o.id = ${sql.ref(column)} and o.path like ${like})`;
  // Result keys come back camel-cased (CamelCasePlugin): mapped back to element codes below.
  const { rows } = await sql<Record<string, number> & { day: string }>`
    select d.day,
      (select count(distinct a.org_id) from network_assignments a
        where a.role = 'member' and a.effective_from <= d.day and (a.effective_to is null or a.effective_to >= d.day)
          and ${orgIn('a.org_id')})::int as leading_group_units,
      (select count(distinct a.org_id) from network_assignments a
        where a.role = 'liaison' and a.effective_from <= d.day and (a.effective_to is null or a.effective_to >= d.day)
          and ${orgIn('a.org_id')})::int as liaison_units,
      (select count(*) from policies p
        where p.issued_on <= d.day and p.status <> 'repealed'
          and not exists (select 1 from policies n where n.supersedes_id = p.id and n.issued_on <= d.day)
          and ${orgIn('p.lead_org_id')})::int as policies_in_force,
      (select count(*) from policies p
        where p.issued_on between date_trunc('year', d.day)::date and d.day and p.status <> 'repealed'
          and ${orgIn('p.lead_org_id')})::int as policies_issued,
      c.training_bases, c.master_studios, c.worker_training_bases, c.innovation_studios
    from unnest(${f.days}::date[]) as d (day)
    join lateral (select * from (
      select
        count(*) filter (where c.kind = 'training_base' and c.level in ('national', 'provincial'))::int as training_bases,
        count(*) filter (where c.kind = 'master_studio')::int as master_studios,
        count(*) filter (where c.kind = 'worker_training_base')::int as worker_training_bases,
        count(*) filter (where c.kind = 'innovation_studio')::int as innovation_studios
      from carriers c
      where c.recognised_on <= d.day and (c.revoked_on is null or c.revoked_on > d.day) and ${orgIn('c.host_org_id')}
    ) counted) c on true
    order by d.day`.execute(db);
  return f.days.map((day) => {
    const r: Record<string, unknown> = rows.find((row) => row.day === day) ?? {};
    const n = (key: string) => Number(r[key] ?? 0);
    return {
      leading_group_units: n('leadingGroupUnits'),
      liaison_units: n('liaisonUnits'),
      policies_in_force: n('policiesInForce'),
      policies_issued: n('policiesIssued'),
      training_bases: n('trainingBases'),
      master_studios: n('masterStudios'),
      worker_training_bases: n('workerTrainingBases'),
      innovation_studios: n('innovationStudios'),
    };
  });
}

/** A reported element's approved values summed over an org subtree for a period (null when none is approved). */
export async function sumApproved(db: Db, elementCode: string, path: string, period: string): Promise<number | null> {
  const { rows } = await sql<{ total: string | number | null }>`
    select sum(v.approved_value) as total
    from data_values v join orgs o on o.id = v.org_id
    where v.element_code = ${elementCode} and v.period = ${period} and v.approved_value is not null and o.path like ${`${path}%`}`.execute(
    db,
  );
  const total = rows[0]?.total;
  return total === null || total === undefined ? null : Number(total);
}

// ——— indicators, versions, targets, elements ———

export function listElements(db: Db) {
  return db
    .selectFrom('dataElements')
    .select(['code', 'kind', 'nameZh', 'nameEn', 'unitZh', 'unitEn'])
    .orderBy('kind')
    .orderBy('code')
    .execute();
}

export function findElement(db: Db, code: string) {
  return db.selectFrom('dataElements').select(['code', 'kind']).where('code', '=', code).executeTakeFirst();
}

export function listIndicators(db: Db) {
  return db
    .selectFrom('indicators')
    .select(['code', 'nameZh', 'nameEn', 'unitZh', 'unitEn', 'decimals'])
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
}

export function findIndicator(db: Db, code: string) {
  return db.selectFrom('indicators').select(['code', 'nameZh', 'nameEn']).where('code', '=', code).executeTakeFirst();
}

export async function listVersions(db: Db) {
  const rows = await db
    .selectFrom('indicatorVersions')
    .select(['indicatorCode', 'version', 'effectiveFrom', 'numeratorCode', 'denominatorCode', 'factor', 'note', 'createdAt'])
    .orderBy('indicatorCode')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({ ...r, factor: Number(r.factor) }));
}

export async function listTargets(db: Db) {
  const rows = await db
    .selectFrom('indicatorTargets')
    .select(['indicatorCode', 'year', 'value', 'isUncertain', 'source'])
    .orderBy('indicatorCode')
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

export async function insertIndicator(
  db: Db,
  values: { code: string; nameZh: string; nameEn: string; unitZh: string; unitEn: string; decimals: number },
) {
  const { max } = await db
    .selectFrom('indicators')
    .select((eb) => eb.fn.max('sortOrder').as('max'))
    .executeTakeFirstOrThrow();
  await db
    .insertInto('indicators')
    .values({ ...values, sortOrder: Number(max ?? 0) + 1 })
    .execute();
}

export async function insertVersion(
  db: Db,
  values: {
    indicatorCode: string;
    effectiveFrom: string;
    numeratorCode: string;
    denominatorCode: string | null;
    factor: number;
    note: string | null;
    createdBy: string | null;
  },
) {
  const { max } = await db
    .selectFrom('indicatorVersions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('indicatorCode', '=', values.indicatorCode)
    .executeTakeFirstOrThrow();
  const version = Number(max ?? 0) + 1;
  await db
    .insertInto('indicatorVersions')
    .values({ ...values, factor: String(values.factor), version })
    .execute();
  return version;
}

export function findVersionFrom(db: Db, indicatorCode: string, effectiveFrom: string) {
  return db
    .selectFrom('indicatorVersions')
    .select(['version'])
    .where('indicatorCode', '=', indicatorCode)
    .where('effectiveFrom', '=', effectiveFrom)
    .executeTakeFirst();
}

export function findTarget(db: Db, indicatorCode: string, year: number) {
  return db
    .selectFrom('indicatorTargets')
    .select(['value', 'isUncertain', 'source'])
    .where('indicatorCode', '=', indicatorCode)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function upsertTarget(
  db: Db,
  values: {
    indicatorCode: string;
    year: number;
    value: number;
    isUncertain: boolean;
    source: string | null;
    updatedBy: string | null;
    now: Date;
  },
) {
  const { now, value, ...rest } = values;
  await db
    .insertInto('indicatorTargets')
    .values({ ...rest, value: String(value), updatedAt: now })
    .onConflict((oc) =>
      oc.columns(['indicatorCode', 'year']).doUpdateSet({
        value: String(value),
        isUncertain: rest.isUncertain,
        source: rest.source,
        updatedBy: rest.updatedBy,
        updatedAt: now,
      }),
    )
    .execute();
}

// ——— maps ———

export function findMap(db: Db, orgId: string) {
  return db
    .selectFrom('indicatorMaps')
    .select(['name', 'geojson', 'featureCodes', 'uploadedAt'])
    .where('orgId', '=', orgId)
    .executeTakeFirst();
}

export async function hasMap(db: Db, orgId: string) {
  return (await db.selectFrom('indicatorMaps').select('orgId').where('orgId', '=', orgId).executeTakeFirst()) !== undefined;
}

export async function upsertMap(
  db: Db,
  values: { orgId: string; name: string; geojson: unknown; featureCodes: string[]; uploadedBy: string | null; now: Date },
) {
  const row = {
    orgId: values.orgId,
    name: values.name,
    geojson: JSON.stringify(values.geojson),
    featureCodes: values.featureCodes,
    uploadedBy: values.uploadedBy,
    uploadedAt: values.now,
  };
  await db
    .insertInto('indicatorMaps')
    .values(row)
    .onConflict((oc) =>
      oc.column('orgId').doUpdateSet({
        name: row.name,
        geojson: row.geojson,
        featureCodes: row.featureCodes,
        uploadedBy: row.uploadedBy,
        uploadedAt: row.uploadedAt,
      }),
    )
    .execute();
}
