import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// skill_counts_org: how many workers of each org (the org a worker belongs to, not its ancestors) first
// became skilled / high-skilled per month. A county's enterprises, the employers hung straight under a
// prefecture and an enterprise's own units are then summed from a few thousand rows instead of
// counting their workers (≈ 0.6 s for a 90,000-worker county on PGlite at scale 0.1, ten times that at
// scale 1). The workers' statement triggers keep it with the region tables: one function now, fed by
// the rows a statement changed (+1 for the new version of a row, -1 for the old), and for an update
// only the rows whose region, org or skill dates changed.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table skill_counts_org (
      org_id uuid not null,
      month date not null,
      skilled integer not null default 0,
      high_skilled integer not null default 0,
      constraint skill_counts_org_pk primary key (org_id, month),
      constraint skill_counts_org_month_ck check (extract(day from month) = 1)
    )`.execute(db);
  // The changed rows as (region_code, org_id, skilled_since, high_skilled_since, sign): EXECUTE sees the
  // transition tables too, so one statement serves insert, update and delete.
  await sql`
    create or replace function skill_counts_apply() returns trigger language plpgsql as $fn$
    declare
      changed text := case tg_op
        when 'INSERT' then 'select n.region_code, n.org_id, n.skilled_since, n.high_skilled_since, 1 as sign from new_rows n'
        when 'DELETE' then 'select o.region_code, o.org_id, o.skilled_since, o.high_skilled_since, -1 as sign from old_rows o'
        else 'select x.region_code, x.org_id, x.skilled_since, x.high_skilled_since, x.sign from (
                select n.id, n.region_code, n.org_id, n.skilled_since, n.high_skilled_since, 1 as sign from new_rows n
                union all
                select o.id, o.region_code, o.org_id, o.skilled_since, o.high_skilled_since, -1 from old_rows o) x
              where x.id in (select n.id from new_rows n join old_rows o on o.id = n.id
                where (n.region_code, n.org_id, n.skilled_since, n.high_skilled_since)
                  is distinct from (o.region_code, o.org_id, o.skilled_since, o.high_skilled_since))'
      end;
    begin
      execute format($q$
        with changed as (%s),
        d as (
          select c.region_code, c.org_id, coalesce(e.industry_category, 'other') as category,
            date_trunc('month', c.skilled_since)::date as month, c.sign as skilled, 0 as high
          from changed c left join enterprises e on e.org_id = c.org_id where c.skilled_since is not null
          union all
          select c.region_code, c.org_id, coalesce(e.industry_category, 'other'),
            date_trunc('month', c.high_skilled_since)::date, 0, c.sign
          from changed c left join enterprises e on e.org_id = c.org_id where c.high_skilled_since is not null
        ),
        monthly as (
          insert into skill_counts as s (region_code, industry_category, month, skilled, high_skilled, updated_at)
          select region_code, category, month, sum(skilled)::int, sum(high)::int, now() from d
          group by region_code, category, month having sum(skilled) <> 0 or sum(high) <> 0
          on conflict (region_code, industry_category, month)
          do update set skilled = s.skilled + excluded.skilled, high_skilled = s.high_skilled + excluded.high_skilled, updated_at = now()
          returning 1),
        by_org as (
          insert into skill_counts_org as s (org_id, month, skilled, high_skilled)
          select org_id, month, sum(skilled)::int, sum(high)::int from d
          group by org_id, month having sum(skilled) <> 0 or sum(high) <> 0
          on conflict (org_id, month)
          do update set skilled = s.skilled + excluded.skilled, high_skilled = s.high_skilled + excluded.high_skilled
          returning 1)
        insert into skill_counts_yearly as s (region_code, industry_category, year, skilled, high_skilled, updated_at)
        select region_code, category, extract(year from month)::int, sum(skilled)::int, sum(high)::int, now() from d
        group by region_code, category, extract(year from month) having sum(skilled) <> 0 or sum(high) <> 0
        on conflict (region_code, industry_category, year)
        do update set skilled = s.skilled + excluded.skilled, high_skilled = s.high_skilled + excluded.high_skilled, updated_at = now()
      $q$, changed);
      return null;
    end
    $fn$`.execute(db);
  await sql`
    insert into skill_counts_org (org_id, month, skilled, high_skilled)
    select d.org_id, d.month, sum(d.skilled)::int, sum(d.high)::int
    from (
      select w.org_id, date_trunc('month', w.skilled_since)::date as month, 1 as skilled, 0 as high
      from workers w where w.skilled_since is not null
      union all
      select w.org_id, date_trunc('month', w.high_skilled_since)::date, 0, 1
      from workers w where w.high_skilled_since is not null
    ) d group by d.org_id, d.month order by d.org_id, d.month`.execute(db);
  // Without statistics the planner guesses a 3-million-row table at scale 1 and scans it whole.
  await sql`analyze skill_counts_org`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The function as 202611260010 left it: the region tables only.
  await sql`
    create or replace function skill_counts_apply() returns trigger language plpgsql as $fn$
    declare
      changed text := case tg_op
        when 'INSERT' then 'select n.region_code, n.org_id, n.skilled_since, n.high_skilled_since, 1 as sign from new_rows n'
        when 'DELETE' then 'select o.region_code, o.org_id, o.skilled_since, o.high_skilled_since, -1 as sign from old_rows o'
        else 'select n.region_code, n.org_id, n.skilled_since, n.high_skilled_since, 1 as sign from new_rows n
              union all select o.region_code, o.org_id, o.skilled_since, o.high_skilled_since, -1 from old_rows o'
      end;
    begin
      execute format($q$
        with changed as (%s),
        d as (
          select c.region_code, coalesce(e.industry_category, 'other') as category,
            date_trunc('month', c.skilled_since)::date as month, c.sign as skilled, 0 as high
          from changed c left join enterprises e on e.org_id = c.org_id where c.skilled_since is not null
          union all
          select c.region_code, coalesce(e.industry_category, 'other'), date_trunc('month', c.high_skilled_since)::date, 0, c.sign
          from changed c left join enterprises e on e.org_id = c.org_id where c.high_skilled_since is not null
        ),
        monthly as (
          insert into skill_counts as s (region_code, industry_category, month, skilled, high_skilled, updated_at)
          select region_code, category, month, sum(skilled)::int, sum(high)::int, now() from d
          group by region_code, category, month having sum(skilled) <> 0 or sum(high) <> 0
          on conflict (region_code, industry_category, month)
          do update set skilled = s.skilled + excluded.skilled, high_skilled = s.high_skilled + excluded.high_skilled, updated_at = now()
          returning 1)
        insert into skill_counts_yearly as s (region_code, industry_category, year, skilled, high_skilled, updated_at)
        select region_code, category, extract(year from month)::int, sum(skilled)::int, sum(high)::int, now() from d
        group by region_code, category, extract(year from month) having sum(skilled) <> 0 or sum(high) <> 0
        on conflict (region_code, industry_category, year)
        do update set skilled = s.skilled + excluded.skilled, high_skilled = s.high_skilled + excluded.high_skilled, updated_at = now()
      $q$, changed);
      return null;
    end
    $fn$`.execute(db);
  await sql`drop table skill_counts_org`.execute(db);
}
