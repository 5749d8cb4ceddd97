import { type Kysely, sql } from 'kysely';

const AREAS = `('ideology', 'skills', 'channels', 'recognition', 'competitions', 'rights', 'support')`;

// Frozen once merged: never edit; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Substring search in Chinese text: trigram GIN indexes serve `like '%…%'` on both engines
  // (PGlite loads the pg_trgm contrib module; PostgreSQL ships it, trusted since 13).
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table policies (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      doc_number text,
      issuers text not null,
      issued_on date not null,
      category text not null,
      status text not null default 'in_force',
      lead_org_id uuid references orgs (id) on delete restrict,
      supersedes_id uuid references policies (id) on delete restrict,
      summary text,
      full_text text not null default '',
      search_text text generated always as (
        title || ' ' || coalesce(doc_number, '') || ' ' || issuers || ' ' || coalesce(summary, '') || ' ' || full_text
      ) stored,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint policies_category_ck check (category in ${sql.raw(AREAS)}),
      constraint policies_status_ck check (status in ('in_force', 'revised', 'repealed')),
      constraint policies_title_ck check (length(btrim(title)) > 0),
      constraint policies_not_self_ck check (supersedes_id is null or supersedes_id <> id)
    )`.execute(db);
  await sql`create index policies_issued_on_ix on policies (issued_on desc, id)`.execute(db);
  await sql`create index policies_lead_org_ix on policies (lead_org_id)`.execute(db);
  await sql`create index policies_supersedes_ix on policies (supersedes_id)`.execute(db);
  await sql`create index policies_search_ix on policies using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create unique index policies_doc_number_uq on policies (doc_number) where doc_number is not null`.execute(db);

  await sql`
    create table meetings (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      kind text not null,
      held_on date not null,
      location text,
      host_org_id uuid not null references orgs (id) on delete restrict,
      minutes text not null default '',
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      constraint meetings_kind_ck check (kind in ('plenary', 'video_conference', 'coordination', 'special')),
      constraint meetings_title_ck check (length(btrim(title)) > 0)
    )`.execute(db);
  await sql`create index meetings_held_on_ix on meetings (held_on desc, id)`.execute(db);
  await sql`create index meetings_host_org_ix on meetings (host_org_id)`.execute(db);
  await sql`
    create table meeting_attendees (
      meeting_id uuid not null references meetings (id) on delete cascade,
      org_id uuid not null references orgs (id) on delete restrict,
      constraint meeting_attendees_pk primary key (meeting_id, org_id)
    )`.execute(db);
  await sql`create index meeting_attendees_org_ix on meeting_attendees (org_id)`.execute(db);
  await sql`
    create table meeting_decisions (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings (id) on delete cascade,
      seq integer not null,
      text text not null,
      constraint meeting_decisions_seq_uq unique (meeting_id, seq),
      constraint meeting_decisions_text_ck check (length(btrim(text)) > 0)
    )`.execute(db);

  // A reform task; a copy handed down to a lower unit has parent_id and is issued by the parent's unit.
  await sql`
    create table reform_tasks (
      id uuid primary key default gen_random_uuid(),
      parent_id uuid references reform_tasks (id) on delete restrict,
      area text not null,
      title text not null,
      description text not null default '',
      org_id uuid not null references orgs (id) on delete restrict,
      issuer_org_id uuid not null references orgs (id) on delete restrict,
      policy_id uuid references policies (id) on delete set null,
      decision_id uuid references meeting_decisions (id) on delete set null,
      report_cycle text not null,
      starts_on date not null,
      due_on date not null,
      status text not null default 'in_progress',
      own_progress integer not null default 0,
      progress integer not null default 0,
      completed_on date,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint reform_tasks_area_ck check (area in ${sql.raw(AREAS)}),
      constraint reform_tasks_cycle_ck check (report_cycle in ('monthly', 'quarterly')),
      constraint reform_tasks_status_ck check (status in ('in_progress', 'completed', 'cancelled')),
      constraint reform_tasks_range_ck check (due_on >= starts_on),
      constraint reform_tasks_progress_ck check (progress between 0 and 100 and own_progress between 0 and 100),
      constraint reform_tasks_completed_ck check ((status = 'completed') = (completed_on is not null)),
      constraint reform_tasks_title_ck check (length(btrim(title)) > 0),
      constraint reform_tasks_one_copy_uq unique (parent_id, org_id)
    )`.execute(db);
  await sql`create index reform_tasks_org_ix on reform_tasks (org_id, due_on)`.execute(db);
  await sql`create index reform_tasks_issuer_org_ix on reform_tasks (issuer_org_id)`.execute(db);
  await sql`create index reform_tasks_parent_ix on reform_tasks (parent_id)`.execute(db);
  await sql`create index reform_tasks_policy_ix on reform_tasks (policy_id)`.execute(db);
  await sql`create index reform_tasks_decision_ix on reform_tasks (decision_id)`.execute(db);
  await sql`create index reform_tasks_open_due_ix on reform_tasks (due_on, id) where status = 'in_progress'`.execute(db);

  await sql`
    create table reform_task_co_units (
      task_id uuid not null references reform_tasks (id) on delete cascade,
      org_id uuid not null references orgs (id) on delete restrict,
      constraint reform_task_co_units_pk primary key (task_id, org_id)
    )`.execute(db);
  await sql`create index reform_task_co_units_org_ix on reform_task_co_units (org_id)`.execute(db);

  await sql`
    create table reform_task_milestones (
      id uuid primary key default gen_random_uuid(),
      task_id uuid not null references reform_tasks (id) on delete cascade,
      title text not null,
      due_on date not null,
      done_on date,
      constraint reform_task_milestones_title_ck check (length(btrim(title)) > 0)
    )`.execute(db);
  await sql`create index reform_task_milestones_task_ix on reform_task_milestones (task_id, due_on)`.execute(db);

  await sql`
    create table reform_deadline_changes (
      id uuid primary key default gen_random_uuid(),
      task_id uuid not null references reform_tasks (id) on delete cascade,
      -- Order of changes, even within one instant.
      seq bigint generated always as identity,
      from_date date not null,
      to_date date not null,
      reason text not null,
      changed_by uuid references users (id) on delete set null,
      changed_at timestamptz not null default now(),
      constraint reform_deadline_changes_reason_ck check (length(btrim(reason)) > 0)
    )`.execute(db);
  await sql`create index reform_deadline_changes_task_ix on reform_deadline_changes (task_id, seq)`.execute(db);

  // One report per task and period ('2026-03', '2026-Q1'); a returned report is corrected in place,
  // its reviews keep the history.
  await sql`
    create table reform_reports (
      id uuid primary key default gen_random_uuid(),
      task_id uuid not null references reform_tasks (id) on delete cascade,
      period text not null,
      due_on date not null,
      text text not null,
      percent integer not null,
      status text not null default 'submitted',
      first_submitted_at timestamptz not null,
      submitted_at timestamptz not null,
      submitted_by uuid references users (id) on delete set null,
      submissions integer not null default 1,
      reviewed_at timestamptz,
      reviewed_by uuid references users (id) on delete set null,
      return_reason text,
      constraint reform_reports_period_uq unique (task_id, period),
      constraint reform_reports_status_ck check (status in ('submitted', 'accepted', 'returned')),
      constraint reform_reports_percent_ck check (percent between 0 and 100),
      constraint reform_reports_period_ck check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
      constraint reform_reports_returned_ck check (status <> 'returned' or return_reason is not null)
    )`.execute(db);
  await sql`create index reform_reports_status_ix on reform_reports (status, submitted_at)`.execute(db);
  await sql`
    create table reform_report_reviews (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references reform_reports (id) on delete cascade,
      seq bigint generated always as identity,
      decision text not null,
      reason text,
      reviewed_by uuid references users (id) on delete set null,
      reviewed_at timestamptz not null,
      constraint reform_report_reviews_decision_ck check (decision in ('accept', 'return')),
      constraint reform_report_reviews_reason_ck check (decision = 'accept' or reason is not null)
    )`.execute(db);
  await sql`create index reform_report_reviews_report_ix on reform_report_reviews (report_id, seq)`.execute(db);

  // Files of a policy (its text as PDF/DOCX) or of a report (evidence); bytes live in uploads.
  await sql`
    create table reform_attachments (
      id uuid primary key default gen_random_uuid(),
      upload_id uuid not null references uploads (id) on delete restrict,
      policy_id uuid references policies (id) on delete cascade,
      report_id uuid references reform_reports (id) on delete cascade,
      file_name text not null,
      content_type text not null,
      size_bytes bigint not null,
      created_at timestamptz not null default now(),
      constraint reform_attachments_owner_ck check (num_nonnulls(policy_id, report_id) = 1),
      constraint reform_attachments_upload_uq unique (upload_id)
    )`.execute(db);
  await sql`create index reform_attachments_policy_ix on reform_attachments (policy_id)`.execute(db);
  await sql`create index reform_attachments_report_ix on reform_attachments (report_id)`.execute(db);

  // Supervision: one notice per task, period ('' = the task's own deadline) and kind, written by the sweep.
  await sql`
    create table supervision_notices (
      id uuid primary key default gen_random_uuid(),
      task_id uuid not null references reform_tasks (id) on delete cascade,
      period text not null default '',
      kind text not null,
      org_id uuid not null references orgs (id) on delete restrict,
      due_on date not null,
      created_at timestamptz not null,
      resolved_at timestamptz,
      constraint supervision_notices_uq unique (task_id, period, kind),
      constraint supervision_notices_kind_ck check (kind in ('reminder', 'notice', 'escalation'))
    )`.execute(db);
  await sql`create index supervision_notices_org_ix on supervision_notices (org_id, created_at)`.execute(db);
  await sql`create index supervision_notices_open_ix on supervision_notices (kind, created_at) where resolved_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'supervision_notices',
    'reform_attachments',
    'reform_report_reviews',
    'reform_reports',
    'reform_deadline_changes',
    'reform_task_milestones',
    'reform_task_co_units',
    'reform_tasks',
    'meeting_decisions',
    'meeting_attendees',
    'meetings',
    'policies',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
