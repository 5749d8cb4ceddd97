import { sql } from 'kysely';
import type { Db } from './db/database.js';

/** Small facts the platform keeps about itself (e.g. whether demo data was loaded). */
export async function getSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('appSettings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function setSetting(db: Db, key: string, value: unknown, now: Date): Promise<void> {
  await db
    .insertInto('appSettings')
    .values({ key, value: JSON.stringify(value), updatedAt: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updatedAt: now }))
    .execute();
}

/** Sets a key only if absent; true for the one caller that set it (safe across instances). */
export async function claimSetting(db: Db, key: string, value: unknown, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('appSettings')
    .values({ key, value: JSON.stringify(value), updatedAt: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Moves a numeric key forward to `value` if it is behind; true for the one caller that moved it
 * (safe across instances: the compare and the write are one statement).
 */
export async function advanceSetting(db: Db, key: string, value: number, now: Date): Promise<boolean> {
  const { rows } = await sql<{ key: string }>`
    insert into app_settings (key, value, updated_at) values (${key}, ${JSON.stringify(value)}::jsonb, ${now})
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at
      where (app_settings.value #>> '{}')::numeric < (excluded.value #>> '{}')::numeric
    returning key`.execute(db);
  return rows.length > 0;
}
