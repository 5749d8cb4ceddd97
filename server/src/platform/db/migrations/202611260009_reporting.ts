import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Reported data: report forms (a set of reported elements with a period type and a deadline),
// their assignment to units, each unit's submission per period with its bottom-up approval state,
// and the history of approval steps.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_forms (
      id uuid primary key default gen_random_uuid(),
      code text not null,
      name_zh text not null,
      name_en text not null,
      period_type text not null,
      deadline_days integer not null,
      first_period text not null,
      is_active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint report_forms_code_uq unique (code),
      constraint report_forms_code_ck check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
      constraint report_forms_period_type_ck check (period_type in ('month', 'quarter', 'year')),
      constraint report_forms_deadline_ck check (deadline_days between 0 and 366),
      constraint report_forms_first_period_ck check (first_period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$')
    )`.execute(db);

  // An element is collected by one form only: its value per org and period has one owner.
  await sql`
    create table report_form_elements (
      form_id uuid not null references report_forms (id) on delete cascade,
      element_code text not null references data_elements (code) on delete restrict,
      position integer not null,
      primary key (form_id, element_code),
      constraint report_form_elements_element_uq unique (element_code)
    )`.execute(db);

  await sql`
    create table report_form_rules (
      id uuid primary key default gen_random_uuid(),
      form_id uuid not null references report_forms (id) on delete cascade,
      position integer not null,
      left_code text not null references data_elements (code) on delete restrict,
      operator text not null,
      right_code text not null references data_elements (code) on delete restrict,
      message_zh text not null default '',
      message_en text not null default '',
      constraint report_form_rules_operator_ck check (operator in ('>=', '<=', '=', '>', '<')),
      constraint report_form_rules_sides_ck check (left_code <> right_code)
    )`.execute(db);
  await sql`create index report_form_rules_form_ix on report_form_rules (form_id, position)`.execute(db);
  await sql`create index report_form_rules_left_ix on report_form_rules (left_code)`.execute(db);
  await sql`create index report_form_rules_right_ix on report_form_rules (right_code)`.execute(db);

  await sql`
    create table report_assignments (
      form_id uuid not null references report_forms (id) on delete cascade,
      org_id uuid not null references orgs (id) on delete restrict,
      created_at timestamptz not null default now(),
      primary key (form_id, org_id)
    )`.execute(db);
  await sql`create index report_assignments_org_ix on report_assignments (org_id)`.execute(db);

  // One row per unit, form and period once the unit starts entering. 'submitted' waits at
  // awaiting_org_id (the next org up the tree); the last org up approves it into 'approved'.
  await sql`
    create table report_submissions (
      form_id uuid not null references report_forms (id) on delete restrict,
      org_id uuid not null references orgs (id) on delete restrict,
      period text not null,
      status text not null default 'draft',
      awaiting_org_id uuid references orgs (id) on delete restrict,
      is_revision boolean not null default false,
      version integer not null default 1,
      first_submitted_at timestamptz,
      submitted_at timestamptz,
      submitted_by uuid references users (id) on delete set null,
      approved_at timestamptz,
      return_reason text,
      returned_at timestamptz,
      updated_at timestamptz not null default now(),
      primary key (form_id, org_id, period),
      constraint report_submissions_status_ck check (status in ('draft', 'submitted', 'returned', 'approved')),
      constraint report_submissions_awaiting_ck check ((status = 'submitted') = (awaiting_org_id is not null)),
      constraint report_submissions_returned_ck check (status <> 'returned' or return_reason is not null),
      constraint report_submissions_period_ck check (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$')
    )`.execute(db);
  await sql`create index report_submissions_org_ix on report_submissions (org_id, period)`.execute(db);
  await sql`create index report_submissions_awaiting_ix on report_submissions (awaiting_org_id) where awaiting_org_id is not null`.execute(
    db,
  );
  await sql`create index report_submissions_submitted_by_ix on report_submissions (submitted_by)`.execute(db);

  await sql`
    create table report_steps (
      id bigint generated always as identity primary key,
      form_id uuid not null,
      org_id uuid not null,
      period text not null,
      action text not null,
      level_org_id uuid references orgs (id) on delete set null,
      reason text,
      changes jsonb,
      actor_id uuid references users (id) on delete set null,
      actor_name text not null,
      at timestamptz not null default now(),
      constraint report_steps_submission_fk foreign key (form_id, org_id, period)
        references report_submissions (form_id, org_id, period) on delete cascade,
      constraint report_steps_action_ck check (action in ('submit', 'approve', 'return', 'reopen'))
    )`.execute(db);
  await sql`create index report_steps_submission_ix on report_steps (form_id, org_id, period, id)`.execute(db);
  await sql`create index report_steps_level_org_ix on report_steps (level_org_id)`.execute(db);
  await sql`create index report_steps_actor_ix on report_steps (actor_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table report_steps`.execute(db);
  await sql`drop table report_submissions`.execute(db);
  await sql`drop table report_assignments`.execute(db);
  await sql`drop table report_form_rules`.execute(db);
  await sql`drop table report_form_elements`.execute(db);
  await sql`drop table report_forms`.execute(db);
}
