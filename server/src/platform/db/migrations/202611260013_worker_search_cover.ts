import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// The pinyin index also carries each worker's initials and org, so a search by initials ('zw') walks it
// in order without visiting the table (an index-only scan); the table is read for one page of ids.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index workers_pinyin_ix`.execute(db);
  await sql`create index workers_pinyin_ix on workers (name_pinyin, id) include (name_initials, org_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index workers_pinyin_ix`.execute(db);
  await sql`create index workers_pinyin_ix on workers (name_pinyin, id)`.execute(db);
}
