import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Each facts row keeps a second mask, taken a year after the layout's base day (the eligibility
// table's horizon), with its own span (`mask_h`, `h_from`, `h_until`). On the base day every row's
// truths on asOf and on the horizon are then stored: the table counts rows by their two masks without
// comparing a date. `mids` holds the masks of the days between, when pairs come due on more than one day
// within the year (a pathway with a negated atom may hold on such a day only). `present` has bit c set when the start date s<c> is not null, so a row that a draft's
// other years cannot concern is told without decoding its start dates. These columns come before the 64
// start dates, which a scan then decodes only for the rows that need them.
// Facts are derived data: the table is made again and the periodic facts job rebuilds it.
const FACT_COLUMNS = 64;
const starts = () => sql.join(Array.from({ length: FACT_COLUMNS }, (_, i) => sql.raw(`s${i} date`)));
const key = sql`worker_id uuid not null, org_id uuid not null, prefecture text not null, industry_division text, is_employed boolean not null`;
const masks = sql`mask bigint not null default 0, valid_from date, valid_until date`;

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
  await recreate(
    db,
    sql`${key}, ${masks}, mask_h bigint not null default 0, h_from date, h_until date, mids bigint[], present bigint not null default 0, ${starts()}`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await recreate(db, sql`${key}, ${masks}, ${starts()}`);
}
