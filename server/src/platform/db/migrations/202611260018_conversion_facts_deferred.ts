import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// An import writes a chunk's workers, then their credentials: the facts triggers recomputed each new
// worker twice (once bare, once with the credentials) in the same transaction. A writer that sets
// `changai.facts_deferred` for its transaction now recomputes the workers it touched once, at its end
// (facts.repository `refreshWorkers`): the triggers (migration 0011) fire only without that setting.
const TRIGGERS: [string, string, string][] = [
  ['credentials', 'insert', 'new table as new_rows'],
  ['credentials', 'update', 'new table as new_rows old table as old_rows'],
  ['credentials', 'delete', 'old table as old_rows'],
  ['workers', 'insert', 'new table as new_rows'],
  ['workers', 'update', 'new table as new_rows old table as old_rows'],
];

async function recreateTriggers(db: Kysely<unknown>, deferrable: boolean) {
  const when = deferrable ? sql`when (current_setting('changai.facts_deferred', true) is distinct from 'on')` : sql``;
  for (const [table, event, referencing] of TRIGGERS) {
    const name = sql.raw(`${table}_conversion_facts_${event}_tg`);
    await sql`drop trigger ${name} on ${sql.table(table)}`.execute(db);
    await sql`
      create trigger ${name} after ${sql.raw(event)} on ${sql.table(table)}
      referencing ${sql.raw(referencing)} for each statement ${when} execute function conversion_facts_refresh()`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await recreateTriggers(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await recreateTriggers(db, false);
}
