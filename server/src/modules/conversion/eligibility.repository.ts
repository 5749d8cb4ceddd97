import { type Atom, addYears, type Expr, type IsoDate, type Plan, risingAtoms } from '@changai/domain';
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
const plusYears = (date: RawBuilder<unknown>, years: number) =>
  years === 0 ? sql`${date}` : sql`(${date} + ${sql.lit(`${Math.trunc(years)} years`)}::interval)::date`;

function startsWithAny(column: RawBuilder<unknown>, prefixes: readonly string[]) {
  if (prefixes.length === 0) return sql`false`;
  return sql`(${sql.join(
    prefixes.map((p) => sql`starts_with(${column}, ${p}::text)`),
    sql` or `,
  )})`;
}

/** The credential filter of a holds-atom, except the occupation test (split off below). */
function credentialMatch(atom: Extract<Atom, { type: 'holds' }>) {
  const parts = [sql`c.kind = ${atom.kind}::text`];
  if (atom.minRank !== null) parts.push(sql`c.level_rank >= ${atom.minRank}::int`);
  if (atom.levels !== null) parts.push(sql`c.level_code = any(${textArray(atom.levels)})`);
  if (atom.names !== null) parts.push(sql`c.name = any(${textArray(atom.names)})`);
  if (atom.seriesNames !== null) parts.push(sql`c.series = any(${textArray(atom.seriesNames)})`);
  return parts;
}

/** Column of atom i: the date its years are counted from (the atom holds from that date + its years). */
const col = (i: number) => sql.ref(`s${i}`);

const yearsOf = (atom: Atom) => (atom.type === 'holds' || atom.type === 'workYears' ? atom.years : 0);

/**
 * The latest start date whose date + n years is still on or before T, so "start + n years <= T" is a
 * plain comparison with a constant. Date + years clamps 29 February (2020-02-29 + 1 → 2021-02-28),
 * hence the one-day check after subtracting.
 */
