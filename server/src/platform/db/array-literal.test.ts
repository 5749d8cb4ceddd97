import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayLiteral } from './array-literal.js';
import { type Database, openDatabase } from './database.js';

describe('arrayLiteral', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ memory: true });
  });
  afterAll(() => database.close());

  it('round-trips quotes, backslashes, commas, braces, blanks, NULL-like text and nulls', async () => {
    const values = ['a"b', 'c\\d', 'e,f', '{g}', ' h ', 'NULL', '', null, '董永祥'];
    const { rows } = await sql<{ v: (string | null)[] }>`select ${arrayLiteral(values)}::text[] as v`.execute(database.db);
    expect(rows[0]?.v).toEqual(values);
  });

  it('casts to the element type: dates, booleans and bigints', async () => {
    const { rows } = await sql<{ d: string[]; b: boolean[]; n: string[] }>`
      select ${arrayLiteral(['2020-10-01', null])}::date[] as d, ${arrayLiteral([true, false])}::boolean[] as b,
        (${arrayLiteral([(1n << 62n).toString(), '-1'])}::bigint[])::text[] as n`.execute(database.db);
    expect(rows[0]?.d).toEqual(['2020-10-01', null]);
    expect(rows[0]?.b).toEqual([true, false]);
    expect(rows[0]?.n).toEqual([(1n << 62n).toString(), '-1']);
  });
});
