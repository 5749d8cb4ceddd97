import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// The conversion engine (贯通): rule-set versions, applications, issued-credential verification.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Every save is a new version; old versions stay readable and decisions name the one they used.
  await sql`
    create table conversion_rule_sets (
      id uuid primary key default gen_random_uuid(),
      code text not null,
      version integer not null,
      name_zh text not null,
      name_en text not null,
      effective_from date not null,
      effective_to date,
      definition jsonb not null,
      note text,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      constraint conversion_rule_sets_version_uq unique (code, version),
      constraint conversion_rule_sets_version_ck check (version >= 1),
      constraint conversion_rule_sets_range_ck check (effective_to is null or effective_to > effective_from)
    )`.execute(db);
  await sql`create index conversion_rule_sets_created_by_ix on conversion_rule_sets (created_by)`.execute(db);
  await sql`create index conversion_rule_sets_effective_ix on conversion_rule_sets (code, effective_from, version)`.execute(db);

  await sql`
    create table conversion_applications (
      id uuid primary key default gen_random_uuid(),
      worker_id uuid not null references workers (id) on delete restrict,
      region_code text not null,
      -- The employer at submission: its HR reviews the application.
      org_id uuid not null references orgs (id) on delete restrict,
      rule_set_id uuid not null references conversion_rule_sets (id) on delete restrict,
      pathway_id text not null,
      pathway_name_zh text not null,
      pathway_name_en text not null,
      grants jsonb not null,
      -- The evaluation the worker was eligible under, as shown at submission.
      evaluation jsonb not null,
      status text not null default 'submitted',
      note text,
      submitted_by uuid references users (id) on delete set null,
      submitted_at timestamptz not null,
      unit_reviewed_by uuid references users (id) on delete set null,
      unit_reviewed_at timestamptz,
      unit_comment text,
      decided_by uuid references users (id) on delete set null,
      decided_at timestamptz,
      decision_reason text,
      decision_rule_set_id uuid references conversion_rule_sets (id) on delete restrict,
      certificate_number text,
      issued_on date,
      issuer text,
      credential_id uuid references credentials (id) on delete restrict,
      updated_at timestamptz not null default now(),
      constraint conversion_applications_status_ck check (status in ('submitted', 'unit_approved', 'approved', 'rejected', 'withdrawn')),
      constraint conversion_applications_credential_uq unique (credential_id),
      constraint conversion_applications_approved_ck check ((status = 'approved') = (credential_id is not null)),
      constraint conversion_applications_rejected_ck check (status <> 'rejected' or coalesce(decision_reason, unit_comment) is not null),
      constraint conversion_applications_region_code_ck check (region_code ~ '^[0-9]{6}$')
    )`.execute(db);
  // One open application per worker and pathway.
  await sql`create unique index conversion_applications_open_uq on conversion_applications (worker_id, pathway_id)
    where status in ('submitted', 'unit_approved')`.execute(db);
  await sql`create index conversion_applications_worker_ix on conversion_applications (worker_id, submitted_at)`.execute(db);
  await sql`create index conversion_applications_queue_ix on conversion_applications (status, submitted_at, id)`.execute(db);
  await sql`create index conversion_applications_org_ix on conversion_applications (org_id, status)`.execute(db);
  await sql`create index conversion_applications_rule_set_ix on conversion_applications (rule_set_id)`.execute(db);
  await sql`create index conversion_applications_decision_rule_set_ix on conversion_applications (decision_rule_set_id) where decision_rule_set_id is not null`.execute(
    db,
  );
  for (const column of ['submitted_by', 'unit_reviewed_by', 'decided_by']) {
    await sql`create index ${sql.id(`conversion_applications_${column}_ix`)} on conversion_applications (${sql.id(column)}) where ${sql.id(column)} is not null`.execute(
      db,
    );
  }

  // A short code per issued credential, printed on the certificate and its QR code.
  await sql`
    create table credential_verifications (
      code text primary key,
      credential_id uuid not null references credentials (id) on delete restrict,
      application_id uuid references conversion_applications (id) on delete restrict,
      created_at timestamptz not null default now(),
      constraint credential_verifications_credential_uq unique (credential_id),
      constraint credential_verifications_code_ck check (code ~ '^[0-9A-Z]{6,20}$')
    )`.execute(db);
  await sql`create index credential_verifications_application_ix on credential_verifications (application_id) where application_id is not null`.execute(
    db,
  );

  await sql`
    create table verification_log (
      id bigint generated always as identity primary key,
      code text not null,
      credential_id uuid references credentials (id) on delete set null,
      result text not null,
      channel text not null,
      at timestamptz not null,
      ip text,
      user_agent text,
      constraint verification_log_result_ck check (result in ('valid', 'revoked', 'not_found')),
      constraint verification_log_channel_ck check (channel in ('page', 'vc'))
    )`.execute(db);
  await sql`create index verification_log_credential_ix on verification_log (credential_id, at) where credential_id is not null`.execute(
    db,
  );
  await sql`create index verification_log_at_ix on verification_log (at)`.execute(db);

  // Ed25519 keys that sign verifiable credentials; the private half encrypted with the data key.
  await sql`
    create table signing_keys (
      id text primary key,
      algorithm text not null,
      public_key text not null,
      private_key_enc text not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz,
      constraint signing_keys_algorithm_ck check (algorithm = 'Ed25519')
    )`.execute(db);

  // The eligibility table aggregates valid credentials per worker by kind: one index-ordered pass.
  await sql`create index credentials_eligibility_ix on credentials (worker_id, kind, level_rank, issued_on) where status = 'valid'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index credentials_eligibility_ix`.execute(db);
  for (const table of ['signing_keys', 'verification_log', 'credential_verifications', 'conversion_applications', 'conversion_rule_sets']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
