import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Worker-centric tables carry region_code so they can later be distributed by region (Citus).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table enterprises (
      org_id uuid primary key references orgs (id) on delete restrict,
      credit_code text,
      industry_division text,
      industry_category text,
      ownership text,
      size text,
      region_code text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint enterprises_credit_code_uq unique (credit_code),
      constraint enterprises_credit_code_ck check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
      constraint enterprises_industry_division_ck check (industry_division ~ '^[0-9]{2}$'),
      constraint enterprises_industry_category_ck check (industry_category in ('pillar', 'characteristic', 'emerging')),
      constraint enterprises_ownership_ck check (ownership in ('state', 'collective', 'private', 'foreign', 'hmt', 'mixed', 'other')),
      constraint enterprises_size_ck check (size in ('large', 'medium', 'small', 'micro')),
      constraint enterprises_region_code_ck check (region_code ~ '^[0-9]{6}$')
    )`.execute(db);
  await sql`create index enterprises_industry_ix on enterprises (industry_category, industry_division)`.execute(db);

  await sql`
    create table workers (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs (id) on delete restrict,
      region_code text not null,
      -- The worker's own account, for self-service.
      user_id uuid references users (id) on delete set null,
      -- Simplified characters; "C" collation so one btree serves prefix search and ordering.
      name text collate "C" not null,
      name_pinyin text collate "C" not null,
      name_initials text collate "C" not null,
      gender text not null,
      birth_date date not null,
      id_number_enc text not null,
      id_number_hash text not null,
      phone_enc text,
      phone_hash text,
      occupation_code text,
      industry_division text,
      is_frontline boolean not null default false,
      is_union_member boolean not null default false,
      employed_from date,
      employed_to date,
      status text not null default 'employed',
      highest_skill_rank smallint,
      highest_skill_on date,
      highest_title_rank smallint,
      is_high_skilled boolean generated always as (coalesce(highest_skill_rank, 0) >= 4) stored,
      source text not null default 'manual',
      import_job_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint workers_id_number_hash_uq unique (id_number_hash),
      constraint workers_user_id_uq unique (user_id),
      constraint workers_gender_ck check (gender in ('male', 'female')),
      constraint workers_status_ck check (status in ('employed', 'left', 'retired')),
      constraint workers_region_code_ck check (region_code ~ '^[0-9]{6}$'),
      constraint workers_name_ck check (length(btrim(name)) between 1 and 50),
      constraint workers_employment_ck check (employed_to is null or employed_from is null or employed_to >= employed_from),
      constraint workers_skill_rank_ck check (highest_skill_rank between 1 and 8),
      constraint workers_title_rank_ck check (highest_title_rank between 1 and 5),
      constraint workers_source_ck check (source in ('import', 'manual', 'demo'))
    )`.execute(db);
  await sql`create index workers_org_id_ix on workers (org_id, name, id)`.execute(db);
  await sql`create index workers_region_ix on workers (region_code, name, id)`.execute(db);
  await sql`create index workers_name_ix on workers (name, id)`.execute(db);
  await sql`create index workers_pinyin_ix on workers (name_pinyin, id)`.execute(db);
  await sql`create index workers_initials_ix on workers (name_initials, id)`.execute(db);
  await sql`create index workers_phone_hash_ix on workers (phone_hash) where phone_hash is not null`.execute(db);
  await sql`create index workers_skill_ix on workers (highest_skill_rank, highest_skill_on, id)`.execute(db);
  // The list's level and date orderings (keyset paging walks these backwards).
  await sql`create index workers_level_sort_ix on workers ((coalesce(highest_skill_rank, 0)), id)`.execute(db);
  await sql`create index workers_date_sort_ix on workers ((coalesce(highest_skill_on, date '0001-01-01')), id)`.execute(db);

  await sql`
    create table credentials (
      id uuid primary key default gen_random_uuid(),
      worker_id uuid not null references workers (id) on delete restrict,
      region_code text not null,
      kind text not null,
      level_code text,
      level_rank smallint,
      occupation_code text,
      series text,
      name text,
      issuer text,
      certificate_number text,
      natural_key text not null,
      issued_on date not null,
      equivalent_to text,
      purposes jsonb,
      source text not null,
      status text not null default 'valid',
      revoked_reason text,
      revoked_on date,
      import_job_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint credentials_natural_uq unique (worker_id, kind, natural_key),
      constraint credentials_kind_ck check (kind in ('skill_level', 'title', 'academic', 'one_plus_x', 'honor')),
      constraint credentials_source_ck check (source in ('import', 'manual', 'conversion', 'competition', 'training', 'demo')),
      constraint credentials_status_ck check (status in ('valid', 'revoked')),
      constraint credentials_revoked_ck check ((status = 'revoked') = (revoked_reason is not null and revoked_on is not null)),
      constraint credentials_skill_level_ck check (kind <> 'skill_level' or level_rank between 1 and 8),
      constraint credentials_title_ck check (kind <> 'title' or level_rank between 1 and 5)
    )`.execute(db);
  await sql`create index credentials_worker_ix on credentials (worker_id, issued_on)`.execute(db);
  await sql`create index credentials_number_ix on credentials (certificate_number) where certificate_number is not null`.execute(db);
  await sql`create index credentials_import_job_ix on credentials (import_job_id) where import_job_id is not null`.execute(db);
  await sql`create index credentials_level_ix on credentials (kind, level_rank, issued_on) where status = 'valid'`.execute(db);

  await sql`
    create table import_templates (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs (id) on delete cascade,
      kind text not null,
      header_signature text not null,
      mapping jsonb not null,
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      constraint import_templates_uq unique (org_id, kind, header_signature)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['import_templates', 'credentials', 'workers', 'enterprises']) await sql`drop table ${sql.table(table)}`.execute(db);
}
