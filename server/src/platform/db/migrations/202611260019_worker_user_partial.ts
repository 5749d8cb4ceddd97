import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// A worker's sign-in account is unique, but almost no worker has one: the unique constraint indexed
// every worker's null (213 MB at 10M workers), and every imported worker paid for the entry. A unique
// index on the accounts alone enforces the same (nulls never conflict).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table workers drop constraint workers_user_id_uq`.execute(db);
  await sql`create unique index workers_user_id_uq on workers (user_id) where user_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index workers_user_id_uq`.execute(db);
  await sql`alter table workers add constraint workers_user_id_uq unique (user_id)`.execute(db);
}
