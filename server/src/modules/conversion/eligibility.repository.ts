import { type Atom, addYears, type Expr, factPairs, factsHorizon, type IsoDate, type Plan, presentBit, risingAtoms } from '@changai/domain';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { prefectureOfColumn } from '../../platform/db/regions.js';

/**
 * The rules compiled to one set-based query. Each atom of the plan reads a column holding the date
 * its years count from (credential atoms as filtered `min` aggregates in a single pass over the
 * credentials; worker atoms from the worker row); it holds from that date + its years. A pathway is
 * its boolean expression over "atom holds at T": at T = asOf for "eligible now", and at each rising
 * atom's own date for "eligible from" — the same algorithm as the in-memory evaluator (domain
 * conversion/evaluate.ts), which a property test holds it to.
 */

const ALWAYS = sql`date '0001-01-01'`;

/** Constants are inlined as literals (Kysely escapes them), so a statement can be stored and run by the facts triggers. */
const textArray = (values: readonly string[]) =>
  values.length === 0 ? sql`array[]::text[]` : sql`array[${sql.join(values.map((v) => sql.lit(v)))}]::text[]`;
const plusYears = (date: RawBuilder<unknown>, years: number) =>
  years === 0 ? sql`${date}` : sql`(${date} + ${sql.lit(`${Math.trunc(years)} years`)}::interval)::date`;

function startsWithAny(column: RawBuilder<unknown>, prefixes: readonly string[]) {
  if (prefixes.length === 0) return sql`false`;
  return sql`(${sql.join(
    prefixes.map((p) => sql`starts_with(${column}, ${sql.lit(p)}::text)`),
    sql` or `,
  )})`;
}

/** The credential filter of a holds-atom, except the occupation test (split off below). */
function credentialMatch(atom: Extract<Atom, { type: 'holds' }>) {
  const parts = [sql`c.kind = ${sql.lit(atom.kind)}::text`];
  if (atom.minRank !== null) parts.push(sql`c.level_rank >= ${sql.lit(atom.minRank)}::int`);
  if (atom.levels !== null) parts.push(sql`c.level_code = any(${textArray(atom.levels)})`);
  if (atom.names !== null) parts.push(sql`c.name = any(${textArray(atom.names)})`);
  if (atom.seriesNames !== null) parts.push(sql`c.series = any(${textArray(atom.seriesNames)})`);
  return parts;
}

/** Column of atom i: the date its years are counted from (the atom holds from that date + its years). */
/**
 * Where each atom of each plan reads its start date: atoms that differ only in their years share one
 * column (and plans compiled from the same rules with different parameters share all of them, so a
 * what-if costs one pass over the registry, not two).
 */
type Ref = { column: number; years: number };
type Layout = { columns: Atom[]; refs: Ref[][] };

const yearsOf = (atom: Atom) => (atom.type === 'holds' || atom.type === 'workYears' ? atom.years : 0);
/** An atom's column: atoms differing only in their years read the same start date. */
export const columnKey = (atom: Atom) => JSON.stringify(atom.type === 'holds' || atom.type === 'workYears' ? { ...atom, years: 0 } : atom);

function layoutOf(plans: Plan[]): Layout {
  const columns: Atom[] = [];
  const index = new Map<string, number>();
  const refs = plans.map((plan) =>
    plan.atoms.map((atom) => {
      const key = columnKey(atom);
      let column = index.get(key);
      if (column === undefined) {
        column = columns.length;
        columns.push(atom);
        index.set(key, column);
      }
      return { column, years: yearsOf(atom) };
    }),
  );
  return { columns, refs };
}

/** Column of a start date: the atom holds from start + its years. */
const col = (c: number) => sql.ref(`s${c}`);

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

const atomDate = (ref: Ref) => plusYears(col(ref.column), ref.years);
const join = (parts: RawBuilder<boolean>[], and: boolean) => sql<boolean>`(${sql.join(parts, and ? sql` and ` : sql` or `)})`;

/** The expression on asOf, over per-row booleans computed once (named by `boolOf`). */
function exprNow(expr: Expr, boolOf: (atom: number) => RawBuilder<unknown>): RawBuilder<boolean> {
  if ('atom' in expr) return sql<boolean>`${boolOf(expr.atom)}`;
  if ('not' in expr) return sql<boolean>`(not ${exprNow(expr.not, boolOf)})`;
  return join(
    ('allOf' in expr ? expr.allOf : expr.anyOf).map((e) => exprNow(e, boolOf)),
    'allOf' in expr,
  );
}

/** The expression at date T, never null (a missing date means "never"). */
function exprAt(refs: Ref[], expr: Expr, at: RawBuilder<unknown>): RawBuilder<boolean> {
  if ('atom' in expr) return sql<boolean>`coalesce(${atomDate(refs[expr.atom]!)} <= ${at}, false)`;
  if ('not' in expr) return sql<boolean>`(not ${exprAt(refs, expr.not, at)})`;
  return join(
    ('allOf' in expr ? expr.allOf : expr.anyOf).map((e) => exprAt(refs, e, at)),
    'allOf' in expr,
  );
}

