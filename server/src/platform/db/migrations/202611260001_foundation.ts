import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orgs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'uuid', (c) => c.references('orgs.id').onDelete('restrict'))
    // Materialized path of ancestor ids including self: '/<root>/<child>/…/<self>/'.
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('orgs_code_uq', ['code'])
    .addCheckConstraint(
      'orgs_kind_ck',
      sql`kind in ('province', 'prefecture', 'county', 'department', 'federation', 'enterprise', 'other')`,
    )
    .addCheckConstraint('orgs_root_ck', sql`(parent_id is null) = (depth = 0)`)
    .addCheckConstraint('orgs_name_ck', sql`length(btrim(name)) > 0`)
    .execute();
  await db.schema.createIndex('orgs_parent_id_ix').on('orgs').columns(['parent_id', 'name']).execute();
  await sql`create index orgs_path_ix on orgs (path text_pattern_ops)`.execute(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('restrict'))
    .addColumn('is_active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_login_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'users_role_ck',
      sql`role in ('province_admin', 'unit_admin', 'regional_manager', 'enterprise_hr', 'reviewer', 'worker')`,
    )
    .addCheckConstraint('users_failed_logins_ck', sql`failed_logins >= 0`)
    .execute();
  await sql`create unique index users_username_uq on users (lower(username))`.execute(db);
  await db.schema.createIndex('users_org_id_ix').on('users').column('org_id').execute();

  await db.schema
    .createTable('sessions')
    // sha256 of the cookie token: a leaked table does not yield usable sessions.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_id_ix').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_at_ix').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // No FK: the log outlives what it describes.
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_username', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('org_id', 'uuid')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_events_entity_ix').on('audit_events').columns(['entity_type', 'entity_id', 'id']).execute();
  await db.schema.createIndex('audit_events_actor_ix').on('audit_events').columns(['actor_id', 'id']).execute();
  await db.schema.createIndex('audit_events_org_ix').on('audit_events').columns(['org_id', 'id']).execute();
  await db.schema.createIndex('audit_events_at_ix').on('audit_events').column('at').execute();
  await sql`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only' using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger audit_events_append_only_tg before update or delete on audit_events
    for each row execute function audit_events_append_only()`.execute(db);

  await db.schema
    .createTable('network_assignments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('restrict'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('effective_to', 'date')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('network_assignments_role_ck', sql`role in ('office', 'member', 'liaison')`)
    .addCheckConstraint('network_assignments_range_ck', sql`effective_to is null or effective_to >= effective_from`)
    .execute();
  await db.schema.createIndex('network_assignments_org_ix').on('network_assignments').columns(['org_id', 'effective_from']).execute();

  await db.schema
    .createTable('unit_contacts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    // AES-256-GCM ciphertext (platform/crypto.ts); never stored in the clear.
    .addColumn('phone_enc', 'text')
    .addColumn('email', 'text')
    .addColumn('is_primary', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('unit_contacts_org_ix').on('unit_contacts').column('org_id').execute();

  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['app_settings', 'unit_contacts', 'network_assignments', 'audit_events', 'sessions', 'users', 'orgs']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function if exists audit_events_append_only()`.execute(db);
}
