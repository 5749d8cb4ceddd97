import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// The eligibility table on the base day counts the employed workers' facts rows by prefecture,
// division and masks (migration 0020): 9.5M rows read for 120,000 groups. The tally keeps those
// counts. Statement triggers on the facts append each statement's change to them, grouped (rows in,
// +1; rows out, -1), so that concurrent writers never wait on one another; the facts job folds the
// appended rows into one per group now and then. A reader sums the rows per group.
const KEYS = 'prefecture, industry_division, mask, mask_h, mids';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table conversion_facts_tally (
      prefecture text not null,
      industry_division text,
      mask bigint not null,
      mask_h bigint not null,
      mids bigint[],
      n bigint not null
    )`.execute(db);
  await sql`
    create function conversion_facts_tally() returns trigger language plpgsql as $fn$
    begin
      if tg_op = 'TRUNCATE' then
        delete from conversion_facts_tally;
      elsif tg_op = 'INSERT' then
        insert into conversion_facts_tally (${sql.raw(KEYS)}, n)
        select ${sql.raw(KEYS)}, count(*) from new_rows where is_employed group by ${sql.raw(KEYS)};
      elsif tg_op = 'DELETE' then
        insert into conversion_facts_tally (${sql.raw(KEYS)}, n)
        select ${sql.raw(KEYS)}, -count(*) from old_rows where is_employed group by ${sql.raw(KEYS)};
      else
        insert into conversion_facts_tally (${sql.raw(KEYS)}, n)
        select ${sql.raw(KEYS)}, sum(x.n) from (
          select ${sql.raw(KEYS)}, -1 as n from old_rows where is_employed
          union all
          select ${sql.raw(KEYS)}, 1 as n from new_rows where is_employed
        ) x
        group by ${sql.raw(KEYS)}
        having sum(x.n) <> 0;
      end if;
      return null;
    end
    $fn$`.execute(db);
  const triggers: [string, string][] = [
    ['insert', 'referencing new table as new_rows'],
    ['update', 'referencing old table as old_rows new table as new_rows'],
    ['delete', 'referencing old table as old_rows'],
    ['truncate', ''],
  ];
  for (const [event, referencing] of triggers) {
    await sql`
      create trigger ${sql.raw(`conversion_facts_tally_${event}_tg`)} after ${sql.raw(event)} on conversion_facts
      ${sql.raw(referencing)} for each statement execute function conversion_facts_tally()`.execute(db);
  }
  await sql`
    insert into conversion_facts_tally (${sql.raw(KEYS)}, n)
    select ${sql.raw(KEYS)}, count(*) from conversion_facts where is_employed group by ${sql.raw(KEYS)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const event of ['insert', 'update', 'delete', 'truncate']) {
    await sql`drop trigger ${sql.raw(`conversion_facts_tally_${event}_tg`)} on conversion_facts`.execute(db);
  }
  await sql`drop function conversion_facts_tally()`.execute(db);
  await sql`drop table conversion_facts_tally`.execute(db);
}