/**
 * First date in (asOf, horizon] at which the expression holds, or null; assumes it does not hold on
 * asOf. The window test compares start dates with constants, so the date arithmetic runs only for
 * the few workers with an atom coming due.
 */
function firstFrom(refs: Ref[], expr: Expr, asOf: IsoDate, horizon: IsoDate | null) {
  const candidates = [...risingAtoms(expr)].map((i) => {
    const ref = refs[i]!;
    const after = sql`${col(ref.column)} > ${latestStart(asOf, ref.years)}::date`;
    const inWindow = horizon === null ? after : sql`${after} and ${col(ref.column)} <= ${latestStart(horizon, ref.years)}::date`;
    return sql`case when ${inWindow} and ${exprAt(refs, expr, atomDate(ref))} then ${atomDate(ref)} end`;
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

const PREFECTURE = prefectureOfColumn('w.region_code');

/**
 * One row per worker of `workers w where filter`: each column's start date as s0…sn, plus what the
 * table groups and filters by. Credentials are aggregated alone (no join): min(issued_on) per
 * distinct filter, since min(d) + n years = min(d + n years) and max(min(d), employed_from) =
 * min(max(d, employed_from)). A skill level with no occupation of its own takes the worker's: a
 * second minimum over those, used when the worker's occupation matches. `narrow`: the filter picks
 * few workers, so the credentials are read for those only.
 */
export function atomFacts(columns: Atom[], filter: RawBuilder<unknown>, narrow: boolean) {
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
  // The worker's occupation tested once per field, however many atoms ask.
  const occupationFlags = new Map<string, { name: RawBuilder<unknown>; test: RawBuilder<unknown> }>();
  const occupationMatches = (prefixes: string[]) => {
    const k = JSON.stringify(prefixes);
    let found = occupationFlags.get(k);
    if (!found) {
      found = { name: sql.ref(`o${occupationFlags.size}`), test: startsWithAny(sql`w.occupation_code`, prefixes) };
      occupationFlags.set(k, found);
    }
    return sql`wf.${found.name}`;
  };
  const selected = columns.map((atom, c) => {
    switch (atom.type) {
      case 'frontline':
        return sql`case when wf.is_frontline then ${ALWAYS} end as ${col(c)}`;
      case 'occupation':
        return sql`case when ${occupationMatches(atom.occupationPrefixes)} then ${ALWAYS} end as ${col(c)}`;
      case 'workYears':
        return sql`wf.employed_from as ${col(c)}`;
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
          earliest = sql`least(${own}, case when ${occupationMatches(atom.occupationPrefixes)} then ${inherited} end)`;
        }
        const start = atom.fromWork ? sql`case when ${earliest} is not null then greatest(${earliest}, wf.employed_from) end` : earliest;
        return sql`${start} as ${col(c)}`;
      }
    }
  });
  const kinds = [...new Set(columns.flatMap((a) => (a.type === 'holds' ? [a.kind] : [])))];
  const credentialsJoin =
    aggregates.size === 0
      ? sql``
      : sql`left join (
          select c.worker_id, ${sql.join([...aggregates.values()].map((a) => sql`min(c.issued_on) filter (where ${a.filter}) as ${a.name}`))}
          from credentials c
          where c.status = 'valid' and c.kind = any(${textArray(kinds)})
            ${narrow ? sql`and c.worker_id in (select w.id from workers w where ${filter})` : sql``}
          group by c.worker_id
        ) cr on cr.worker_id = wf.id`;
  const flags = [...occupationFlags.values()].map((f) => sql`${f.test} as ${f.name}`);
  return sql`
    select wf.id, wf.org_id, wf.prefecture, wf.industry_division, wf.is_employed${selected.length ? sql`, ${sql.join(selected)}` : sql``}
    from (
      select w.id, w.org_id, ${PREFECTURE} as prefecture, w.industry_division, w.status = 'employed' as is_employed,
        w.is_frontline, w.employed_from${flags.length ? sql`, ${sql.join(flags)}` : sql``}
      from workers w
      where ${filter}
      offset 0
    ) wf
    ${credentialsJoin}`;
}

/**
 * Where the verdicts read their start dates: computed from the registry, or the stored facts
 * (`stored`: the stored column of each layout column; `steps`: the stored layout's years per stored column).
 */
export type FactsSource = { kind: 'live' } | { kind: 'stored'; stored: number[]; steps: number[][]; baseOn: IsoDate };

/** Rows of id, prefecture, industry_division, s0…sn (layout order) for the population. */
function factRows(columns: Atom[], population: Population, source: FactsSource) {
  if (source.kind === 'live') {
    const narrow = population.orgPath !== undefined || population.workerIds !== undefined;
    return atomFacts(columns, populationFilter(population), narrow);
  }
  const parts = [sql`true`];
  if (population.orgPath !== undefined)
    parts.push(sql`f.org_id in (select o.id from orgs o where o.path like ${`${population.orgPath}%`})`);
  if (population.workerIds !== undefined) parts.push(sql`f.worker_id = any(${population.workerIds}::uuid[])`);
  if (population.employedOnly) parts.push(sql`f.is_employed`);
  const starts = source.stored.map((s, c) => sql`f.${sql.ref(`s${s}`)} as ${col(c)}`);
  return sql`
    select f.worker_id as id, f.prefecture, f.industry_division, f.mask, f.valid_from, f.valid_until, f.mask_h, f.h_from, f.h_until, f.mids, f.present${starts.length ? sql`, ${sql.join(starts)}` : sql``}
    from conversion_facts f
    where ${sql.join(parts, sql` and `)}`;
}

/**
 * Per worker and plan: now{q}p{k} and from{q}p{k} for every pathway k. Layered with `offset 0`
 * fences so PostgreSQL computes each atom's boolean once per row instead of inlining it into every
 * pathway expression. The dates to come are looked for only where some start date falls in the
 * hull of its atoms' windows (a cheap test over the row; without one, nothing changes between asOf
 * and the horizon, so what does not hold now does not hold then either).
 */
function verdictRows(plans: Plan[], layout: Layout, facts: RawBuilder<unknown>, asOf: IsoDate, horizon: IsoDate | null) {
  const starts = layout.columns.map((_, c) => col(c));
  const bools = new Map<string, { name: RawBuilder<unknown>; test: RawBuilder<unknown> }>();
  const boolFor = (ref: Ref) => {
    const bound = latestStart(asOf, ref.years);
    const k = `${ref.column}|${bound}`;
    let found = bools.get(k);
    if (!found) {
      found = { name: sql.ref(`b${bools.size}`), test: sql`coalesce(${col(ref.column)} <= ${bound}::date, false)` };
      bools.set(k, found);
    }
    return found.name;
  };
  const nows = plans.flatMap((plan, q) =>
    plan.pathways.map((p, k) => sql`${exprNow(p.whole, (i) => boolFor(layout.refs[q]![i]!))} as ${sql.ref(`now${q}p${k}`)}`),
  );
  const nowNames = plans.flatMap((plan, q) => plan.pathways.map((_, k) => sql.ref(`now${q}p${k}`)));
  // Per column, the years of the atoms that can rise on it: its window hull is (asOf - max, horizon - min].
  const rising = new Map<number, number[]>();
  plans.forEach((plan, q) => {
    for (const p of plan.pathways) {
      for (const i of risingAtoms(p.whole)) {
        const ref = layout.refs[q]![i]!;
        rising.set(ref.column, [...(rising.get(ref.column) ?? []), ref.years]);
      }
    }
  });
  const windows = [...rising.entries()].map(([c, years]) => {
    const after = sql`${col(c)} > ${latestStart(asOf, Math.max(...years))}::date`;
    return horizon === null ? after : sql`(${after} and ${col(c)} <= ${latestStart(horizon, Math.min(...years))}::date)`;
  });
  const dueTest = windows.length ? sql`coalesce(${sql.join(windows, sql` or `)}, false)` : sql`false`;
  const froms = plans.flatMap((plan, q) =>
    plan.pathways.map(
      (p, k) =>
        sql`case when ${sql.ref(`now${q}p${k}`)} or not l3.due then null else ${firstFrom(layout.refs[q]!, p.whole, asOf, horizon)} end as ${sql.ref(`from${q}p${k}`)}`,
    ),
  );
  const list = (items: RawBuilder<unknown>[]) => (items.length ? sql`, ${sql.join(items)}` : sql``);
  const boolColumns = [...bools.values()].map((b) => sql`${b.test} as ${b.name}`);
  return sql`
    select l3.id, l3.prefecture, l3.industry_division ${list(nowNames as never)} ${list(froms)}
    from (
      select l2.id, l2.prefecture, l2.industry_division, l2.due ${list(starts as never)} ${list(nows)}
      from (
        select f.id, f.prefecture, f.industry_division, ${dueTest} as due ${list(starts.map((s) => sql`f.${s}`))} ${list(boolColumns)}
        from (${facts}) f
        offset 0
      ) l2
      offset 0
    ) l3`;
}

export type WorkerVerdictRow = { id: string } & Record<string, unknown>;

/** Per-worker verdicts for a few workers (no horizon): what the property test compares with memory. */
export async function workerVerdicts(db: Db, plan: Plan, asOf: IsoDate, workerIds: string[], source: FactsSource = { kind: 'live' }) {
  const layout = layoutOf([plan]);
  const facts = factRows(layout.columns, { workerIds, employedOnly: false }, source);
  const { rows } = await sql<WorkerVerdictRow>`select * from (${verdictRows([plan], layout, facts, asOf, null)}) v`.execute(db);
  return rows.map((row) => ({
    workerId: row.id,
    pathways: plan.pathways.map((p, k) => ({
      pathwayId: p.id,
      now: row[`now0p${k}`] as boolean,
      from: (row[`from0p${k}`] as string | null) ?? null,
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

type TableOptions = { asOf: IsoDate; horizon: IsoDate; population: Population; categories: CategoryDivisions; source?: FactsSource };

/**
 * The eligibility table: counts per prefecture × industry division, for every pathway of each plan
 * (the rules in force, and a draft), now and becoming eligible within (asOf, horizon]. One pass over
 * the facts for all plans; small result (prefectures × divisions), its divisions flagged with their
 * industry categories here and folded by the service.
 */
export async function eligibilityGroups(db: Db, plans: Plan[], opts: TableOptions): Promise<EligibilityGroup[][]> {
  const { rows } = await eligibilityQuery(plans, opts).execute(db);
  const has = (list: string[], division: unknown) => typeof division === 'string' && list.includes(division);
  return plans.map((plan, q) =>
    rows.map((r) => ({
      regionCode: r.prefecture as string,
      isPillar: has(opts.categories.pillar, r.industryDivision),
      isCharacteristic: has(opts.categories.characteristic, r.industryDivision),
      isEmerging: has(opts.categories.emerging, r.industryDivision),
      workers: Number(r.workers),
      now: plan.pathways.map((_, k) => Number(r[`n${q}p${k}`])),
      soon: plan.pathways.map((_, k) => Number(r[`s${q}p${k}`])),
    })),
  );
}

/** The columns (atoms without their years) the plans read, in layout order. */
export function layoutColumns(plans: Plan[]): Atom[] {
  return layoutOf(plans).columns;
}

/** Per column of `layoutColumns(plans)`, the distinct years the plans count on it, ascending. */
export function layoutSteps(plans: Plan[]): number[][] {
  const layout = layoutOf(plans);
  const steps = layout.columns.map(() => new Set<number>());
  for (const refs of layout.refs) for (const ref of refs) steps[ref.column]!.add(ref.years);
  return steps.map((years) => [...years].sort((a, b) => a - b));
}

/** The eligibility table's SQL (exported so benches can EXPLAIN it). */
export function eligibilityQuery(plans: Plan[], opts: TableOptions) {
  const layout = layoutOf(plans);
  const source = opts.source ?? { kind: 'live' };
  if (source.kind === 'stored') return storedQuery(plans, layout, opts, source);
  const facts = factRows(layout.columns, opts.population, source);
  const counts = plans.flatMap((plan, q) =>
    plan.pathways.flatMap((_, k) => [
      sql`count(*) filter (where ${sql.ref(`now${q}p${k}`)})::int as ${sql.ref(`n${q}p${k}`)}`,
      sql`count(*) filter (where ${sql.ref(`from${q}p${k}`)} is not null)::int as ${sql.ref(`s${q}p${k}`)}`,
    ]),
  );
  return sql<Record<string, unknown>>`
    select v.prefecture, v.industry_division, count(*)::int as workers
      ${counts.length ? sql`, ${sql.join(counts)}` : sql``}
    from (${verdictRows(plans, layout, facts, opts.asOf, opts.horizon)}) v
    group by v.prefecture, v.industry_division
    order by v.prefecture, v.industry_division`;
}

const MASK_BITS = 62;
const bitValue = (bit: number) => sql.lit(String(2n ** BigInt(bit % MASK_BITS)));

const isSet = (prefix: string, bit: number) =>
  sql`((m.${sql.ref(`${prefix}${Math.floor(bit / MASK_BITS)}`)} & ${bitValue(bit)}::bigint) <> 0)`;

/** Columns read from the same credentials (one kind), which are null together for most workers. */
const familyOf = (atom: Atom) => (atom.type === 'holds' ? `holds:${atom.kind}` : atom.type);

/**
 * The table over the stored facts, doing little per row. Each row keeps its atoms' truths as masks
 * taken on the layout's base day and on that day's horizon, with the spans over which they hold
 * (migration 0020): on the base day, a row is counted by its two masks alone (a plain row). An atom
 * only turns true as time passes, so a pathway whose negated atoms stay as they are through the window
 * becomes true within it exactly when it is false on asOf and true on the horizon: that is read from
 * the two masks, once per distinct pair of them. Any other row computes what its masks lack from its
 * start dates (one comparison per distinct start-date bound, skipped as a whole for a family of columns
 * that are all null): both masks when the spans do not cover asOf and the horizon, the bits of a
 * draft's years the facts do not keep, and — for a row with a negated atom coming due inside the window
 * (a credential dated ahead) — the pathways that become true within the window, exactly as for one
 * worker. Rows are counted per prefecture × division × masks (for the whole province on the base day,
 * read from the tally), and the pathways evaluated once per distinct set of masks.
 */
function storedQuery(plans: Plan[], layout: Layout, opts: TableOptions, source: Extract<FactsSource, { kind: 'stored' }>) {
  const { stored } = source;
  const facts = factRows(layout.columns, opts.population, source);
  const { asOf, horizon } = opts;
  // The atoms' truths, one bit per distinct (column, years): on asOf in the w words, on the horizon in the h words.
  const bits = new Map<string, { bit: number; column: number; years: number }>();
  const bitFor = (ref: Ref) => {
    const k = `${ref.column}|${ref.years}`;
    let found = bits.get(k);
    if (!found) {
      found = { bit: bits.size, column: ref.column, years: ref.years };
      bits.set(k, found);
    }
    return found.bit;
  };
  // Each (column, years)'s window: its atom turns true within (asOf, horizon].
  const windowTest = (ref: Ref) =>
    sql`(${col(ref.column)} > ${latestStart(asOf, ref.years)}::date and ${col(ref.column)} <= ${latestStart(horizon, ref.years)}::date)`;
  const negated = new Map<string, Ref>();
  plans.forEach((plan, q) => {
    const refs = layout.refs[q]!;
    for (const ref of refs) bitFor(ref);
    for (const p of plan.pathways) {
      for (const i of risingAtoms(p.whole, false)) negated.set(`${refs[i]!.column}|${refs[i]!.years}`, refs[i]!);
    }
  });
  // The stored pair of each bit, when the facts keep its very (column, years); a draft's other years are missing.
  const pairs = factPairs(source.steps);
  const masksKept = pairs.length > 0 && pairs.length === source.steps.flat().length;
  const pairOf = new Map<string, number>(pairs.map((pair, j) => [`${pair.column}|${pair.years}`, j]));
  const pairFor = (b: { column: number; years: number }) => (masksKept ? pairOf.get(`${stored[b.column]}|${b.years}`) : undefined);
  const missing = [...bits.values()].filter((b) => pairFor(b) === undefined);
  const bitsOf = (refs: Iterable<{ column: number; years: number }>) =>
    [...refs].reduce((m, ref) => {
      const pair = pairFor(ref);
      return pair === undefined ? m : m | (1n << BigInt(pair));
    }, 0n);
  const literal = (value: bigint) => sql`${sql.lit(String(value))}::bigint`;
  const presentOf = (columns: number[]) => columns.reduce((m, c) => m | presentBit(stored[c]!), 0n);

  const families = new Map<string, number[]>();
  layout.columns.forEach((atom, c) => {
    families.set(familyOf(atom), [...(families.get(familyOf(atom)) ?? []), c]);
  });
  const anyOf = (columns: number[]) =>
    columns.length === 1 ? sql`${col(columns[0]!)} is not null` : sql`coalesce(${sql.join(columns.map(col))}) is not null`;
  const words = Math.max(1, Math.ceil(bits.size / MASK_BITS));
  // The mask of `which` bits on date `at`, word by word; per family, skipped at once when all its columns are null.
  const maskAt = (at: IsoDate, which: { bit: number; column: number; years: number }[]) =>
    Array.from({ length: words }, (_, w) => {
      const terms = [...families.values()].flatMap((columns) => {
        const mine = which.filter((b) => columns.includes(b.column) && Math.floor(b.bit / MASK_BITS) === w);
        if (mine.length === 0) return [];
        const set = mine.map(
          (b) => sql`case when ${col(b.column)} <= ${latestStart(at, b.years)}::date then ${bitValue(b.bit)}::bigint else 0::bigint end`,
        );
        return [sql`case when ${anyOf(columns)} then ${sql.join(set, sql` + `)} else 0::bigint end`];
      });
      return terms.length ? sql`(${sql.join(terms, sql` + `)})` : sql`0::bigint`;
    });
  const negatedDue = [...families.values()].flatMap((columns) => {
    const mine = [...negated.values()].filter((ref) => columns.includes(ref.column)).map(windowTest);
    return mine.length ? [sql`(${anyOf(columns)} and (${sql.join(mine, sql` or `)}))`] : [];
  });
  const negatedComesDue = negatedDue.length ? sql`coalesce(${sql.join(negatedDue, sql` or `)}, false)` : sql`false`;
  const offsets = plans.map((_, q) => plans.slice(0, q).reduce((n, x) => n + x.pathways.length, 0));
  // For those rows: which pathways become true within the window, exactly as for one worker (not
  // holding on asOf, holding on the date one of its rising atoms comes due), organised by window so
  // that each window is tested once per row and only the pathways rising in it are looked at.
  const rises = new Map<string, { test: RawBuilder<unknown>; terms: { bit: number; test: RawBuilder<unknown> }[] }>();
  plans.forEach((plan, q) => {
    const refs = layout.refs[q]!;
    plan.pathways.forEach((p, k) => {
      const holds = exprNow(p.whole, (i) => sql`coalesce(${col(refs[i]!.column)} <= ${latestStart(asOf, refs[i]!.years)}::date, false)`);
      for (const i of risingAtoms(p.whole)) {
        const ref = refs[i]!;
        const key = `${ref.column}|${ref.years}`;
        const window = rises.get(key) ?? { test: windowTest(ref), terms: [] };
        window.terms.push({ bit: offsets[q]! + k, test: sql`(not ${holds} and ${exprAt(refs, p.whole, atomDate(ref))})` });
        rises.set(key, window);
      }
    });
  });
  const soonCount = plans.reduce((n, plan) => n + plan.pathways.length, 0);
  const soon = Array.from({ length: Math.max(1, Math.ceil(soonCount / MASK_BITS)) }, (_, w) => {
    const parts = [...rises.values()].flatMap((window) => {
      const terms = window.terms
        .filter((t) => Math.floor(t.bit / MASK_BITS) === w)
        .map((t) => sql`case when ${t.test} then ${bitValue(t.bit)}::bigint else 0::bigint end`);
      return terms.length ? [sql`case when ${window.test} then ${sql.join(terms, sql` | `)} else 0::bigint end`] : [];
    });
    return parts.length ? sql`(${sql.join(parts, sql` | `)})` : sql`0::bigint`;
  });
  const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => sql.ref(`${prefix}${i}`));
  // w, h: bits computed from the start dates (all of them where a span does not cover its day);
  // v: the pathways becoming true within the window of a row computed exactly (null: not computed).
  const [now, then, exactSoon] = [names('w', words), names('h', words), names('v', negated.size ? soon.length : 0)];

  // Whether the stored mask taken on the base day (or its horizon) holds on `day`.
  const covers = (from: string, until: string, day: IsoDate) =>
    masksKept
      ? sql`(coalesce(f.${sql.ref(from)} <= ${day}::date, true) and coalesce(f.${sql.ref(until)} > ${day}::date, true))`
      : sql`false`;
  const nowKept = covers('valid_from', 'valid_until', asOf);
  const thenKept = covers('h_from', 'h_until', horizon);
  const missingColumns = presentOf([...new Set(missing.map((b) => b.column))]);
  const hasMissing = sql`(f.present & ${literal(missingColumns)}) <> 0`;
  // A missing (column, years) holds on any day its column's nearest kept pair with at least its years
  // (`above`) holds, and never without a start date. Only a row whose start date makes the two differ
  // on some day from asOf to the horizon (few: a band of about a year per missing pair) needs it;
  // any other takes the bit from `above` (or none) on every day.
  const keptYears = (b: { column: number }) => (masksKept ? (source.steps[stored[b.column]!] ?? []) : []);
  const bounds = missing.map((b) => {
    const aboveYears = keptYears(b).find((y) => y >= b.years);
    const above = aboveYears === undefined ? undefined : 1n << BigInt(pairOf.get(`${stored[b.column]}|${aboveYears}`)!);
    return { bit: b.bit, column: b.column, years: b.years, above, aboveYears };
  });
  // Rows that may be undecided, by their masks alone (the scan reads no start date for this), and
  // among them those whose start date is in a band.
  const mayDiffer = bounds.map(({ column, above }) => {
    const parts = [sql`(f.present & ${literal(presentOf([column]))}) <> 0`];
    if (above !== undefined) parts.push(sql`(f.mask & ${literal(above)}) = 0`);
    return sql`(${sql.join(parts, sql` and `)})`;
  });
  // The start dates for which a missing pair and the pair above it differ on a day from asOf to the horizon.
  const undecided = bounds.map(({ column, years, aboveYears }, i) => {
    const parts = [mayDiffer[i]!, sql`${col(column)} <= ${latestStart(horizon, years)}::date`];
    if (aboveYears !== undefined) parts.push(sql`${col(column)} > ${latestStart(asOf, aboveYears)}::date`);
    return sql`(${sql.join(parts, sql` and `)})`;
  });
  const exactSoonWords = exactSoon.length ? soon.map((v) => sql`case when ${negatedComesDue} then ${v} else -1::bigint end`) : [];
  const extra = [...now, ...then, ...exactSoon];
  // k: what a row computes from its start dates, as one array (null: nothing); -1 in v stands for
  // "not computed". A mask that does not hold on its day reads 0, its bits all computed instead.
  const unpack = sql.join(
    extra.map((name, i) =>
      i >= 2 * words
        ? sql`nullif(coalesce(x.k[${sql.lit(i + 1)}], -1), -1) as ${name}`
        : sql`coalesce(x.k[${sql.lit(i + 1)}], 0) as ${name}`,
    ),
  );
  let rows: RawBuilder<unknown>;
  if (masksKept && source.baseOn === asOf && horizon === factsHorizon(asOf)) {
    // On the base day every row's masks hold (the facts job re-bases them daily): a row is counted by
    // them, and by the masks of the days between when a negated atom could make those count. Only a
    // row with a start date for a draft's missing years computes those bits, and its soon pathways
    // exactly when a negated atom comes due.
    const { population } = opts;
    const wholeProvince = population.employedOnly && population.orgPath === undefined && population.workerIds === undefined;
    const computed = [...maskAt(asOf, missing), ...maskAt(horizon, missing), ...exactSoonWords];
    const keptMids = negated.size === 0 ? sql`null::bigint[]` : sql`f.mids`;
    // A row with a draft's missing years keeps no mids: a missing negated bit reads false on those days.
    const grouped = (inner: RawBuilder<unknown>, n: RawBuilder<unknown>) => sql`
      select x.prefecture, x.industry_division, x.m, x.mh, x.mids, ${unpack}, ${n} as n
      from (${inner}) x
      group by x.prefecture, x.industry_division, x.m, x.mh, x.mids, x.k`;
    if (wholeProvince) {
      // The employed workers of the whole province by their masks alone are already counted, in the
      // tally (migration 0021), a draft's missing years read from the pairs above them. Only the rows
      // those pairs leave undecided are read: taken out of the tally as they are counted there, and
      // put back with the bits they compute.
      const plainExtra = extra.map((name, i) => (i >= 2 * words ? sql`null::bigint as ${name}` : sql`0::bigint as ${name}`));
      const tally = sql`
        select t.prefecture, t.industry_division, t.mask as m, t.mask_h as mh, ${negated.size ? sql`t.mids` : sql`null::bigint[]`} as mids,
          ${sql.join(plainExtra)}, t.n
        from conversion_facts_tally t`;
      const corrections = sql`
        select c.prefecture, c.industry_division, c.m, c.mh, case when s.back then null else c.mids end as mids,
          ${sql.join(
            extra.map((name, i) =>
              i >= 2 * words
                ? sql`case when s.back then nullif(c.${name}, -1) end as ${name}`
                : sql`case when s.back then c.${name} else 0::bigint end as ${name}`,
            ),
          )},
          case when s.back then c.n else -c.n end as n
        from (
          select u.prefecture, u.industry_division, u.m, u.mh, u.mids, ${sql.join(extra.map((name) => sql`u.${name}`))}, count(*) as n
          from (
            select f.prefecture, f.industry_division, f.mask as m, f.mask_h as mh, ${keptMids} as mids,
              ${sql.join(computed.map((value, i) => sql`${value} as ${extra[i]!}`))}, ${sql.join(undecided, sql` or `)} as undecided
            from (${facts}) f
            where ${sql.join(mayDiffer, sql` or `)}
            offset 0
          ) u
          where u.undecided
          group by ${sql.join(Array.from({ length: 5 + extra.length }, (_, i) => sql.lit(i + 1)))}
        ) c
        cross join (values (true), (false)) s(back)`;
      rows = missing.length ? sql`${tally} union all ${corrections}` : tally;
    } else {
      const mids = missing.length ? sql`case when ${hasMissing} then null else ${keptMids} end` : keptMids;
      const k = missing.length ? sql`case when ${hasMissing} then array[${sql.join(computed)}] end` : sql`null::bigint[]`;
      rows = grouped(
        sql`
        select f.prefecture, f.industry_division, f.mask as m, f.mask_h as mh, ${mids} as mids, ${k} as k
        from (${facts}) f
        offset null`,
        sql`count(*)`,
      );
    }
  } else {
    // Any other day: a row whose spans cover asOf and the horizon, without a start date of a missing
    // bit's column and without a negated atom coming due, is counted by its masks alone; any other
    // also computes from its start dates what its masks lack.
    const plainTests = [nowKept, thenKept];
    if (missingColumns !== 0n) plainTests.push(sql`not ${hasMissing}`);
    const negatedPairs = bitsOf(negated.values());
    if (negatedPairs !== 0n) plainTests.push(sql`(f.mask_h & ~f.mask & ${literal(negatedPairs)}) = 0`);
    const computed = [
      ...maskAt(asOf, missing).map((kept, i) => sql`case when ${nowKept} then ${kept} else ${maskAt(asOf, [...bits.values()])[i]} end`),
      ...maskAt(horizon, missing).map(
        (kept, i) => sql`case when ${thenKept} then ${kept} else ${maskAt(horizon, [...bits.values()])[i]} end`,
      ),
      ...exactSoonWords,
    ];
    rows = sql`
      select x.prefecture, x.industry_division, x.m, x.mh, null::bigint[] as mids, ${unpack}, count(*) as n
      from (
        select f.prefecture, f.industry_division,
          case when ${nowKept} then f.mask else 0::bigint end as m,
          case when ${thenKept} then f.mask_h else 0::bigint end as mh,
          case when ${sql.join(plainTests, sql` and `)} then null else array[${sql.join(computed)}] end as k
        from (${facts}) f
        offset null
      ) x
      group by x.prefecture, x.industry_division, x.m, x.mh, x.k`;
  }
  // An atom's truth in a group: from its stored pair in the kept mask, or from the bits its rows
  // computed; a missing (column, years) also from the pair above it, which implies it (the rows it
  // would not decide computed it).
  const atomIn = (q: number, i: number, mask: RawBuilder<unknown>, word: ((w: number) => RawBuilder<unknown>) | null) => {
    const ref = layout.refs[q]![i]!;
    const bit = bitFor(ref);
    const tests: RawBuilder<unknown>[] = [];
    const pair = pairFor(ref);
    if (pair !== undefined) tests.push(sql`(${mask} & ${literal(1n << BigInt(pair))}) <> 0`);
    const above = bounds.find((x) => x.bit === bit)?.above;
    if (above !== undefined) tests.push(sql`(${mask} & ${literal(above)}) <> 0`);
    if (word) tests.push(sql`(${word(Math.floor(bit / MASK_BITS))} & ${bitValue(bit)}::bigint) <> 0`);
    return tests.length ? sql<boolean>`(${sql.join(tests, sql` or `)})` : sql<boolean>`false`;
  };
  const holdsIn = (q: number, k: number, mask: RawBuilder<unknown>, word: ((w: number) => RawBuilder<unknown>) | null) =>
    exprNow(plans[q]!.pathways[k]!.whole, (i) => atomIn(q, i, mask, word));
  // Each pathway's verdicts, evaluated once per distinct set of masks (a few thousand) rather than
  // once per prefecture × division × masks: bit j = offsets[q] + k of the now and soon words.
  const pathways = plans.flatMap((plan, q) => plan.pathways.map((_, k) => ({ q, k, bit: offsets[q]! + k })));
  const verdicts = pathways.map(({ q, k }) => {
    const holdsOn = (mask: string, prefix: string) => holdsIn(q, k, sql`m.${sql.ref(mask)}`, (w) => sql`m.${sql.ref(`${prefix}${w}`)}`);
    // On one of the days between: looked for in the few groups that keep them (a subquery only there).
    const between = sql`case when m.mids is null then false else exists (select from unnest(m.mids) d where ${holdsIn(q, k, sql`d`, null)}) end`;
    const rising = sql`not ${holdsOn('m', 'w')} and (${holdsOn('mh', 'h')} or ${between})`;
    return {
      now: holdsOn('m', 'w'),
      soon: exactSoon.length ? sql`case when m.v0 is not null then ${isSet('v', offsets[q]! + k)} else ${rising} end` : rising,
    };
  });
  const wordsOf = (prefix: string, test: (v: (typeof verdicts)[number]) => RawBuilder<unknown>) =>
    soon.map((_, w) => {
      const set = pathways
        .filter((p) => Math.floor(p.bit / MASK_BITS) === w)
        .map((p) => sql`case when ${test(verdicts[p.bit]!)} then ${bitValue(p.bit)}::bigint else 0::bigint end`);
      return sql`(${sql.join(set, sql` | `)}) as ${sql.ref(`${prefix}${w}`)}`;
    });
  const counted = (prefix: string, bit: number) =>
    sql`(u.${sql.ref(`${prefix}${Math.floor(bit / MASK_BITS)}`)} & ${bitValue(bit)}::bigint) <> 0`;
  const counts = pathways.flatMap(({ q, k, bit }) => [
    sql`coalesce(sum(u.n) filter (where ${counted('now', bit)}), 0)::int as ${sql.ref(`n${q}p${k}`)}`,
    sql`coalesce(sum(u.n) filter (where ${counted('soon', bit)}), 0)::int as ${sql.ref(`s${q}p${k}`)}`,
  ]);
  const keys = [sql`g.m`, sql`g.mh`, sql`g.mids`, ...extra.map((name) => sql`g.${name}`)];
  const verdictWords = [...soon.map((_, w) => sql.ref(`now${w}`)), ...soon.map((_, w) => sql.ref(`soon${w}`))];
  // Groups of rows with the same masks, their pathways evaluated once; then their rows, counted per
  // prefecture × division and verdicts, and per pathway.
  return sql<Record<string, unknown>>`
    select u.prefecture, u.industry_division, sum(u.n)::int as workers, ${sql.join(counts)}
    from (
      select v.prefecture, v.industry_division, ${sql.join(verdictWords.map((name) => sql`v.${name}`))}, sum(v.n) as n
      from (
        select unnest(e.prefectures) as prefecture, unnest(e.divisions) as industry_division, unnest(e.ns) as n,
          ${sql.join(verdictWords.map((name) => sql`e.${name}`))}
        from (
          select ${sql.join([...wordsOf('now', (v) => v.now), ...wordsOf('soon', (v) => v.soon)])}, m.prefectures, m.divisions, m.ns
          from (
            select ${sql.join(keys)}, array_agg(g.prefecture) as prefectures, array_agg(g.industry_division) as divisions, array_agg(g.n) as ns
            from (${rows}) g
            group by ${sql.join(keys)}
          ) m
          offset 0
        ) e
      ) v
      group by v.prefecture, v.industry_division, ${sql.join(verdictWords.map((name) => sql`v.${name}`))}
    ) u
    group by u.prefecture, u.industry_division
    having sum(u.n) <> 0
    order by u.prefecture, u.industry_division`;
}

/**
 * Within a transaction: enough memory to count the masks in a hash table instead of sorting on disk,
 * and no JIT — compiling these wide generated expressions cost PostgreSQL 15 more than running them
 * (1M workers: 14.5 s with JIT, 5 s without, on a busy 2-core machine). The planner cannot know how
 * few distinct masks there are (it guessed 2M for 101,000 at 10M workers) and, at 64 MB, sorted 9.5M
 * rows on disk instead (what-if 12.3 s; 5.2 s hashed). The hash table itself stays near 115 MB.
 */
export async function tuneForCounting(trx: Db) {
  await sql`set local work_mem = '256MB'`.execute(trx);
  await sql`set local jit = off`.execute(trx);
  // Counted in the parallel workers too, though the planner guesses from the masks' distinct values
  // that each worker would hand on nearly as many groups as rows (a million against 120,000, at 9.5M
  // workers), and would scan alone: its cost of a row passed between processes, made small.
  await sql`set local parallel_tuple_cost = 0.01`.execute(trx);
  // Its groups hashed, not sorted: guessing hundreds of thousands of groups where there are a few
  // thousand, it sorted them (province table at 9.5M workers 0.7–0.9 s; hashed 0.3 s).
  await sql`set local enable_sort = off`.execute(trx);
}

export function regionNames(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('orgs').select(['code', 'name']).where('code', 'in', codes).orderBy('code').execute();
}
