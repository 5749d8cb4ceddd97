import type { Atom } from '@changai/domain';
import { type RawBuilder, sql } from 'kysely';
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

/** The columns a bulk load that computes the facts itself writes, for n start dates. */
export const copyColumns = (n: number) => [...KEY_COLUMNS, ...startColumns(n), 'present', 'settled_on'];

/** `years`: per column, the most years the rules in force count on it (what `settled_on` adds). */
export type FactsLayout = { ruleSetId: string; columns: string[]; years: number[]; builtAt: Date };

export async function findLayout(db: Db): Promise<FactsLayout | undefined> {
  const row = await db
    .selectFrom('conversionFactsLayout')
    .select(['ruleSetId', 'columns', 'columnYears', 'builtAt'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row
    ? { ruleSetId: row.ruleSetId, columns: row.columns as string[], years: row.columnYears as number[], builtAt: row.builtAt }
    : undefined;
}

/** The stored column of each wanted column, or undefined when the facts lack one of them. */
export function storedColumns(layout: FactsLayout, wanted: Atom[]): number[] | undefined {
  const stored = wanted.map((atom) => layout.columns.indexOf(columnKey(atom)));
  return stored.every((i) => i >= 0) ? stored : undefined;
}

/**
 * A row's `present` (bit i: s_i is not null) and `settled_on` (from that day on every atom of the
 * rules in force holds on each column it has, and none is still to come: the latest s_i + years_i).
 */
function settledColumns(years: number[]) {
  const starts = years.map((_, i) => sql.ref(`a.s${i}`));
  if (starts.length === 0) return [sql`0::bigint`, sql`null::date`];
  const bits = starts.map((s, i) => sql`case when ${s} is not null then 1::bigint << ${sql.lit(i)} else 0::bigint end`);
  const ends = starts.map((s, i) => (years[i] ? sql`(${s} + ${sql.lit(`${years[i]} years`)}::interval)::date` : s));
  return [sql`(${sql.join(bits, sql` | `)})`, sql`greatest(${sql.join(ends)})`];
}

function insertInto(columns: Atom[], years: number[], filter: RawBuilder<unknown>, narrow: boolean) {
  const names = [...KEY_COLUMNS, ...startColumns(columns.length)];
  const target = sql.join([...names, 'present', 'settled_on'].map((n) => sql.ref(n)));
  const values = [...names.map((n) => sql.ref(`a.${n === 'worker_id' ? 'id' : n}`)), ...settledColumns(years)];
  return sql`insert into conversion_facts (${target}) select ${sql.join(values)} from (${atomFacts(columns, filter, narrow)}) a`;
}

/** Recomputes the facts of the workers `filter` picks (few of them: the credentials are read for those only). */
function upsert(columns: Atom[], years: number[], filter: RawBuilder<unknown>) {
  const names = [...KEY_COLUMNS.slice(1), ...startColumns(FACT_COLUMNS), 'present', 'settled_on'];
  const assignments = names.map((n) =>
    n.startsWith('s') && Number(n.slice(1)) >= columns.length ? sql`${sql.ref(n)} = null` : sql`${sql.ref(n)} = excluded.${sql.ref(n)}`,
  );
  return sql`${insertInto(columns, years, filter, true)} on conflict (worker_id) do update set ${sql.join(assignments)}`;
}

/** The statement the triggers run: recomputes the workers whose ids are its one parameter. */
function refreshStatement(db: Db, columns: Atom[], years: number[]): string {
  const compiled = upsert(columns, years, sql.raw('w.id = any($1::uuid[])')).compile(db);
  if (compiled.parameters.length) throw new Error('The facts statement must carry its constants as literals');
  return compiled.sql;
}

export type FactsInput = { ruleSetId: string; columns: Atom[]; years: number[]; now: Date };

/** Recomputes every worker's facts for these columns, set-based, and stores the layout (one transaction). */
export async function rebuild(db: Db, input: FactsInput) {
  await storeLayout(db, input);
  await sql`truncate conversion_facts`.execute(db);
  // JIT compiling the wide aggregate costs more than it saves (as for the table, eligibility.repository.ts).
  await sql`set local jit = off`.execute(db);
  const result = await insertInto(input.columns, input.years, sql`true`, false).execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Facts a bulk load wrote itself for the workers whose source is `loaded`: stores their layout, and
 * recomputes every other worker's (the triggers stood down during the load).
 */
export async function adopt(db: Db, input: FactsInput, loaded: string) {
  await storeLayout(db, input);
  const result = await upsert(input.columns, input.years, sql`w.source <> ${sql.lit(loaded)}`).execute(db);
  return Number(result.numAffectedRows ?? 0);
}

async function storeLayout(db: Db, input: FactsInput) {
  const refresh = refreshStatement(db, input.columns, input.years);
  await sql`
    insert into conversion_facts_layout (id, rule_set_id, columns, column_years, refresh_sql, built_at)
    values (1, ${input.ruleSetId}, ${JSON.stringify(input.columns.map(columnKey))}::jsonb, ${JSON.stringify(input.years)}::jsonb,
      ${refresh}, ${input.now})
    on conflict (id) do update set rule_set_id = excluded.rule_set_id, columns = excluded.columns,
      column_years = excluded.column_years, refresh_sql = excluded.refresh_sql, built_at = excluded.built_at`.execute(db);
}

/** Drops the layout: the triggers stop (a bulk load follows) and the facts wait for a rebuild. */
export async function invalidate(db: Db) {
  await db.deleteFrom('conversionFactsLayout').execute();
}

export async function analyze(db: Db) {
  await sql`analyze conversion_facts`.execute(db);
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
    sql`f.present`,
    sql`f.settled_on`,
  ];
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(names)} from conversion_facts f order by f.worker_id`.execute(db);
  return rows;
}
