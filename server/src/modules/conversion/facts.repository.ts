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

export type FactsLayout = { ruleSetId: string; columns: string[]; builtAt: Date };

export async function findLayout(db: Db): Promise<FactsLayout | undefined> {
  const row = await db
    .selectFrom('conversionFactsLayout')
    .select(['ruleSetId', 'columns', 'builtAt'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? { ruleSetId: row.ruleSetId, columns: row.columns as string[], builtAt: row.builtAt } : undefined;
}

/** The stored column of each wanted column, or undefined when the facts lack one of them. */
export function storedColumns(layout: FactsLayout, wanted: Atom[]): number[] | undefined {
  const stored = wanted.map((atom) => layout.columns.indexOf(columnKey(atom)));
  return stored.every((i) => i >= 0) ? stored : undefined;
}

function insertInto(columns: Atom[], filter: RawBuilder<unknown>, narrow: boolean) {
  const names = [...KEY_COLUMNS, ...startColumns(columns.length)];
  const target = sql.join(names.map((n) => sql.ref(n)));
  return sql`insert into conversion_facts (${target}) select ${sql.join(names.map((n) => sql.ref(`a.${n === 'worker_id' ? 'id' : n}`)))} from (${atomFacts(columns, filter, narrow)}) a`;
}

/** The statement the triggers run: recomputes the workers whose ids are its one parameter. */
function refreshStatement(db: Db, columns: Atom[]): string {
  const names = [...KEY_COLUMNS.slice(1), ...startColumns(FACT_COLUMNS)];
  const assignments = names.map((n) =>
    n.startsWith('s') && Number(n.slice(1)) >= columns.length ? sql`${sql.ref(n)} = null` : sql`${sql.ref(n)} = excluded.${sql.ref(n)}`,
  );
  const compiled =
    sql`${insertInto(columns, sql.raw('w.id = any($1::uuid[])'), true)} on conflict (worker_id) do update set ${sql.join(assignments)}`.compile(
      db,
    );
  if (compiled.parameters.length) throw new Error('The facts statement must carry its constants as literals');
  return compiled.sql;
}

/** Recomputes every worker's facts for these columns, set-based, and stores the layout (one transaction). */
export async function rebuild(db: Db, input: { ruleSetId: string; columns: Atom[]; now: Date }) {
  const refresh = refreshStatement(db, input.columns);
  await sql`
    insert into conversion_facts_layout (id, rule_set_id, columns, refresh_sql, built_at)
    values (1, ${input.ruleSetId}, ${JSON.stringify(input.columns.map(columnKey))}::jsonb, ${refresh}, ${input.now})
    on conflict (id) do update set rule_set_id = excluded.rule_set_id, columns = excluded.columns,
      refresh_sql = excluded.refresh_sql, built_at = excluded.built_at`.execute(db);
  await sql`truncate conversion_facts`.execute(db);
  // JIT compiling the wide aggregate costs more than it saves (as for the table, eligibility.repository.ts).
  await sql`set local jit = off`.execute(db);
  const result = await insertInto(input.columns, sql`true`, false).execute(db);
  return Number(result.numAffectedRows ?? 0);
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
  ];
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(names)} from conversion_facts f order by f.worker_id`.execute(db);
  return rows;
}
