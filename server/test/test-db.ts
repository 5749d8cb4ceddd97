import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { seedReferenceOrgs } from '../src/modules/org/org.seed.js';
import { type Database, openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

/**
 * A private database for one test file: a copy of the migrated, seeded PGlite dump, or, with
 * TEST_DATABASE_URL, a fresh database created on that PostgreSQL server and dropped afterwards.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dump = fs.readFileSync(inject('pgliteDump'));
    return openDatabase({ memory: true, loadDataDir: new Blob([dump]) });
  }
  const name = `changai_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString() });
  await migrateToLatest(database.db);
  await seedReferenceOrgs(database.db, new Date('2026-01-01T00:00:00Z'));
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
