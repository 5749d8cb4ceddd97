// What every bench shares: a throwaway database (PGlite in a temp dir, or a fresh database on the
// PostgreSQL of DATABASE_URL, dropped afterwards) and percentiles. BENCH_DATABASE names a database on
// that server to use as it is and keep (one scale-1 load serves several benches; it is migrated).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../server/src/platform/db/database.js';

export async function openBenchDatabase(url: string | undefined): Promise<{ database: Database; cleanup(): Promise<void> }> {
  if (!url) {
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

export function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
