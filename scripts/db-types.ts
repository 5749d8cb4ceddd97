// Regenerates server/src/platform/db/schema.ts from the migrations: migrates a scratch PostgreSQL
// database and runs kysely-codegen on it. `--verify` checks the committed file is up to date.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../server/src/platform/db/database.js';
import { migrateToLatest } from '../server/src/platform/db/migrate.js';

const base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const name = `changai_types_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
try {
  const database = await openDatabase({ url: url.toString() });
  await migrateToLatest(database.db);
  await database.close();
  const args = [
    'kysely-codegen',
    '--dialect=postgres',
    `--url=${url}`,
    '--camel-case',
    '--date-parser=string',
    '--type-mapping={"int8":"number"}',
    '--exclude-pattern=kysely_*',
    '--out-file=server/src/platform/db/schema.ts',
    ...process.argv.slice(2),
  ];
  execFileSync('npx', args, { stdio: 'inherit' });
} finally {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
