import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
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
  /**
   * Loads many trusted rows into `tables` in one transaction, the fastest way the engine allows: their
   * constraints and indexes are dropped first and rebuilt and validated at the end (sorting once beats
   * millions of index insertions). The tables are locked until it commits; all or nothing.
   */
  bulkLoad<T>(tables: string[], work: (copy: BulkCopy) => Promise<T>): Promise<T>;
  /** The PGlite instance, for data-dir dumps; absent on PostgreSQL. */
  pglite?: PGlite;
  close(): Promise<void>;
};

export type CopyOptions = { trusted?: boolean };
/** One COPY of csv text (lines ending in a newline) within a bulk load; returns the rows loaded. */
export type BulkCopy = (table: string, columns: string[], csv: string) => Promise<number>;

/** The tables' constraints (primary, unique, check, and foreign keys from or to them), with their definitions. */
const CONSTRAINTS = `
  select c.conrelid::regclass::text as "table", c.conname as name, c.contype as type, pg_get_constraintdef(c.oid) as definition
  from pg_constraint c
  where c.connamespace = current_schema()::regnamespace and c.contype in ('p', 'u', 'c', 'f')
    and (c.conrelid = any($1::text[]::regclass[]) or c.confrelid = any($1::text[]::regclass[]))
  order by c.contype = 'f' desc`;
/** The tables' indexes that no constraint owns, with the statements that recreate them. */
const INDEXES = `
  select i.indexname as name, i.indexdef as definition
  from pg_indexes i
  where i.schemaname = current_schema() and i.tablename = any($1::text[])
    and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = current_schema()::regnamespace)`;

type Exec = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * What pg_restore does: the tables lose their constraints and indexes while rows stream in, then get
 * them back, built by one sort each and validated over all rows (a violation fails the whole load).
 * Their own triggers are off meanwhile (what they keep, the caller rebuilds once): statement triggers
 * upserting the same aggregate rows batch after batch in one transaction would leave ever longer
 * chains of row versions that no vacuum may prune until it commits (scale 1 took 45 minutes).
 */
async function withConstraintsDeferred<T>(exec: Exec, tables: string[], work: () => Promise<T>): Promise<T> {
  const constraints = (await exec.query(CONSTRAINTS, [tables])).rows as { table: string; name: string; type: string; definition: string }[];
  const indexes = (await exec.query(INDEXES, [tables])).rows as { name: string; definition: string }[];
  for (const c of constraints) await exec.query(`alter table ${c.table} drop constraint "${c.name}"`);
  for (const index of indexes) await exec.query(`drop index "${index.name}"`);
  for (const table of tables) await exec.query(`alter table ${table} disable trigger user`);
  const result = await work();
  for (const table of tables) await exec.query(`alter table ${table} enable trigger user`);
  const add = (c: (typeof constraints)[number]) => exec.query(`alter table ${c.table} add constraint "${c.name}" ${c.definition}`);
  for (const c of constraints) if (c.type !== 'f') await add(c);
  for (const index of indexes) await exec.query(index.definition);
  for (const c of constraints) if (c.type === 'f') await add(c);
  for (const table of tables) await exec.query(`analyze ${table}`);
  return result;
}

export type DatabaseTarget = { url: string } | { dataDir: string; loadDataDir?: Blob } | { memory: true; loadDataDir?: Blob };

const DATE_OID = 1082;
const INT8_OID = 20;

/** Same value shapes on both engines: dates as 'YYYY-MM-DD' strings, int8 (count(*)) as numbers. */
const parsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
};

/** Contrib modules PGlite loads (PostgreSQL has them installed): trigram search of Chinese text. */
const extensions = { pg_trgm };

/**
 * PGlite runs without fsync (its own -F), so its files do not survive a power loss intact whatever the
 * WAL holds; the full-page images that guard against pages torn by one only cost it: a page's first
 * change after each checkpoint wrote all 8 kB of it to the WAL. Without them an import of 10,000
 * workers into a 1M-worker registry ran at 2,800 rows/s instead of 1,700. Crash recovery (a killed
 * process: whole page writes reach the OS) still replays every committed transaction.
 */
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'full_page_writes=off'];

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      // No JIT: compiling our queries costs more than it saves (a 0.8 s dashboard query spent 77 ms
      // compiling; the eligibility table ran 14.5 s with JIT, 5 s without).
      options: '-c jit=off',
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
    const bulkLoad = async <T>(tables: string[], work: (copy: BulkCopy) => Promise<T>) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query("set local maintenance_work_mem = '512MB'");
        const result = await withConstraintsDeferred(client, tables, () =>
          work(async (table, columns, csv) => {
            const target = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`));
            await pipeline(Readable.from([csv]), target);
            return Number(target.rowCount ?? 0);
          }),
        );
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    };
    return { db, kind: 'postgres', copy, bulkLoad, close: () => db.destroy() };
  }
  let pglite: PGlite;
  if ('dataDir' in target) {
    fs.mkdirSync(target.dataDir, { recursive: true });
    pglite = await PGlite.create(target.dataDir, { parsers, extensions, loadDataDir: target.loadDataDir, startParams: pgliteStartParams });
  } else {
    pglite = await PGlite.create({ parsers, extensions, loadDataDir: target.loadDataDir, startParams: pgliteStartParams });
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
  const bulkLoad = <T>(tables: string[], work: (copy: BulkCopy) => Promise<T>) =>
    pglite.transaction(async (tx) => {
      await tx.query("set local maintenance_work_mem = '256MB'");
      return withConstraintsDeferred(tx, tables, () =>
        work(async (table, columns, csv) => {
          const result = await tx.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], {
            blob: new Blob([csv]),
          });
          return result.affectedRows ?? 0;
        }),
      );
    });
  return { db, kind: 'pglite', pglite, copy, bulkLoad, close: () => db.destroy() };
}
