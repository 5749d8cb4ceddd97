import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// The eligibility table read the credentials on every query (≈ 16 s at 1M workers on PGlite). It now
// reads a narrow per-worker table: for each atom of the rules in force (without its years), the date
// its years count from, plus what the table groups and filters by. Which atom each column s0…s63
// holds is the layout row's business, written with the statement that recomputes a set of workers;
// statement-level triggers on workers and credentials run that statement for the workers a write
// touched, in the same transaction, so every path that writes the registry keeps the facts fresh.
// Without a layout row the triggers do nothing (the facts are rebuilt as a whole, set-based).
const FACT_COLUMNS = 64;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Each issued conversion credential's bit in the published revocation status list (W3C Bitstring
  // Status List): numbered from 0 in issue order, never reused.
  await sql`alter table credential_verifications add column status_index integer generated always as identity (minvalue 0 start with 0)`.execute(
    db,
  );
  await sql`alter table credential_verifications add constraint credential_verifications_status_index_uq unique (status_index)`.execute(db);
  const columns = Array.from({ length: FACT_COLUMNS }, (_, i) => sql.raw(`s${i} date`));
  await sql`
    create table conversion_facts (
      worker_id uuid not null,
      org_id uuid not null,
      prefecture text not null,
      industry_division text,
      is_employed boolean not null,
      ${sql.join(columns)},
      constraint conversion_facts_pk primary key (worker_id),
      constraint conversion_facts_worker_fk foreign key (worker_id) references workers (id) on delete cascade
    )`.execute(db);
  await sql`create index conversion_facts_org_ix on conversion_facts (org_id)`.execute(db);
  await sql`
    create table conversion_facts_layout (
      id smallint not null default 1,
      rule_set_id uuid not null,
      columns jsonb not null,
      refresh_sql text not null,
      built_at timestamptz not null,
      constraint conversion_facts_layout_pk primary key (id),
      constraint conversion_facts_layout_single_ck check (id = 1),
      constraint conversion_facts_layout_rule_set_fk foreign key (rule_set_id) references conversion_rule_sets (id)
    )`.execute(db);
  await sql`create index conversion_facts_layout_rule_set_ix on conversion_facts_layout (rule_set_id)`.execute(db);
  // FOR SHARE: a rebuild holds the layout row while it swaps the statement and the rows, so a write
  // racing it waits and then refreshes with the new statement.
  await sql`
    create function conversion_facts_refresh() returns trigger language plpgsql as $fn$
    declare
      statement text;
      ids uuid[];
    begin
      select l.refresh_sql into statement from conversion_facts_layout l where l.id = 1 for share;
      if statement is null then
        return null;
      end if;
      if tg_table_name = 'credentials' then
        if tg_op = 'INSERT' then
          select array_agg(distinct n.worker_id) into ids from new_rows n;
        elsif tg_op = 'DELETE' then
          select array_agg(distinct o.worker_id) into ids from old_rows o;
        else
          select array_agg(x.worker_id) into ids
          from (select n.worker_id from new_rows n union select o.worker_id from old_rows o) x;
        end if;
      elsif tg_op = 'INSERT' then
        select array_agg(n.id) into ids from new_rows n;
      else
        select array_agg(n.id) into ids
        from new_rows n join old_rows o on o.id = n.id
        where (n.org_id, n.region_code, n.industry_division, n.status, n.occupation_code, n.is_frontline, n.employed_from)
          is distinct from (o.org_id, o.region_code, o.industry_division, o.status, o.occupation_code, o.is_frontline, o.employed_from);
      end if;
      if ids is not null then
        execute statement using ids;
      end if;
      return null;
    end
    $fn$`.execute(db);
  const triggers: [string, string, string][] = [
    ['credentials', 'insert', 'new table as new_rows'],
    ['credentials', 'update', 'new table as new_rows old table as old_rows'],
    ['credentials', 'delete', 'old table as old_rows'],
    ['workers', 'insert', 'new table as new_rows'],
    ['workers', 'update', 'new table as new_rows old table as old_rows'],
  ];
  for (const [table, event, referencing] of triggers) {
    await sql`
      create trigger ${sql.raw(`${table}_conversion_facts_${event}_tg`)} after ${sql.raw(event)} on ${sql.table(table)}
      referencing ${sql.raw(referencing)} for each statement execute function conversion_facts_refresh()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, event] of [
    ['credentials', 'insert'],
    ['credentials', 'update'],
    ['credentials', 'delete'],
    ['workers', 'insert'],
    ['workers', 'update'],
  ] as const) {
    await sql`drop trigger ${sql.raw(`${table}_conversion_facts_${event}_tg`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function conversion_facts_refresh()`.execute(db);
  await sql`drop table conversion_facts_layout`.execute(db);
  await sql`drop table conversion_facts`.execute(db);
  await sql`alter table credential_verifications drop column status_index`.execute(db);
}
