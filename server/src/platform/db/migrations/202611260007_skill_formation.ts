import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Skill formation and innovation: carriers (training bases, studios) with recognition and annual
// reviews, training programs and enrollments, innovation achievements, skill demand entered by units.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table carriers (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      level text not null,
      studio_type text,
      name text not null,
      host_org_id uuid not null references orgs (id) on delete restrict,
      region_code text not null,
      leader_name text,
      leader_worker_id uuid references workers (id) on delete set null,
      industry_divisions text[] not null default '{}',
      occupation_codes text[] not null default '{}',
      description text,
      status text not null default 'applied',
      applied_on date not null,
      applied_by uuid references users (id) on delete set null,
      recognised_on date,
      document_number text,
      recognised_by uuid references users (id) on delete set null,
      rejection_reason text,
      next_review_due date,
      review_overdue_since date,
      revoked_on date,
      revoked_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint carriers_kind_ck check (kind in ('training_base', 'master_studio', 'worker_training_base', 'innovation_studio')),
      constraint carriers_level_ck check (
        (kind = 'training_base' and level in ('national', 'provincial'))
        or (kind = 'master_studio' and level in ('national', 'provincial', 'city'))
        or (kind = 'worker_training_base' and level in ('provincial', 'city', 'county', 'enterprise'))
        or (kind = 'innovation_studio' and level in ('national', 'provincial', 'city', 'enterprise'))),
      constraint carriers_studio_type_ck check ((kind = 'innovation_studio') = (studio_type is not null)
        and (studio_type is null or studio_type in ('model_worker', 'craftsman', 'worker'))),
      constraint carriers_status_ck check (status in ('applied', 'rejected', 'recognised', 'review_passed', 'review_failed', 'revoked')),
      constraint carriers_recognised_ck check (status in ('applied', 'rejected') or (recognised_on is not null and document_number is not null)),
      constraint carriers_rejected_ck check (status <> 'rejected' or rejection_reason is not null),
      constraint carriers_revoked_ck check ((status = 'revoked') = (revoked_on is not null and revoked_reason is not null)),
      constraint carriers_region_code_ck check (region_code ~ '^[0-9]{6}$'),
      constraint carriers_name_ck check (length(btrim(name)) between 1 and 200)
    )`.execute(db);
  await sql`create unique index carriers_document_uq on carriers (kind, document_number, name) where document_number is not null`.execute(
    db,
  );
  await sql`create index carriers_host_ix on carriers (host_org_id)`.execute(db);
  await sql`create index carriers_list_ix on carriers (kind, status, name, id)`.execute(db);
  await sql`create index carriers_review_due_ix on carriers (next_review_due) where status in ('recognised', 'review_passed', 'review_failed')`.execute(
    db,
  );
  await sql`create index carriers_leader_ix on carriers (leader_worker_id) where leader_worker_id is not null`.execute(db);
  for (const column of ['applied_by', 'recognised_by']) {
    await sql`create index ${sql.id(`carriers_${column}_ix`)} on carriers (${sql.id(column)}) where ${sql.id(column)} is not null`.execute(
      db,
    );
  }

  await sql`
    create table carrier_members (
      carrier_id uuid not null references carriers (id) on delete cascade,
      worker_id uuid not null references workers (id) on delete restrict,
      role text not null default 'member',
      joined_on date not null,
      primary key (carrier_id, worker_id),
      constraint carrier_members_role_ck check (role in ('leader', 'member'))
    )`.execute(db);
  await sql`create index carrier_members_worker_ix on carrier_members (worker_id)`.execute(db);

  // One review per carrier and year: the host files the outputs, the office decides.
  await sql`
    create table carrier_reviews (
      id uuid primary key default gen_random_uuid(),
      carrier_id uuid not null references carriers (id) on delete cascade,
      year integer not null,
      people_trained integer not null,
      certificates_gained integer not null,
      innovations integer not null,
      benefit_yuan bigint not null,
      summary text,
      result text,
      comment text,
      filed_by uuid references users (id) on delete set null,
      filed_at timestamptz not null,
      decided_by uuid references users (id) on delete set null,
      decided_at timestamptz,
      constraint carrier_reviews_year_uq unique (carrier_id, year),
      constraint carrier_reviews_result_ck check (result is null or result in ('passed', 'failed')),
      constraint carrier_reviews_outputs_ck check (people_trained >= 0 and certificates_gained >= 0 and innovations >= 0 and benefit_yuan >= 0),
      constraint carrier_reviews_year_ck check (year between 2000 and 2100)
    )`.execute(db);
  for (const column of ['filed_by', 'decided_by']) {
    await sql`create index ${sql.id(`carrier_reviews_${column}_ix`)} on carrier_reviews (${sql.id(column)}) where ${sql.id(column)} is not null`.execute(
      db,
    );
  }

  await sql`
    create table training_programs (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      occupation_code text not null,
      target_level text not null,
      provider_org_id uuid not null references orgs (id) on delete restrict,
      provider_carrier_id uuid references carriers (id) on delete restrict,
      region_code text not null,
      mode text not null,
      starts_on date not null,
      ends_on date not null,
      capacity integer not null,
      funding text not null,
      is_free boolean not null default false,
      status text not null default 'open',
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint training_programs_mode_ck check (mode in ('online', 'onsite')),
      constraint training_programs_funding_ck check (funding in ('government', 'union', 'enterprise', 'self')),
      constraint training_programs_status_ck check (status in ('open', 'closed')),
      constraint training_programs_level_ck check (target_level in ('junior', 'intermediate', 'senior', 'technician', 'senior_technician')),
      constraint training_programs_dates_ck check (ends_on >= starts_on),
      constraint training_programs_capacity_ck check (capacity between 1 and 100000),
      constraint training_programs_region_code_ck check (region_code ~ '^[0-9]{6}$')
    )`.execute(db);
  await sql`create index training_programs_provider_ix on training_programs (provider_org_id)`.execute(db);
  await sql`create index training_programs_carrier_ix on training_programs (provider_carrier_id) where provider_carrier_id is not null`.execute(
    db,
  );
  await sql`create index training_programs_list_ix on training_programs (starts_on desc, id)`.execute(db);
  await sql`create index training_programs_created_by_ix on training_programs (created_by) where created_by is not null`.execute(db);

  await sql`
    create table training_enrollments (
      id uuid primary key default gen_random_uuid(),
      program_id uuid not null references training_programs (id) on delete cascade,
      worker_id uuid not null references workers (id) on delete restrict,
      region_code text not null,
      status text not null default 'enrolled',
      attendance_percent integer,
      result text,
      score integer,
      assessed_on date,
      certificate_number text,
      credential_id uuid references credentials (id) on delete restrict,
      source text not null default 'manual',
      enrolled_at timestamptz not null,
      updated_at timestamptz not null default now(),
      constraint training_enrollments_uq unique (program_id, worker_id),
      constraint training_enrollments_credential_uq unique (credential_id),
      constraint training_enrollments_status_ck check (status in ('enrolled', 'completed', 'withdrawn')),
      constraint training_enrollments_result_ck check (result is null or result in ('passed', 'failed')),
      constraint training_enrollments_passed_ck check ((result = 'passed') = (credential_id is not null)),
      constraint training_enrollments_attendance_ck check (attendance_percent between 0 and 100),
      constraint training_enrollments_score_ck check (score between 0 and 100),
      constraint training_enrollments_source_ck check (source in ('manual', 'import', 'demo'))
    )`.execute(db);
  await sql`create index training_enrollments_worker_ix on training_enrollments (worker_id)`.execute(db);

  await sql`
    create table innovation_achievements (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      kind text not null,
      org_id uuid not null references orgs (id) on delete restrict,
      region_code text not null,
      industry_division text,
      studio_id uuid references carriers (id) on delete set null,
      started_on date,
      submitted_on date not null,
      status text not null default 'submitted',
      benefit_yuan bigint,
      patent_numbers text[] not null default '{}',
      summary text,
      evaluation text,
      evaluated_by uuid references users (id) on delete set null,
      evaluated_on date,
      adopted_on date,
      submitted_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint innovation_achievements_kind_ck check (kind in ('suggestion', 'innovation', 'invention', 'method')),
      constraint innovation_achievements_status_ck check (status in ('submitted', 'evaluated', 'adopted', 'rejected')),
      constraint innovation_achievements_evaluated_ck check (status = 'submitted' or evaluated_on is not null),
      constraint innovation_achievements_adopted_ck check ((status = 'adopted') = (adopted_on is not null)),
      constraint innovation_achievements_benefit_ck check (benefit_yuan is null or benefit_yuan >= 0),
      constraint innovation_achievements_division_ck check (industry_division ~ '^[0-9]{2}$'),
      constraint innovation_achievements_region_code_ck check (region_code ~ '^[0-9]{6}$')
    )`.execute(db);
  await sql`create index innovation_achievements_org_ix on innovation_achievements (org_id, status)`.execute(db);
  await sql`create index innovation_achievements_studio_ix on innovation_achievements (studio_id) where studio_id is not null`.execute(db);
  await sql`create index innovation_achievements_list_ix on innovation_achievements (submitted_on desc, id)`.execute(db);
  for (const column of ['evaluated_by', 'submitted_by']) {
    await sql`create index ${sql.id(`innovation_achievements_${column}_ix`)} on innovation_achievements (${sql.id(column)}) where ${sql.id(column)} is not null`.execute(
      db,
    );
  }

  await sql`
    create table innovation_team (
      achievement_id uuid not null references innovation_achievements (id) on delete cascade,
      worker_id uuid not null references workers (id) on delete restrict,
      is_lead boolean not null default false,
      primary key (achievement_id, worker_id)
    )`.execute(db);
  await sql`create index innovation_team_worker_ix on innovation_team (worker_id)`.execute(db);

  // What units say they need: people per occupation and level, for the industry alignment view.
  await sql`
    create table skill_demands (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs (id) on delete restrict,
      region_code text not null,
      industry_division text not null,
      occupation_code text not null,
      level text not null,
      needed integer not null,
      as_of date not null,
      updated_at timestamptz not null default now(),
      constraint skill_demands_uq unique (org_id, occupation_code, level),
      constraint skill_demands_needed_ck check (needed between 1 and 1000000),
      constraint skill_demands_level_ck check (level in ('junior', 'intermediate', 'senior', 'technician', 'senior_technician')),
      constraint skill_demands_division_ck check (industry_division ~ '^[0-9]{2}$'),
      constraint skill_demands_region_code_ck check (region_code ~ '^[0-9]{6}$')
    )`.execute(db);
  await sql`create index skill_demands_industry_ix on skill_demands (industry_division, region_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'skill_demands',
    'innovation_team',
    'innovation_achievements',
    'training_enrollments',
    'training_programs',
    'carrier_reviews',
    'carrier_members',
    'carriers',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
