import { prefectureOf } from '@changai/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-db.js';
import type { Database } from './database.js';
import { prefectureOfColumn } from './regions.js';

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

  it('finds the prefecture of a region code in SQL as the domain does', async () => {
    const codes = ['420106', '420100', '420202', '420921', '429004', '429021'];
    const { rows } = await sql<{ code: string; prefecture: string }>`
      select r.code, ${prefectureOfColumn('r.code')} as prefecture from unnest(${codes}::text[]) as r(code)`.execute(database.db);
    expect(rows.map((r) => r.prefecture)).toEqual(codes.map(prefectureOf));
    expect(rows.map((r) => r.prefecture)).toEqual(['420100', '420100', '420200', '420900', '429004', '429021']);
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

  describe('bulk load', () => {
    const definitions = async () => {
      const { rows } = await sql<{ name: string; definition: string }>`
        select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
        where conrelid in ('bulk_parent'::regclass, 'bulk_child'::regclass)
        union all
        select indexname, indexdef from pg_indexes where tablename in ('bulk_parent', 'bulk_child')
        order by 1, 2`.execute(database.db);
      return rows;
    };
    const count = async (table: string) =>
      Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)).rows[0]?.n);

    beforeAll(async () => {
      await sql`create table bulk_parent (id int primary key, code text not null unique, n int check (n >= 0))`.execute(database.db);
      await sql`create index bulk_parent_n_ix on bulk_parent (n) where n > 10`.execute(database.db);
      await sql`create table bulk_child (id int primary key, parent_id int not null references bulk_parent (id), label text)`.execute(
        database.db,
      );
      await sql`create index bulk_child_parent_ix on bulk_child (parent_id, label)`.execute(database.db);
    });

    it('loads everything, then gives the tables back every constraint and index', async () => {
      const before = await definitions();
      expect(before.map((d) => d.name)).toEqual(
        expect.arrayContaining(['bulk_child_parent_id_fkey', 'bulk_parent_n_check', 'bulk_parent_n_ix']),
      );
      const loaded = await database.bulkLoad(['bulk_parent', 'bulk_child'], async (copy) => {
        const parents = Array.from({ length: 3000 }, (_, i) => `${i},code-${i},${i % 50}`).join('\n');
        const children = Array.from({ length: 5000 }, (_, i) => `${i},${i % 3000},"label, ${i}"`).join('\n');
        return (
          (await copy('bulk_parent', ['id', 'code', 'n'], `${parents}\n`)) +
          (await copy('bulk_child', ['id', 'parent_id', 'label'], `${children}\n`))
        );
      });
      expect(loaded).toBe(8000);
      expect(await definitions()).toEqual(before);
      expect([await count('bulk_parent'), await count('bulk_child')]).toEqual([3000, 5000]);
    });

    it("leaves the tables' triggers off while loading, and on again after", async () => {
      await sql`create table bulk_log (rows int not null)`.execute(database.db);
      await sql`
        create function bulk_log_rows() returns trigger language plpgsql as $$
        begin insert into bulk_log select count(*) from new_rows; return null; end $$`.execute(database.db);
      await sql`create trigger bulk_child_log after insert on bulk_child referencing new table as new_rows
        for each statement execute function bulk_log_rows()`.execute(database.db);
      await database.bulkLoad(['bulk_parent', 'bulk_child'], (copy) => copy('bulk_child', ['id', 'parent_id', 'label'], '7000,1,loaded\n'));
      expect(await count('bulk_log')).toBe(0);
      await sql`insert into bulk_child (id, parent_id, label) values (7001, 1, 'inserted')`.execute(database.db);
      expect(await count('bulk_log')).toBe(1);
      await sql`delete from bulk_child where id >= 7000`.execute(database.db);
    });

    it('loads nothing when a row breaks a constraint, and keeps the constraints', async () => {
      const before = await definitions();
      for (const [label, rows] of [
        ['a duplicate key', '90000,code-0,1\n'],
        ['a failed check', '90001,fresh,-1\n'],
      ]) {
        await expect(
          database.bulkLoad(['bulk_parent', 'bulk_child'], async (copy) => {
            await copy('bulk_parent', ['id', 'code', 'n'], '90002,another,1\n');
            return copy('bulk_parent', ['id', 'code', 'n'], rows as string);
          }),
          label as string,
        ).rejects.toThrow();
      }
      await expect(
        database.bulkLoad(['bulk_parent', 'bulk_child'], (copy) =>
          copy('bulk_child', ['id', 'parent_id', 'label'], '90000,424242,orphan\n'),
        ),
      ).rejects.toThrow();
      expect(await definitions()).toEqual(before);
      expect([await count('bulk_parent'), await count('bulk_child')]).toEqual([3000, 5000]);
    });
  });
});
