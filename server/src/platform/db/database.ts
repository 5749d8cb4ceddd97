import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
// PGlite has one connection; Kysely queues its use (adapter.supportsMultipleConnections is false),
// so concurrent requests never share a transaction (database.test.ts checks it on both engines).
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;
export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /**
   * Bulk load with COPY (csv): PostgreSQL streams through COPY FROM STDIN, PGlite reads one blob per
   * batch from /dev/blob. Batches are csv text ending in a newline. `trusted` rows (generated valid by
   * construction) skip foreign-key triggers where the role may (SET LOCAL session_replication_role).
   */
  copy(table: string, columns: string[], batches: AsyncIterable<string>, options?: CopyOptions): Promise<number>;
  /** The PGlite instance, for data-dir dumps; absent on PostgreSQL. */
  pglite?: PGlite;
  close(): Promise<void>;
};

export type CopyOptions = { trusted?: boolean };

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
    // An idle connection dropped by the server (restart, failover) must not crash the process; the next
    // query reconnects or reports its own error.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    const copy = async (table: string, columns: string[], batches: AsyncIterable<string>, options: CopyOptions = {}) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        if (options.trusted) {
          await client.query('savepoint trusted');
          await client.query('set local session_replication_role = replica').catch(() => client.query('rollback to savepoint trusted'));
        }
        const target = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`));
        await pipeline(Readable.from(batches), target);
        await client.query('commit');
        return Number(target.rowCount ?? 0);
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    };
    return { db, kind: 'postgres', copy, close: () => db.destroy() };
  }
  let pglite: PGlite;
  if ('dataDir' in target) {
    fs.mkdirSync(target.dataDir, { recursive: true });
    pglite = await PGlite.create(target.dataDir, { parsers, loadDataDir: target.loadDataDir });
  } else {
    pglite = await PGlite.create({ parsers, loadDataDir: target.loadDataDir });
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }), plugins: [new CamelCasePlugin()] });
  const copy = async (table: string, columns: string[], batches: AsyncIterable<string>, options: CopyOptions = {}) => {
    let rows = 0;
    for await (const batch of batches) {
      // One exclusive transaction per batch, so the setting never leaks to other requests.
      rows += await pglite.transaction(async (tx) => {
        if (options.trusted) await tx.query('set local session_replication_role = replica');
        const result = await tx.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], {
          blob: new Blob([batch]),
        });
        return result.affectedRows ?? 0;
      });
    }
    return rows;
  };
  return { db, kind: 'pglite', pglite, copy, close: () => db.destroy() };
}
