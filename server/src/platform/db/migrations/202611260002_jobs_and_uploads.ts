import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Uploaded files live in the database, in chunks, so any instance can process them.
  await sql`
    create table uploads (
      id uuid primary key default gen_random_uuid(),
      file_name text not null,
      content_type text,
      size_bytes bigint not null default 0,
      sha256 text,
      is_complete boolean not null default false,
      uploaded_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      constraint uploads_size_ck check (size_bytes >= 0)
    )`.execute(db);
  await sql`create index uploads_uploaded_by_ix on uploads (uploaded_by)`.execute(db);
  await sql`
    create table upload_chunks (
      upload_id uuid not null references uploads (id) on delete cascade,
      seq integer not null,
      data bytea not null,
      constraint upload_chunks_pk primary key (upload_id, seq)
    )`.execute(db);

  // Long work (imports, demo generation) as jobs any instance may claim with FOR UPDATE SKIP LOCKED.
  await sql`
    create table jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      status text not null default 'queued',
      payload jsonb not null default '{}'::jsonb,
      progress jsonb not null default '{}'::jsonb,
      result jsonb,
      error text,
      attempts integer not null default 0,
      created_by uuid references users (id) on delete set null,
      org_id uuid references orgs (id) on delete set null,
      locked_by text,
      heartbeat_at timestamptz,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      constraint jobs_status_ck check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      constraint jobs_attempts_ck check (attempts >= 0)
    )`.execute(db);
  await sql`create index jobs_queue_ix on jobs (status, created_at) where status in ('queued', 'running')`.execute(db);
  await sql`create index jobs_created_by_ix on jobs (created_by, created_at desc)`.execute(db);
  await sql`create index jobs_org_id_ix on jobs (org_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table jobs`.execute(db);
  await sql`drop table upload_chunks`.execute(db);
  await sql`drop table uploads`.execute(db);
}
