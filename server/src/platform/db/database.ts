import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
// PGlite has one connection; Kysely queues its use (adapter.supportsMultipleConnections is false),
// so concurrent requests never share a transaction (database.test.ts checks it on both engines).
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;
export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** The PGlite instance, for data-dir dumps; absent on PostgreSQL. */
  pglite?: PGlite;
  close(): Promise<void>;
};

export type DatabaseTarget = { url: string } | { dataDir: string; loadDataDir?: Blob } | { memory: true; loadDataDir?: Blob };

const DATE_OID = 1082;
const INT8_OID = 20;

/** Same value shapes on both engines: dates as 'YYYY-MM-DD' strings, int8 (count(*)) as numbers. */
const parsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
};

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid in parsers ? parsers[oid as keyof typeof parsers] : pg.types.getTypeParser(oid, format)) as never,
      },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let pglite: PGlite;
  if ('dataDir' in target) {
    fs.mkdirSync(target.dataDir, { recursive: true });
    pglite = await PGlite.create(target.dataDir, { parsers, loadDataDir: target.loadDataDir });
  } else {
    pglite = await PGlite.create({ parsers, loadDataDir: target.loadDataDir });
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }), plugins: [new CamelCasePlugin()] });
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}
