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
