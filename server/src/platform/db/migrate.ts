import { Migrator } from 'kysely/migration';
import type { Db } from './database.js';
import { migrations } from './migrations/index.js';

function migrator(db: Db) {
  // Migration numbers are reserved per branch and merged in any order (0005 may land after 0006);
  // they touch separate tables, so an older-numbered one is applied when it arrives.
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrationState(db: Db) {
  const all = await migrator(db).getMigrations();
  const applied = all.filter((m) => m.executedAt);
  return { applied: applied.length, pending: all.length - applied.length, latest: applied.at(-1)?.name ?? null };
}
