import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Most workers' facts lie far enough in the past that every atom of the rules already holds for them
// and none comes due within the year: the eligibility table counts those by which columns they have,
// without comparing a single date. Each row carries that set (`present`, bit i for column s_i) and the
// day from which it is settled (`settled_on`, the latest of s_i + the most years the rules in force
// count on column i; the layout keeps those years). The facts are rebuilt to fill them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from conversion_facts_layout`.execute(db);
  await sql`truncate conversion_facts`.execute(db);
  await sql`alter table conversion_facts add column present bigint not null default 0, add column settled_on date`.execute(db);
  await sql`alter table conversion_facts_layout add column column_years jsonb not null default '[]'::jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from conversion_facts_layout`.execute(db);
  await sql`truncate conversion_facts`.execute(db);
  await sql`alter table conversion_facts_layout drop column column_years`.execute(db);
  await sql`alter table conversion_facts drop column present, drop column settled_on`.execute(db);
}
