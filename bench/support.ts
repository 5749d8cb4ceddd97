// What every bench shares: a throwaway database (PGlite in a temp dir, or a fresh database on the
// PostgreSQL of DATABASE_URL, dropped afterwards) and percentiles. BENCH_DATABASE names a database on
// that server to use as it is and keep (one scale-1 load serves several benches; it is migrated);
// BENCH_DATA_DIR does the same for a PGlite directory (`<CHANGAI_DATA_DIR>/pglite` after `changai demo`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataCipher } from '../server/src/platform/crypto.js';
import { type Database, openDatabase } from '../server/src/platform/db/database.js';

export async function openBenchDatabase(url: string | undefined): Promise<{ database: Database; cleanup(): Promise<void> }> {
  if (!url) {
    const keptDir = process.env.BENCH_DATA_DIR;
    if (keptDir) return { database: await openDatabase({ dataDir: keptDir }), cleanup: async () => {} };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changai-bench-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const kept = process.env.BENCH_DATABASE;
  if (kept) {
    const target = new URL(url);
    target.pathname = `/${kept}`;
    return { database: await openDatabase({ url: target.toString() }), cleanup: async () => {} };
  }
  const name = `changai_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString() });
  return {
    database,
    cleanup: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The data key: CHANGAI_DATA_KEY (64 hex digits, as a kept database was loaded with) or a fixed one. */
export const benchCipher = () => {
  const key = process.env.CHANGAI_DATA_KEY;
  return new DataCipher(key ? Buffer.from(key, 'hex') : Buffer.alloc(32, 9));
};

/** Whether the bench runs on a database loaded before (BENCH_DATABASE or BENCH_DATA_DIR): no load of its own. */
export const usesKeptDatabase = () => Boolean(process.env.BENCH_DATA_DIR || (process.env.DATABASE_URL && process.env.BENCH_DATABASE));

/** A kept database's size, for the figures. */
export async function keptCounts(database: Database) {
  const count = async (table: 'workers' | 'credentials') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { demo_workers: await count('workers'), demo_credentials: await count('credentials') };
}

export function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
