import { type Atom, type Expr, type IsoDate, type Plan, risingAtoms } from '@changai/domain';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/**
 * The rules compiled to one set-based query. Each atom of the plan becomes a column holding the date
 * from which it holds for the worker (credential atoms as filtered `min` aggregates in a single pass
 * over the credentials; worker atoms from the worker row). A pathway is its boolean expression over
 * `atom <= T`: at T = asOf for "eligible now", and at each rising atom's own date for "eligible from"
 * — the same algorithm as the in-memory evaluator (domain conversion/evaluate.ts), which a property
 * test holds it to.
 */

const ALWAYS = sql`date '0001-01-01'`;

const textArray = (values: readonly string[]) => sql`${[...values]}::text[]`;
const plusYears = (date: RawBuilder<unknown>, years: number) => sql`(${date} + make_interval(years => ${years}::int))::date`;

function startsWithAny(column: RawBuilder<unknown>, prefixes: readonly string[]) {
  if (prefixes.length === 0) return sql`false`;
  return sql`(${sql.join(
    prefixes.map((p) => sql`starts_with(${column}, ${p}::text)`),
    sql` or `,
  )})`;
}

function credentialMatch(atom: Extract<Atom, { type: 'holds' }>) {
  const parts = [sql`c.kind = ${atom.kind}::text`];
  if (atom.minRank !== null) parts.push(sql`c.level_rank >= ${atom.minRank}::int`);
  if (atom.levels !== null) parts.push(sql`c.level_code = any(${textArray(atom.levels)})`);
  if (atom.names !== null) parts.push(sql`c.name = any(${textArray(atom.names)})`);
  if (atom.occupationPrefixes !== null)
    parts.push(startsWithAny(sql`coalesce(c.occupation_code, w.occupation_code)`, atom.occupationPrefixes));
  if (atom.seriesNames !== null) parts.push(sql`c.series = any(${textArray(atom.seriesNames)})`);
  return sql.join(parts, sql` and `);
}

const col = (i: number) => sql.ref(`a${i}`);

/** The expression at date T, never null (a missing date means "never"). */
function exprAt(expr: Expr, at: RawBuilder<unknown>): RawBuilder<boolean> {
  if ('atom' in expr) return sql<boolean>`coalesce(${col(expr.atom)} <= ${at}, false)`;
  if ('not' in expr) return sql<boolean>`(not ${exprAt(expr.not, at)})`;
  const parts = ('allOf' in expr ? expr.allOf : expr.anyOf).map((e) => exprAt(e, at));
  return sql<boolean>`(${sql.join(parts, 'allOf' in expr ? sql` and ` : sql` or `)})`;
}

/** First date in (asOf, horizon] at which the expression holds, or null; assumes it does not hold at asOf. */
function firstFrom(expr: Expr, asOf: RawBuilder<unknown>, horizon: IsoDate | null) {
  const candidates = [...risingAtoms(expr)].map((i) => {
    const inWindow = horizon === null ? sql`${col(i)} > ${asOf}` : sql`${col(i)} > ${asOf} and ${col(i)} <= ${horizon}::date`;
    return sql`case when ${inWindow} and ${exprAt(expr, col(i))} then ${col(i)} end`;
  });
  if (candidates.length === 0) return sql`null::date`;
  return sql`least(${sql.join(candidates)})`;
}

export type Population = {
  /** Org subtree (materialized path prefix); undefined for the whole province. */
  orgPath?: string;
  workerIds?: string[];
  /** Only workers in employment (the analysis); the per-worker check takes anyone. */
  employedOnly: boolean;
};

function populationFilter(p: Population) {
  const parts = [sql`true`];
  if (p.orgPath !== undefined) parts.push(sql`exists (select 1 from orgs o where o.id = w.org_id and o.path like ${`${p.orgPath}%`})`);
  if (p.workerIds !== undefined) parts.push(sql`w.id = any(${p.workerIds}::uuid[])`);
  if (p.employedOnly) parts.push(sql`w.status = 'employed'`);
  return sql.join(parts, sql` and `);
}

/** One row per worker: the atom dates as a0…an, plus the worker's region and industry division. */
function atomFacts(plan: Plan, population: Population) {
  const credentialAtoms = plan.atoms.map((a, i) => [a, i] as const).filter(([a]) => a.type === 'holds');
  const kinds = [...new Set(credentialAtoms.map(([a]) => (a as Extract<Atom, { type: 'holds' }>).kind))];
  const workerColumns = plan.atoms.map((atom, i) => {
    switch (atom.type) {
      case 'frontline':
        return sql`case when w.is_frontline then ${ALWAYS} end as ${col(i)}`;
      case 'occupation':
        return sql`case when ${startsWithAny(sql`w.occupation_code`, atom.occupationPrefixes)} then ${ALWAYS} end as ${col(i)}`;
      case 'workYears':
        return sql`${plusYears(sql`w.employed_from`, atom.years)} as ${col(i)}`;
      default:
        return sql`cr.${col(i)} as ${col(i)}`;
    }
  });
  const credentialColumns = credentialAtoms.map(([atom, i]) => {
    const a = atom as Extract<Atom, { type: 'holds' }>;
    const start = a.fromWork ? sql`greatest(c.issued_on, w.employed_from)` : sql`c.issued_on`;
    return sql`min(${plusYears(start, a.years)}) filter (where ${credentialMatch(a)}) as ${col(i)}`;
  });
  const credentialsJoin =
    credentialColumns.length === 0
      ? sql``
      : sql`left join (
          select c.worker_id, ${sql.join(credentialColumns)}
          from credentials c join workers w on w.id = c.worker_id
          where c.status = 'valid' and c.kind = any(${textArray(kinds)}) and ${populationFilter(population)}
          group by c.worker_id
        ) cr on cr.worker_id = w.id`;
  return sql`
    select w.id, w.region_code, w.industry_division${plan.atoms.length ? sql`, ${sql.join(workerColumns)}` : sql``}
    from workers w
    ${credentialsJoin}
    where ${populationFilter(population)}`;
}

