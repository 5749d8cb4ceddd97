import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

/**
 * PGlite runs without full-page images (database.ts): a process killed in the middle of its work must
 * still come back with every transaction it committed, including changes to pages written before the
 * last checkpoint, and nothing of the one it left open.
 */
const CHILD = `
import { sql } from ${JSON.stringify(import.meta.resolve('kysely'))};
import { openDatabase } from ${JSON.stringify(new URL('./database.ts', import.meta.url).href)};
const { db } = await openDatabase({ dataDir: process.argv[2] });
await sql\`create table t (k int primary key, v text not null)\`.execute(db);
await sql\`insert into t select g, 'a' from generate_series(1, 20000) g\`.execute(db);
await sql\`checkpoint\`.execute(db);
for (let round = 1; round <= 5; round++) {
  await sql\`update t set v = \${'round' + round} where k % 5 = \${round % 5}\`.execute(db);
  process.stdout.write('committed ' + round + '\\n');
}
await db.transaction().execute(async (trx) => {
  await sql\`update t set v = 'uncommitted'\`.execute(trx);
  await sql\`insert into t select g, 'uncommitted' from generate_series(20001, 30000) g\`.execute(trx);
  process.stdout.write('open\\n');
  await new Promise(() => {});
});
`;

describe('PGlite data directory', () => {
  it('comes back after a killed process with every committed change and none of the open transaction', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changai-recovery-'));
    const script = path.join(dir, 'child.mts');
    fs.writeFileSync(script, CHILD);
    const child = spawn(process.execPath, ['--import', 'tsx', script, path.join(dir, 'data')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('open')) child.kill('SIGKILL');
    });
    const signal = await new Promise((resolve, reject) => child.on('close', (_code, signal) => resolve(signal)).on('error', reject));
    expect(output).toContain('committed 5');
    expect(signal).toBe('SIGKILL');

    const database = await openDatabase({ dataDir: path.join(dir, 'data') });
    try {
      const { rows } = await sql<{ v: string; n: number }>`select v, count(*)::int as n from t group by v order by v`.execute(database.db);
      expect(rows).toEqual([
        { v: 'round1', n: 4000 },
        { v: 'round2', n: 4000 },
        { v: 'round3', n: 4000 },
        { v: 'round4', n: 4000 },
        { v: 'round5', n: 4000 },
      ]);
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
