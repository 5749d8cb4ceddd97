import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Migration 0016's settled rows are those on which every atom of the rules in force holds; the others,
// a quarter of the demo's workers, had each atom compared on every read. Each row now keeps, instead,
// the truth of every (column, years) pair the rules in force count (`mask`, bit j for the j-th pair
// of the layout's `column_steps`) as of the layout's `base_on`, and the days between which it stays
// so (`valid_from`, `valid_until`; null for never): a row whose span covers asOf and the year after is
// counted by its mask alone. Those columns come first, so a scan does not decode the 64 start dates to
// reach them. Facts are derived data: the table is made again and the periodic facts job rebuilds it.
const FACT_COLUMNS = 64;
const starts = () => sql.join(Array.from({ length: FACT_COLUMNS }, (_, i) => sql.raw(`s${i} date`)));
const key = sql`worker_id uuid not null, org_id uuid not null, prefecture text not null, industry_division text, is_employed boolean not null`;

async function recreate(db: Kysely<unknown>, columns: ReturnType<typeof sql>) {
  await sql`delete from conversion_facts_layout`.execute(db);
  await sql`drop table conversion_facts`.execute(db);
  await sql`
    create table conversion_facts (
      ${columns},
      constraint conversion_facts_pk primary key (worker_id),
      constraint conversion_facts_worker_fk foreign key (worker_id) references workers (id) on delete cascade
    )`.execute(db);
  await sql`create index conversion_facts_org_ix on conversion_facts (org_id)`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await recreate(db, sql`${key}, mask bigint not null default 0, valid_from date, valid_until date, ${starts()}`);
  await sql`alter table conversion_facts_layout drop column column_years, add column column_steps jsonb not null, add column base_on date not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await recreate(db, sql`${key}, ${starts()}, present bigint not null default 0, settled_on date`);
  await sql`alter table conversion_facts_layout drop column column_steps, drop column base_on, add column column_years jsonb not null default '[]'::jsonb`.execute(
    db,
  );
}