function pathwayColumns(plan: Plan, asOf: IsoDate, horizon: IsoDate | null) {
  const at = sql`${asOf}::date`;
  return plan.pathways.flatMap((p, k) => [
    sql`${exprAt(p.whole, at)} as ${sql.ref(`now${k}`)}`,
    sql`case when ${exprAt(p.whole, at)} then null else ${firstFrom(p.whole, at, horizon)} end as ${sql.ref(`from${k}`)}`,
  ]);
}

export type WorkerVerdictRow = { id: string } & Record<string, unknown>;

/** Per-worker verdicts for a few workers (no horizon): what the property test compares with memory. */
export async function workerVerdicts(db: Db, plan: Plan, asOf: IsoDate, workerIds: string[]) {
  const facts = atomFacts(plan, { workerIds, employedOnly: false });
  const { rows } = await sql<WorkerVerdictRow>`
    select f.id${plan.pathways.length ? sql`, ${sql.join(pathwayColumns(plan, asOf, null))}` : sql``}
    from (${facts}) f`.execute(db);
  return rows.map((row) => ({
    workerId: row.id,
    pathways: plan.pathways.map((p, k) => ({
      pathwayId: p.id,
      now: row[`now${k}`] as boolean,
      from: (row[`from${k}`] as string | null) ?? null,
    })),
  }));
}

export type CategoryDivisions = { pillar: string[]; characteristic: string[]; emerging: string[] };

export type EligibilityGroup = {
  regionCode: string;
  isPillar: boolean;
  isCharacteristic: boolean;
  isEmerging: boolean;
  workers: number;
  /** Per pathway, in plan order. */
  now: number[];
  soon: number[];
};

/**
 * The eligibility table: counts per prefecture × industry-category flags, for every pathway, now and
 * becoming eligible within (asOf, horizon]. Small result (≤ 17 × 8 rows); the service folds it.
 */
export async function eligibilityGroups(
  db: Db,
  plan: Plan,
  opts: { asOf: IsoDate; horizon: IsoDate; population: Population; categories: CategoryDivisions },
): Promise<EligibilityGroup[]> {
  const facts = atomFacts(plan, opts.population);
  const counts = plan.pathways.flatMap((_, k) => [
    sql`count(*) filter (where ${sql.ref(`now${k}`)})::int as ${sql.ref(`n${k}`)}`,
    sql`count(*) filter (where ${sql.ref(`from${k}`)} is not null)::int as ${sql.ref(`s${k}`)}`,
  ]);
  const { rows } = await sql<Record<string, unknown>>`
    select v.prefecture, v.pillar, v.characteristic, v.emerging, count(*)::int as workers
      ${counts.length ? sql`, ${sql.join(counts)}` : sql``}
    from (
      select
        case when substr(f.region_code, 3, 2) = '90' then f.region_code else substr(f.region_code, 1, 4) || '00' end as prefecture,
        coalesce(f.industry_division = any(${textArray(opts.categories.pillar)}), false) as pillar,
        coalesce(f.industry_division = any(${textArray(opts.categories.characteristic)}), false) as characteristic,
        coalesce(f.industry_division = any(${textArray(opts.categories.emerging)}), false) as emerging
        ${plan.pathways.length ? sql`, ${sql.join(pathwayColumns(plan, opts.asOf, opts.horizon))}` : sql``}
      from (${facts}) f
    ) v
    group by v.prefecture, v.pillar, v.characteristic, v.emerging
    order by v.prefecture, v.pillar, v.characteristic, v.emerging`.execute(db);
  return rows.map((r) => ({
    regionCode: r.prefecture as string,
    isPillar: r.pillar as boolean,
    isCharacteristic: r.characteristic as boolean,
    isEmerging: r.emerging as boolean,
    workers: Number(r.workers),
    now: plan.pathways.map((_, k) => Number(r[`n${k}`])),
    soon: plan.pathways.map((_, k) => Number(r[`s${k}`])),
  }));
}

export function regionNames(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('orgs').select(['code', 'name']).where('code', 'in', codes).orderBy('code').execute();
}
