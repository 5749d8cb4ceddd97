import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-db.js';
import type { Database } from './database.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the database layer', () => {
  it('returns dates as YYYY-MM-DD strings and counts as numbers, the same on both engines', async () => {
    const row = await sql<{ d: string; n: number; at: Date }>`select date '2020-10-01' as d, count(*) as n, now() as at from orgs`
      .execute(database.db)
      .then((r) => r.rows[0]);
    expect(row?.d).toBe('2020-10-01');
    expect(typeof row?.n).toBe('number');
    expect(row?.at).toBeInstanceOf(Date);
  });

  it('keeps concurrent transactions apart: each sees its own writes, a failed one leaves nothing', async () => {
    const db = database.db;
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('appSettings')
            .values({ key: `concurrency.${i}`, value: JSON.stringify(i) })
            .execute();
          await new Promise((resolve) => setTimeout(resolve, 5));
          const mine = await trx.selectFrom('appSettings').select('key').where('key', 'like', 'concurrency.%').execute();
          if (i % 3 === 0) throw new Error(`rollback ${i}`);
          return mine.map((r) => r.key);
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(4);
    for (const [i, r] of results.entries()) if (r.status === 'fulfilled') expect(r.value).toContain(`concurrency.${i}`);
    const kept = await db.selectFrom('appSettings').select('key').where('key', 'like', 'concurrency.%').orderBy('key').execute();
    expect(kept.map((r) => Number(r.key.split('.')[1])).sort((a, b) => a - b)).toEqual([1, 2, 4, 5, 7, 8, 10, 11]);
  });

  it('never runs a query from outside inside another request’s open transaction', async () => {
    const db = database.db;
    let inserted!: () => void;
    const insertedNow = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('appSettings').values({ key: 'isolation.probe', value: '1' }).execute();
      inserted();
      await new Promise((resolve) => setTimeout(resolve, 30));
      throw new Error('rolled back');
    });
    // On PGlite the outside query waits its turn; on PostgreSQL it cannot see uncommitted rows.
    const outside = (async () => {
      await Promise.race([insertedNow, new Promise((resolve) => setTimeout(resolve, 5))]);
      return db.selectFrom('appSettings').select('key').where('key', '=', 'isolation.probe').execute();
    })();
    await expect(failing).rejects.toThrow('rolled back');
    expect(await outside).toEqual([]);
  });
});
