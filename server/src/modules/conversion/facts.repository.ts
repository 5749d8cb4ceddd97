import { type Atom, factColumns, factPairs, factsHorizon, type IsoDate, prefectureOf, presentBit, type WorkerFacts } from '@changai/domain';
import { CompiledQuery, type RawBuilder, sql } from 'kysely';
import { arrayLiteral } from '../../platform/db/array-literal.js';
import type { Db } from '../../platform/db/database.js';
import { atomFacts, columnKey } from './eligibility.repository.js';

/**
 * The per-worker facts (conversion_facts, migration 202611260011): for each column of the rules in
 * force (an atom without its years) the date its years count from, so the eligibility table reads
 * one narrow row per worker instead of aggregating the credentials. The layout row names the atom
 * of each column and holds the statement the triggers run for the workers a write touched.
 */

/** Columns s0…s63 of conversion_facts. */
export const FACT_COLUMNS = 64;

const KEY_COLUMNS = ['worker_id', 'org_id', 'prefecture', 'industry_division', 'is_employed'];
const startColumns = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);

/** A row's masks and their spans, on the layout's base day and on its horizon; which columns it has (migration 0020). */
const MASK_COLUMNS = ['mask', 'valid_from', 'valid_until', 'mask_h', 'h_from', 'h_until', 'mids'];
const DERIVED_COLUMNS = [...MASK_COLUMNS, 'present'];

/** The columns a bulk load that computes the facts itself writes, for n start dates. */
export const copyColumns = (n: number) => [...KEY_COLUMNS, ...DERIVED_COLUMNS, ...startColumns(n)];

/**
 * `steps`: per column, the distinct years the rules in force count on it (the pairs whose truths a
 * row's mask keeps, domain `factPairs`); `baseOn`: the day the masks are taken on.
 */
export type FactsLayout = { ruleSetId: string; columns: string[]; steps: number[][]; baseOn: IsoDate; builtAt: Date };

