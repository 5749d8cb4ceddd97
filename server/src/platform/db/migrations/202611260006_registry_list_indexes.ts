import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// The list sorts by pinyin: the indexes that narrow it (employer, region, level, title) now carry the
// pinyin after their key, so a filtered page is read in order instead of gathered and sorted
// (Wuhan × 技师 × pillar at 1M workers on PGlite: 2 s → see bench/registry.ts). Two credential indexes
// no query used go (the natural key's index already leads with worker_id).
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`drop index workers_org_id_ix`,
    sql`drop index workers_region_ix`,
    sql`drop index workers_skill_ix`,
    sql`drop index credentials_worker_ix`,
    sql`drop index credentials_import_job_ix`,
    sql`create index workers_org_pinyin_ix on workers (org_id, name_pinyin, id)`,
    sql`create index workers_region_pinyin_ix on workers (region_code, name_pinyin, id)`,
    sql`create index workers_skill_pinyin_ix on workers (highest_skill_rank, name_pinyin, id)`,
    sql`create index workers_title_pinyin_ix on workers (highest_title_rank, name_pinyin, id) where highest_title_rank is not null`,
  ])
    await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`drop index workers_org_pinyin_ix`,
    sql`drop index workers_region_pinyin_ix`,
    sql`drop index workers_skill_pinyin_ix`,
    sql`drop index workers_title_pinyin_ix`,
    sql`create index workers_org_id_ix on workers (org_id, name, id)`,
    sql`create index workers_region_ix on workers (region_code, name, id)`,
    sql`create index workers_skill_ix on workers (highest_skill_rank, highest_skill_on, id)`,
    sql`create index credentials_worker_ix on credentials (worker_id, issued_on)`,
    sql`create index credentials_import_job_ix on credentials (import_job_id) where import_job_id is not null`,
  ])
    await statement.execute(db);
}