export function latestStart(t: IsoDate, years: number): IsoDate {
  if (years === 0) return t;
  const back = addYears(t, -years);
  const next = new Date(Date.parse(`${back}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return addYears(next, years) <= t ? next : back;
}

/** The expression on asOf, over the per-worker booleans b_i (atom i holds on asOf), computed once. */
function exprNow(expr: Expr): RawBuilder<boolean> {
  if ('atom' in expr) return sql<boolean>`${sql.ref(`b${expr.atom}`)}`;
  if ('not' in expr) return sql<boolean>`(not ${exprNow(expr.not)})`;
  const parts = ('allOf' in expr ? expr.allOf : expr.anyOf).map(exprNow);
  return sql<boolean>`(${sql.join(parts, 'allOf' in expr ? sql` and ` : sql` or `)})`;
}

/** The date atom i holds from (start + years), or null. */
const atomDate = (plan: Plan, i: number) => plusYears(col(i), yearsOf(plan.atoms[i]!));

/** The expression at date T, never null (a missing date means "never"). */
function exprAt(plan: Plan, expr: Expr, at: RawBuilder<unknown>): RawBuilder<boolean> {
  if ('atom' in expr) return sql<boolean>`coalesce(${atomDate(plan, expr.atom)} <= ${at}, false)`;
  if ('not' in expr) return sql<boolean>`(not ${exprAt(plan, expr.not, at)})`;
  const parts = ('allOf' in expr ? expr.allOf : expr.anyOf).map((e) => exprAt(plan, e, at));
  return sql<boolean>`(${sql.join(parts, 'allOf' in expr ? sql` and ` : sql` or `)})`;
}

/**
 * First date in (asOf, horizon] at which the expression holds, or null; assumes it does not hold on
 * asOf. The window test compares start dates with constants, so the date arithmetic runs only for
 * the few workers with an atom coming due.
 */
function firstFrom(plan: Plan, expr: Expr, asOf: IsoDate, horizon: IsoDate | null) {
  const candidates = [...risingAtoms(expr)].map((i) => {
    const years = yearsOf(plan.atoms[i]!);
    const after = sql`${col(i)} > ${latestStart(asOf, years)}::date`;
    const inWindow = horizon === null ? after : sql`${after} and ${col(i)} <= ${latestStart(horizon, years)}::date`;
    return sql`case when ${inWindow} and ${exprAt(plan, expr, atomDate(plan, i))} then ${atomDate(plan, i)} end`;
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

/**
 * One row per worker: each atom's start date as s0…sn (it holds from start + its years), plus the region and industry.
 * Credentials are aggregated alone (no join): min(issued_on) per distinct filter, shared by atoms that
 * differ only in years or in counting from employment, since min(d) + n years = min(d + n years) and
 * max(min(d), employed_from) = min(max(d, employed_from)). A skill level with no occupation of its own
 * takes the worker's: a second minimum over those, used when the worker's occupation matches.
 */
function atomFacts(plan: Plan, population: Population) {
  const aggregates = new Map<string, { name: RawBuilder<unknown>; filter: RawBuilder<unknown> }>();
  const minimum = (key: unknown, filter: RawBuilder<unknown>[]) => {
    const k = JSON.stringify(key);
    let found = aggregates.get(k);
    if (!found) {
      found = { name: sql.ref(`m${aggregates.size}`), filter: sql.join(filter, sql` and `) };
      aggregates.set(k, found);
    }
    return sql`cr.${found.name}`;
  };
  const columns = plan.atoms.map((atom, i) => {
    switch (atom.type) {
      case 'frontline':
        return sql`case when w.is_frontline then ${ALWAYS} end as ${col(i)}`;
      case 'occupation':
        return sql`case when ${startsWithAny(sql`w.occupation_code`, atom.occupationPrefixes)} then ${ALWAYS} end as ${col(i)}`;
      case 'workYears':
        return sql`w.employed_from as ${col(i)}`;
      default: {
        const base = credentialMatch(atom);
        const spec = { kind: atom.kind, minRank: atom.minRank, levels: atom.levels, names: atom.names, series: atom.seriesNames };
        let earliest: RawBuilder<unknown>;
        if (atom.occupationPrefixes === null) earliest = minimum(spec, base);
        else {
          const own = minimum({ ...spec, own: atom.occupationPrefixes }, [
            ...base,
            startsWithAny(sql`c.occupation_code`, atom.occupationPrefixes),
          ]);
          const inherited = minimum({ ...spec, inherited: true }, [...base, sql`c.occupation_code is null`]);
          earliest = sql`least(${own}, case when ${startsWithAny(sql`w.occupation_code`, atom.occupationPrefixes)} then ${inherited} end)`;
        }
        const start = atom.fromWork ? sql`case when ${earliest} is not null then greatest(${earliest}, w.employed_from) end` : earliest;
        return sql`${start} as ${col(i)}`;
      }
    }
  });
  const kinds = [...new Set(plan.atoms.flatMap((a) => (a.type === 'holds' ? [a.kind] : [])))];
  // A restricted population (a subtree, a few workers) narrows the credentials scanned too.
  const narrow = population.orgPath !== undefined || population.workerIds !== undefined;
  const credentialsJoin =
    aggregates.size === 0
      ? sql``
      : sql`left join (
          select c.worker_id, ${sql.join([...aggregates.values()].map((a) => sql`min(c.issued_on) filter (where ${a.filter}) as ${a.name}`))}
          from credentials c
          where c.status = 'valid' and c.kind = any(${textArray(kinds)})
            ${narrow ? sql`and c.worker_id in (select w.id from workers w where ${populationFilter(population)})` : sql``}
          group by c.worker_id
        ) cr on cr.worker_id = w.id`;
  return sql`
    select w.id, w.region_code, w.industry_division${columns.length ? sql`, ${sql.join(columns)}` : sql``}
    from workers w
    ${credentialsJoin}
    where ${populationFilter(population)}`;
}

/**
 * Per worker: now{k} and from{k} for every pathway. Layered with `offset 0` fences so PostgreSQL
 * computes each atom's boolean once per row instead of inlining it into every pathway expression.
 */
function verdictRows(plan: Plan, facts: RawBuilder<unknown>, asOf: IsoDate, horizon: IsoDate | null) {
  const atoms = plan.atoms.map((_, i) => col(i));
  const bools = plan.atoms.map(
    (atom, i) => sql`coalesce(${col(i)} <= ${latestStart(asOf, yearsOf(atom))}::date, false) as ${sql.ref(`b${i}`)}`,
  );
  const nows = plan.pathways.map((p, k) => sql`${exprNow(p.whole)} as ${sql.ref(`now${k}`)}`);
  const froms = plan.pathways.map(
    (p, k) => sql`case when ${sql.ref(`now${k}`)} then null else ${firstFrom(plan, p.whole, asOf, horizon)} end as ${sql.ref(`from${k}`)}`,
  );
  const list = (items: RawBuilder<unknown>[]) => (items.length ? sql`, ${sql.join(items)}` : sql``);
  return sql`
    select l3.id, l3.region_code, l3.industry_division ${list(plan.pathways.map((_, k) => sql.ref(`now${k}`)) as never)} ${list(froms)}
    from (
      select l2.id, l2.region_code, l2.industry_division ${list(atoms as never)} ${list(nows)}
      from (
        select f.id, f.region_code, f.industry_division ${list(atoms.map((a) => sql`f.${a}`))} ${list(bools)}
        from (${facts}) f
        offset 0
      ) l2
      offset 0
    ) l3`;
}

export type WorkerVerdictRow = { id: string } & Record<string, unknown>;

/** Per-worker verdicts for a few workers (no horizon): what the property test compares with memory. */
export async function workerVerdicts(db: Db, plan: Plan, asOf: IsoDate, workerIds: string[]) {
  const facts = atomFacts(plan, { workerIds, employedOnly: false });
  const { rows } = await sql<WorkerVerdictRow>`select * from (${verdictRows(plan, facts, asOf, null)}) v`.execute(db);
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
  const { rows } = await eligibilityQuery(plan, opts).execute(db);
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

/** The eligibility table's SQL (exported so benches can EXPLAIN it). */
export function eligibilityQuery(
  plan: Plan,
  opts: { asOf: IsoDate; horizon: IsoDate; population: Population; categories: CategoryDivisions },
) {
  const facts = atomFacts(plan, opts.population);
  const counts = plan.pathways.flatMap((_, k) => [
    sql`count(*) filter (where ${sql.ref(`now${k}`)})::int as ${sql.ref(`n${k}`)}`,
    sql`count(*) filter (where ${sql.ref(`from${k}`)} is not null)::int as ${sql.ref(`s${k}`)}`,
  ]);
  return sql<Record<string, unknown>>`
    select v.prefecture, v.pillar, v.characteristic, v.emerging, count(*)::int as workers
      ${counts.length ? sql`, ${sql.join(counts)}` : sql``}
    from (
      select
        case when substr(f.region_code, 3, 2) = '90' then f.region_code else substr(f.region_code, 1, 4) || '00' end as prefecture,
        coalesce(f.industry_division = any(${textArray(opts.categories.pillar)}), false) as pillar,
        coalesce(f.industry_division = any(${textArray(opts.categories.characteristic)}), false) as characteristic,
        coalesce(f.industry_division = any(${textArray(opts.categories.emerging)}), false) as emerging,
        f.*
      from (${verdictRows(plan, facts, opts.asOf, opts.horizon)}) f
    ) v
    group by v.prefecture, v.pillar, v.characteristic, v.emerging
    order by v.prefecture, v.pillar, v.characteristic, v.emerging`;
}

export function regionNames(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('orgs').select(['code', 'name']).where('code', 'in', codes).orderBy('code').execute();
}