export async function findLayout(db: Db): Promise<FactsLayout | undefined> {
  const row = await db
    .selectFrom('conversionFactsLayout')
    .select(['ruleSetId', 'columns', 'columnSteps', 'baseOn', 'builtAt'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row
    ? {
        ruleSetId: row.ruleSetId,
        columns: row.columns as string[],
        steps: row.columnSteps as number[][],
        baseOn: row.baseOn as IsoDate,
        builtAt: row.builtAt,
      }
    : undefined;
}

/** The stored column of each wanted column, or undefined when the facts lack one of them. */
export function storedColumns(layout: FactsLayout, wanted: Atom[]): number[] | undefined {
  const stored = wanted.map((atom) => layout.columns.indexOf(columnKey(atom)));
  return stored.every((i) => i >= 0) ? stored : undefined;
}

/** Each pair's due day, the start of its column in row `a` + its years. */
const dueDays = (steps: number[][]) =>
  factPairs(steps).map(({ column, years }) => {
    const start = sql.ref(`a.s${column}`);
    return years ? sql`(${start} + ${sql.lit(`${years} years`)}::interval)::date` : sql`${start}`;
  });

/**
 * A row's `mask`, `valid_from`, `valid_until` on `baseOn`, `mask_h`, `h_from`, `h_until` on its
 * horizon and `mids` between, from its pairs' due days (domain `factColumns`, the same in SQL).
 */
function maskColumns(due: RawBuilder<unknown>[], baseOn: IsoDate) {
  const horizon = factsHorizon(baseOn);
  const [mask, validFrom, validUntil] = maskOn(due, sql`${sql.lit(baseOn)}::date`);
  const [maskH, hFrom, hUntil] = maskOn(due, sql`${sql.lit(horizon)}::date`);
  if (due.length === 0) return [mask, validFrom, validUntil, maskH, hFrom, hUntil, sql`null::bigint[]`];
  // The days pairs come due within (baseOn, horizon], but the last: when the first is before the last.
  const mids = sql`case when ${validUntil} < ${hFrom} then array(
      select ${maskOn(due, sql`t.day`)[0]} from (select distinct x as day from unnest(array[${sql.join(due)}]) x) t
      where t.day > ${sql.lit(baseOn)}::date and t.day < ${hFrom} order by t.day) end`;
  return [mask, validFrom, validUntil, maskH, hFrom, hUntil, mids];
}

/** `present`: bit c set when s<c> is not null (domain `presentBit`). */
function presentColumn(n: number) {
  if (n === 0) return sql`0::bigint`;
  const bits = startColumns(n).map(
    (s, c) => sql`case when ${sql.ref(`d.${s}`)} is not null then ${sql.lit(String(presentBit(c)))}::bigint else 0::bigint end`,
  );
  return sql`(${sql.join(bits, sql` | `)})`;
}

function maskOn(due: RawBuilder<unknown>[], day: RawBuilder<unknown>) {
  if (due.length === 0) return [sql`0::bigint`, sql`null::date`, sql`null::date`];
  const bits = due.map((d, j) => sql`case when ${d} <= ${day} then ${sql.lit(String(1n << BigInt(j)))}::bigint else 0::bigint end`);
  return [
    sql`(${sql.join(bits, sql` + `)})`,
    sql`greatest(${sql.join(due.map((d) => sql`case when ${d} <= ${day} then ${d} end`))})`,
    sql`least(${sql.join(due.map((d) => sql`case when ${d} > ${day} then ${d} end`))})`,
  ];
}

/** The due days are computed once per row, below a fence, and read three times above it. */
function insertInto(input: FactsInput, filter: RawBuilder<unknown>, narrow: boolean) {
  const names = [...KEY_COLUMNS, ...startColumns(input.columns.length)];
  const target = sql.join([...names, ...DERIVED_COLUMNS].map((n) => sql.ref(n)));
  const due = dueDays(input.steps);
  const dueNames = due.map((_, j) => sql.ref(`d.due${j}`));
  const values = [
    ...names.map((n) => sql.ref(`d.${n === 'worker_id' ? 'id' : n}`)),
    ...maskColumns(dueNames, input.baseOn),
    presentColumn(input.columns.length),
  ];
  const dueColumns = due.map((d, j) => sql`, ${d} as ${sql.ref(`due${j}`)}`);
  return sql`insert into conversion_facts (${target}) select ${sql.join(values)}
    from (select a.* ${sql.join(dueColumns, sql``)} from (${atomFacts(input.columns, filter, narrow)}) a offset 0) d`;
}

/** Recomputes the facts of the workers `filter` picks (few of them: the credentials are read for those only). */
function upsert(input: FactsInput, filter: RawBuilder<unknown>) {
  const names = [...KEY_COLUMNS.slice(1), ...DERIVED_COLUMNS, ...startColumns(FACT_COLUMNS)];
  const assignments = names.map((n) =>
    /^s\d+$/.test(n) && Number(n.slice(1)) >= input.columns.length
      ? sql`${sql.ref(n)} = null`
      : sql`${sql.ref(n)} = excluded.${sql.ref(n)}`,
  );
  return sql`${insertInto(input, filter, true)} on conflict (worker_id) do update set ${sql.join(assignments)}`;
}

/** The statement the triggers run: recomputes the workers whose ids are its one parameter. */
function refreshStatement(db: Db, input: FactsInput): string {
  const compiled = upsert(input, sql.raw('w.id = any($1::uuid[])')).compile(db);
  if (compiled.parameters.length) throw new Error('The facts statement must carry its constants as literals');
  return compiled.sql;
}

export type FactsInput = { ruleSetId: string; columns: Atom[]; steps: number[][]; baseOn: IsoDate; now: Date };

/** Recomputes every worker's facts for these columns, set-based, and stores the layout (one transaction). */
export async function rebuild(db: Db, input: FactsInput) {
  await storeLayout(db, input);
  await sql`truncate conversion_facts`.execute(db);
  // JIT compiling the wide aggregate costs more than it saves (as for the table, eligibility.repository.ts).
  await sql`set local jit = off`.execute(db);
  const result = await insertInto(input, sql`true`, false).execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Facts a bulk load wrote itself for the workers whose source is `loaded`: stores their layout, and
 * recomputes every other worker's (the triggers stood down during the load).
 */
export async function adopt(db: Db, input: FactsInput, loaded: string) {
  await storeLayout(db, input);
  const result = await upsert(input, sql`w.source <> ${sql.lit(loaded)}`).execute(db);
  return Number(result.numAffectedRows ?? 0);
}

async function storeLayout(db: Db, input: FactsInput) {
  const refresh = refreshStatement(db, input);
  await sql`
    insert into conversion_facts_layout (id, rule_set_id, columns, column_steps, base_on, refresh_sql, built_at)
    values (1, ${input.ruleSetId}, ${JSON.stringify(input.columns.map(columnKey))}::jsonb, ${JSON.stringify(input.steps)}::jsonb,
      ${input.baseOn}, ${refresh}, ${input.now})
    on conflict (id) do update set rule_set_id = excluded.rule_set_id, columns = excluded.columns,
      column_steps = excluded.column_steps, base_on = excluded.base_on, refresh_sql = excluded.refresh_sql,
      built_at = excluded.built_at`.execute(db);
}

/** Drops the layout: the triggers stop (a bulk load follows) and the facts wait for a rebuild. */
export async function invalidate(db: Db) {
  await db.deleteFrom('conversionFactsLayout').execute();
}

export async function analyze(db: Db) {
  await sql`analyze conversion_facts`.execute(db);
}

/** Counts the tally afresh from the facts, after a bulk load wrote them with the triggers off. */
export async function rebuildTally(db: Db) {
  await sql`delete from conversion_facts_tally`.execute(db);
  await sql`
    insert into conversion_facts_tally (prefecture, industry_division, mask, mask_h, mids, n)
    select prefecture, industry_division, mask, mask_h, mids, count(*) from conversion_facts where is_employed
    group by prefecture, industry_division, mask, mask_h, mids`.execute(db);
}

/**
 * Folds the tally's rows (migration 0021: one per statement and group) into one per group. Rows a
 * writer appends meanwhile are not seen by the delete, so stay for the next time. Every fold rewrites
 * the whole table, so it is vacuumed at once: reads would otherwise skip a dead copy of it per fold
 * until autovacuum came (PGlite has none). Not within a transaction.
 */
export async function compactTally(db: Db) {
  await sql`
    with moved as (delete from conversion_facts_tally returning *)
    insert into conversion_facts_tally (prefecture, industry_division, mask, mask_h, mids, n)
    select prefecture, industry_division, mask, mask_h, mids, sum(n) from moved
    group by prefecture, industry_division, mask, mask_h, mids
    having sum(n) <> 0`.execute(db);
  await sql`vacuum conversion_facts_tally`.execute(db);
}

/** Every worker's facts for these columns computed afresh (tests compare the stored rows with them). */
export async function recompute(db: Db, columns: Atom[]) {
  const { rows } = await sql<Record<string, unknown>>`
    select a.* from (${atomFacts(columns, sql`true`, false)}) a order by a.id`.execute(db);
  return rows;
}

export async function listStored(db: Db, n: number) {
  const names = [
    sql`f.worker_id as id`,
    ...KEY_COLUMNS.slice(1).map((c) => sql.ref(`f.${c}`)),
    ...startColumns(n).map((c) => sql.ref(`f.${c}`)),
    ...DERIVED_COLUMNS.map((c) => sql.ref(`f.${c}`)),
  ];
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(names)} from conversion_facts f order by f.worker_id`.execute(db);
  return rows;
}

/**
 * Takes the masks on a later day (the layout's `baseOn`, and the statement the triggers run) for the
 * rows whose spans no longer cover it or its horizon: they were read atom by atom meanwhile, and are
 * counted by their masks again. Returns the rows taken anew.
 */
export async function rebase(db: Db, input: FactsInput) {
  await storeLayout(db, input);
  const columns = maskColumns(dueDays(input.steps), input.baseOn);
  const set = MASK_COLUMNS.map((name, i) => sql`${sql.ref(name)} = ${columns[i]}`);
  const outside = (from: string, until: string, day: IsoDate) =>
    sql`a.${sql.ref(until)} <= ${day}::date or a.${sql.ref(from)} > ${day}::date`;
  const result = await sql`
    update conversion_facts a set ${sql.join(set)}
    where ${outside('valid_from', 'valid_until', input.baseOn)} or ${outside('h_from', 'h_until', factsHorizon(input.baseOn))}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * For the rest of the transaction the triggers leave the facts alone (migration 0018): the writer
 * recomputes the workers it touched once, at its end, with `refreshWorkers`.
 */
export async function deferRefresh(db: Db) {
  await sql`select set_config('changai.facts_deferred', 'on', true)`.execute(db);
}

/** A worker a writer has just created, with every credential it holds: its facts need not be read back. */
export type CreatedWorker = WorkerFacts & { id: string; orgId: string; regionCode: string; industryDivision: string | null };

/**
 * Recomputes these workers' facts with the statement the triggers run, but those of the workers the
 * transaction created (`created`), which are worked out here from what was written (domain
 * `factColumns`, as the demo generator does) and inserted as they are. Nothing without a layout.
 */
export async function refreshWorkers(db: Db, workerIds: string[], created: readonly CreatedWorker[] = []) {
  if (workerIds.length === 0 && created.length === 0) return;
  const layout = await db
    .selectFrom('conversionFactsLayout')
    .select(['refreshSql', 'columns', 'columnSteps', 'baseOn'])
    .where('id', '=', 1)
    .forShare()
    .executeTakeFirst();
  if (!layout) return;
  const createdIds = new Set(created.map((w) => w.id));
  const others = workerIds.filter((id) => !createdIds.has(id));
  if (others.length) await db.executeQuery(CompiledQuery.raw(layout.refreshSql, [others]));
  if (created.length === 0) return;
  // A column's key is its atom counting no years (columnKey), all factColumns needs of it.
  const atoms = (layout.columns as string[]).map((key) => JSON.parse(key) as Atom);
  const steps = layout.columnSteps as number[][];
  const baseOn = layout.baseOn as IsoDate;
  // Each row in the order of copyColumns, as the demo generator writes it; mids travel as text, since
  // unnest would flatten a two-dimensional array.
  const rows = created.map((w) => {
    const f = factColumns(atoms, steps, baseOn, w);
    const mids = f.mids && `{${f.mids.join(',')}}`;
    const key = [w.id, w.orgId, prefectureOf(w.regionCode), w.industryDivision, true];
    return [...key, f.mask, f.validFrom, f.validUntil, f.maskH, f.hFrom, f.hUntil, mids, f.present, ...f.starts];
  });
  const types = ['uuid', 'uuid', 'text', 'text', 'boolean', 'bigint', 'date', 'date', 'bigint', 'date', 'date', 'text', 'bigint'];
  const columns = [...types, ...atoms.map(() => 'date')].map(
    (type, i) => sql`${arrayLiteral(rows.map((row) => row[i]))}::${sql.raw(type)}[]`,
  );
  const names = copyColumns(atoms.length);
  const values = names.map((n) => (n === 'mids' ? sql`r.mids::bigint[]` : sql.ref(`r.${n}`)));
  await sql`insert into conversion_facts (${sql.join(names.map((n) => sql.ref(n)))})
    select ${sql.join(values)} from unnest(${sql.join(columns)}) as r(${sql.join(names.map((n) => sql.ref(n)))})`.execute(db);
}
