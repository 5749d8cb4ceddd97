import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// The indicator system's shared core: data elements (computed from the registry and other modules,
// or reported by units) and the reported values per element, org and period. A reported value has
// the unit's current entry and the last approved one; figures read only the approved one, so an edit
// after approval shows beside what it changes until it is approved again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table data_elements (
      code text primary key,
      kind text not null,
      name_zh text not null,
      name_en text not null,
      description_zh text,
      description_en text,
      unit_zh text not null default '',
      unit_en text not null default '',
      value_type text not null default 'integer',
      min_value numeric,
      max_value numeric,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint data_elements_code_ck check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
      constraint data_elements_kind_ck check (kind in ('computed', 'reported')),
      constraint data_elements_value_type_ck check (value_type in ('integer', 'number', 'percent')),
      constraint data_elements_range_ck check (min_value is null or max_value is null or min_value <= max_value)
    )`.execute(db);

  await sql`
    create table data_values (
      element_code text not null references data_elements (code) on delete restrict,
      org_id uuid not null references orgs (id) on delete restrict,
      period text not null,
      value numeric,
      approved_value numeric,
      approved_at timestamptz,
      approved_by uuid references users (id) on delete set null,
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (element_code, period, org_id),
      constraint data_values_period_ck check (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
      constraint data_values_approved_ck check ((approved_at is null) = (approved_value is null))
    )`.execute(db);
  await sql`create index data_values_org_ix on data_values (org_id, period)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table data_values`.execute(db);
  await sql`drop table data_elements`.execute(db);
}
