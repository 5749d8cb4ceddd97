import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// The dashboard counts the days of a part month from the workers by these indexes: carrying each
// worker's region and org, they answer without visiting the table (a month of 30,000 workers at
// scale 1: two scattered heap reads per worker before).
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['skilled_since', 'high_skilled_since']) {
    await sql`drop index ${sql.raw(`workers_${column}_ix`)}`.execute(db);
    await sql`create index ${sql.raw(`workers_${column}_ix`)} on workers (${sql.raw(column)}) include (region_code, org_id)
      where ${sql.raw(column)} is not null`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['skilled_since', 'high_skilled_since']) {
    await sql`drop index ${sql.raw(`workers_${column}_ix`)}`.execute(db);
    await sql`create index ${sql.raw(`workers_${column}_ix`)} on workers (${sql.raw(column)}) where ${sql.raw(column)} is not null`.execute(
      db,
    );
  }
}
