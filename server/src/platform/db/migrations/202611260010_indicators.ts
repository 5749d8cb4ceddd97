import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Indicators and the dashboard's live figures.
// - Per worker, the first dates the worker counts as skilled (any valid skill level) and high-skilled
//   (a valid one of rank ≥ 4, 高级工 or above): "skilled as of D" is skilled_since ≤ D. The registry's
//   derived-fields path keeps them, like highest_skill_rank.
// - skill_counts (and skill_counts_yearly): how many workers first became skilled / high-skilled per
//   county-level region, industry category and month (year). A statement-level trigger with transition tables keeps it exact on
//   every insert, update and delete of workers (one set-based statement per import batch); bulk loads
//   that bypass triggers (replica role) rebuild it once at the end. As of D = the months before D's
//   month plus an index count for D's own days.
// - Indicators: formulas over data elements, versioned by the date each version takes effect, so a
//   period is computed with the version in force on its last day; targets per indicator and year.
// - Maps: an administrator-supplied GeoJSON per org, keyed by division code (none is bundled).
const ELEMENTS: [string, string, string, string, string][] = [
  ['skilled_workers', '技能劳动者', 'Skilled workers', '人', 'people'],
  ['high_skilled_workers', '高技能人才', 'High-skilled workers', '人', 'people'],
  ['leading_group_units', '领导小组成员单位', 'Leading-group member units', '个', 'units'],
  ['liaison_units', '联络员单位', 'Liaison units', '个', 'units'],
  ['policies_in_force', '配套政策', 'Supporting policies in force', '个', 'policies'],
  ['policies_issued', '当年出台配套政策', 'Supporting policies issued this year', '个', 'policies'],
  ['training_bases', '国家及省级高技能人才培训基地', 'National and provincial high-skill training bases', '个', 'bases'],
  ['master_studios', '技能大师工作室', 'Skill master studios', '个', 'studios'],
  ['worker_training_bases', '各级职工培训基地', 'Worker training bases', '个', 'bases'],
  ['innovation_studios', '职工创新工作室', 'Worker innovation studios', '个', 'studios'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table workers add column skilled_since date, add column high_skilled_since date`.execute(db);
  await sql`alter table workers add constraint workers_skill_since_ck check (high_skilled_since is null or (skilled_since is not null and skilled_since <= high_skilled_since))`.execute(
    db,
  );
  await sql`create index workers_skilled_since_ix on workers (skilled_since) where skilled_since is not null`.execute(db);
  await sql`create index workers_high_skilled_since_ix on workers (high_skilled_since) where high_skilled_since is not null`.execute(db);
  await sql`
    update workers w set skilled_since = s.first_on, high_skilled_since = s.high_on
    from (select worker_id, min(issued_on) as first_on, min(issued_on) filter (where level_rank >= 4) as high_on
          from credentials where kind = 'skill_level' and status = 'valid' group by worker_id) s
    where w.id = s.worker_id`.execute(db);

  await sql`
    create table skill_counts (
      region_code text not null,
      industry_category text not null,
      month date not null,
      skilled integer not null default 0,
      high_skilled integer not null default 0,
      updated_at timestamptz not null default now(),
      primary key (region_code, industry_category, month),
      constraint skill_counts_month_ck check (extract(day from month) = 1)
    )`.execute(db);
  await sql`create index skill_counts_month_ix on skill_counts (month)`.execute(db);
  // The same per year: a province's history is a few thousand yearly rows at any scale, so "as of D"
  // reads the years before D's year here and only D's own year (and the one before) month by month.
  await sql`
    create table skill_counts_yearly (
      region_code text not null,
      industry_category text not null,
      year integer not null,
      skilled integer not null default 0,
      high_skilled integer not null default 0,
      updated_at timestamptz not null default now(),
      primary key (region_code, industry_category, year)
    )`.execute(db);
  // The dashboard finds a subtree's regions among thousands of enterprise orgs: the ~120 divisions apart.
  await sql`create index orgs_divisions_ix on orgs (path text_pattern_ops, code) where kind in ('province', 'prefecture', 'county')`.execute(
    db,
  );

  // One function for the three statement triggers: each branch reads only the transition tables its
  // operation has; one statement applies the deltas to both tables. Deltas that cancel out (an edit
  // that moves nothing) write nothing.
  await sql`
    create function skill_counts_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        with d as (
          select n.region_code, coalesce(e.industry_category, 'other') as category, date_trunc('month', n.skilled_since)::date as month, 1 as skilled, 0 as high
          from new_rows n left join enterprises e on e.org_id = n.org_id where n.skilled_since is not null
          union all
          select n.region_code, coalesce(e.industry_category, 'other'), date_trunc('month', n.high_skilled_since)::date, 0, 1
          from new_rows n left join enterprises e on e.org_id = n.org_id where n.high_skilled_since is not null
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
        do update set skilled = s.skilled + excluded.skilled, high_skilled = s.high_skilled + excluded.high_skilled, updated_at = now();
      elsif tg_op = 'UPDATE' then
        with d as (
          select n.region_code, coalesce(e.industry_category, 'other') as category, date_trunc('month', n.skilled_since)::date as month, 1 as skilled, 0 as high
          from new_rows n left join enterprises e on e.org_id = n.org_id where n.skilled_since is not null
          union all
          select n.region_code, coalesce(e.industry_category, 'other'), date_trunc('month', n.high_skilled_since)::date, 0, 1
          from new_rows n left join enterprises e on e.org_id = n.org_id where n.high_skilled_since is not null
          union all
          select o.region_code, coalesce(e.industry_category, 'other') as category, date_trunc('month', o.skilled_since)::date as month, -1 as skilled, 0 as high
          from old_rows o left join enterprises e on e.org_id = o.org_id where o.skilled_since is not null
          union all
          select o.region_code, coalesce(e.industry_category, 'other'), date_trunc('month', o.high_skilled_since)::date, 0, -1
          from old_rows o left join enterprises e on e.org_id = o.org_id where o.high_skilled_since is not null
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
        do update set skilled = s.skilled + excluded.skilled, high_skilled = s.high_skilled + excluded.high_skilled, updated_at = now();
      else
        with d as (
          select o.region_code, coalesce(e.industry_category, 'other') as category, date_trunc('month', o.skilled_since)::date as month, -1 as skilled, 0 as high
          from old_rows o left join enterprises e on e.org_id = o.org_id where o.skilled_since is not null
          union all
          select o.region_code, coalesce(e.industry_category, 'other'), date_trunc('month', o.high_skilled_since)::date, 0, -1
          from old_rows o left join enterprises e on e.org_id = o.org_id where o.high_skilled_since is not null
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
        do update set skilled = s.skilled + excluded.skilled, high_skilled = s.high_skilled + excluded.high_skilled, updated_at = now();
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger workers_skill_counts_ins after insert on workers referencing new table as new_rows for each statement execute function skill_counts_apply()`.execute(
    db,
  );
  await sql`create trigger workers_skill_counts_upd after update on workers referencing old table as old_rows new table as new_rows for each statement execute function skill_counts_apply()`.execute(
    db,
  );
  await sql`create trigger workers_skill_counts_del after delete on workers referencing old table as old_rows for each statement execute function skill_counts_apply()`.execute(
    db,
  );
  // An employer's industry category moves its workers' counts between categories.
  await sql`
    create function skill_counts_recategorise() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        with c as (select n.org_id, 'other'::text as old_category, coalesce(n.industry_category, 'other') as new_category from new_rows n where n.industry_category is not null),
        d as (
          select w.region_code, c.new_category as category, date_trunc('month', w.skilled_since)::date as month, 1 as skilled, 0 as high
          from c join workers w on w.org_id = c.org_id where w.skilled_since is not null
          union all
          select w.region_code, c.new_category, date_trunc('month', w.high_skilled_since)::date, 0, 1
          from c join workers w on w.org_id = c.org_id where w.high_skilled_since is not null
          union all
          select w.region_code, c.old_category, date_trunc('month', w.skilled_since)::date, -1, 0
          from c join workers w on w.org_id = c.org_id where w.skilled_since is not null
          union all
          select w.region_code, c.old_category, date_trunc('month', w.high_skilled_since)::date, 0, -1
          from c join workers w on w.org_id = c.org_id where w.high_skilled_since is not null
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
        do update set skilled = s.skilled + excluded.skilled, high_skilled = s.high_skilled + excluded.high_skilled, updated_at = now();
      elsif tg_op = 'UPDATE' then
        with c as (select n.org_id, coalesce(o.industry_category, 'other') as old_category, coalesce(n.industry_category, 'other') as new_category from new_rows n join old_rows o on o.org_id = n.org_id where n.industry_category is distinct from o.industry_category),
        d as (
          select w.region_code, c.new_category as category, date_trunc('month', w.skilled_since)::date as month, 1 as skilled, 0 as high
          from c join workers w on w.org_id = c.org_id where w.skilled_since is not null
          union all
          select w.region_code, c.new_category, date_trunc('month', w.high_skilled_since)::date, 0, 1
          from c join workers w on w.org_id = c.org_id where w.high_skilled_since is not null
          union all
          select w.region_code, c.old_category, date_trunc('month', w.skilled_since)::date, -1, 0
          from c join workers w on w.org_id = c.org_id where w.skilled_since is not null
          union all
          select w.region_code, c.old_category, date_trunc('month', w.high_skilled_since)::date, 0, -1
          from c join workers w on w.org_id = c.org_id where w.high_skilled_since is not null
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
        do update set skilled = s.skilled + excluded.skilled, high_skilled = s.high_skilled + excluded.high_skilled, updated_at = now();
      else
        with c as (select o.org_id, coalesce(o.industry_category, 'other') as old_category, 'other'::text as new_category from old_rows o where o.industry_category is not null),
        d as (
          select w.region_code, c.new_category as category, date_trunc('month', w.skilled_since)::date as month, 1 as skilled, 0 as high
          from c join workers w on w.org_id = c.org_id where w.skilled_since is not null
          union all
          select w.region_code, c.new_category, date_trunc('month', w.high_skilled_since)::date, 0, 1
          from c join workers w on w.org_id = c.org_id where w.high_skilled_since is not null
          union all
          select w.region_code, c.old_category, date_trunc('month', w.skilled_since)::date, -1, 0
          from c join workers w on w.org_id = c.org_id where w.skilled_since is not null
          union all
          select w.region_code, c.old_category, date_trunc('month', w.high_skilled_since)::date, 0, -1
          from c join workers w on w.org_id = c.org_id where w.high_skilled_since is not null
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
        do update set skilled = s.skilled + excluded.skilled, high_skilled = s.high_skilled + excluded.high_skilled, updated_at = now();
      end if;
      return null;
    end $$`.execute(db);
  for (const [op, event, tables] of [
    ['ins', 'insert', 'new table as new_rows'],
    ['upd', 'update', 'old table as old_rows new table as new_rows'],
    ['del', 'delete', 'old table as old_rows'],
  ]) {
    await sql`create trigger ${sql.raw(`enterprises_skill_counts_${op}`)} after ${sql.raw(event as string)} on enterprises referencing ${sql.raw(tables as string)} for each statement execute function skill_counts_recategorise()`.execute(
      db,
    );
  }
  await sql`
    insert into skill_counts (region_code, industry_category, month, skilled, high_skilled)
    select d.region_code, d.category, d.month, sum(d.skilled)::int, sum(d.high)::int
    from (
      select w.region_code, coalesce(e.industry_category, 'other') as category, date_trunc('month', w.skilled_since)::date as month, 1 as skilled, 0 as high
      from workers w left join enterprises e on e.org_id = w.org_id where w.skilled_since is not null
      union all
      select w.region_code, coalesce(e.industry_category, 'other'), date_trunc('month', w.high_skilled_since)::date, 0, 1
      from workers w left join enterprises e on e.org_id = w.org_id where w.high_skilled_since is not null
    ) d group by d.region_code, d.category, d.month`.execute(db);
  await sql`
    insert into skill_counts_yearly (region_code, industry_category, year, skilled, high_skilled)
    select region_code, industry_category, extract(year from month)::int, sum(skilled)::int, sum(high_skilled)::int
    from skill_counts group by 1, 2, 3`.execute(db);

  for (const [code, nameZh, nameEn, unitZh, unitEn] of ELEMENTS) {
    await sql`
      insert into data_elements (code, kind, name_zh, name_en, unit_zh, unit_en, value_type, min_value)
      values (${code}, 'computed', ${nameZh}, ${nameEn}, ${unitZh}, ${unitEn}, 'integer', 0)
      on conflict (code) do nothing`.execute(db);
  }

  await sql`
    create table indicators (
      code text primary key,
      name_zh text not null,
      name_en text not null,
      unit_zh text not null default '',
      unit_en text not null default '',
      decimals smallint not null default 0,
      sort_order smallint not null default 0,
      created_at timestamptz not null default now(),
      constraint indicators_code_ck check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
      constraint indicators_decimals_ck check (decimals between 0 and 4)
    )`.execute(db);
  await sql`
    create table indicator_versions (
      id uuid primary key default gen_random_uuid(),
      indicator_code text not null references indicators (code) on delete restrict,
      version integer not null,
      effective_from date not null,
      numerator_code text not null references data_elements (code) on delete restrict,
      denominator_code text references data_elements (code) on delete restrict,
      factor numeric not null default 1,
      note text,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      constraint indicator_versions_version_uq unique (indicator_code, version),
      constraint indicator_versions_effective_uq unique (indicator_code, effective_from),
      constraint indicator_versions_factor_ck check (factor <> 0)
    )`.execute(db);
  await sql`create index indicator_versions_numerator_ix on indicator_versions (numerator_code)`.execute(db);
  await sql`create index indicator_versions_denominator_ix on indicator_versions (denominator_code)`.execute(db);
  await sql`create index indicator_versions_created_by_ix on indicator_versions (created_by)`.execute(db);
  await sql`
    create table indicator_targets (
      indicator_code text not null references indicators (code) on delete restrict,
      year integer not null,
      value numeric not null,
      is_uncertain boolean not null default false,
      source text,
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (indicator_code, year),
      constraint indicator_targets_year_ck check (year between 2000 and 2100)
    )`.execute(db);
  await sql`create index indicator_targets_updated_by_ix on indicator_targets (updated_by)`.execute(db);

  const indicators: [string, string, string, string, string, number, string, string | null, number][] = [
    [
      'high_skilled_share',
      '高技能人才占技能劳动者比例',
      'High-skilled share of skilled workers',
      '%',
      '%',
      1,
      'high_skilled_workers',
      'skilled_workers',
      100,
    ],
    ['high_skilled_total', '高技能人才总量', 'High-skilled workers', '万人', '10k people', 1, 'high_skilled_workers', null, 0.0001],
    ['skilled_total', '技能劳动者总量', 'Skilled workers', '万人', '10k people', 1, 'skilled_workers', null, 0.0001],
  ];
  let order = 0;
  for (const [code, nameZh, nameEn, unitZh, unitEn, decimals, numerator, denominator, factor] of indicators) {
    await sql`insert into indicators (code, name_zh, name_en, unit_zh, unit_en, decimals, sort_order)
              values (${code}, ${nameZh}, ${nameEn}, ${unitZh}, ${unitEn}, ${decimals}, ${order++})`.execute(db);
    await sql`insert into indicator_versions (indicator_code, version, effective_from, numerator_code, denominator_code, factor, note)
              values (${code}, 1, '2000-01-01', ${numerator}, ${denominator}, ${factor}, '初始口径')`.execute(db);
  }
  // 14th five-year plan: 1/3 nationally, central provinces their base + 2–3 points (Hubei 2020: 30.1%).
  await sql`insert into indicator_targets (indicator_code, year, value, is_uncertain, source)
            values ('high_skilled_share', 2025, 32.6, true,
              '“十四五”职业技能培训规划：全国高技能人才占技能人才比例达到1/3，东部省份35%，中西部省份在现有基础上提高2–3个百分点（湖北2020年基数30.1%，按+2.5个百分点暂定，可调整）')`.execute(
    db,
  );

  await sql`
    create table indicator_maps (
      org_id uuid primary key references orgs (id) on delete cascade,
      name text not null,
      geojson jsonb not null,
      feature_codes text[] not null,
      uploaded_by uuid references users (id) on delete set null,
      uploaded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index indicator_maps_uploaded_by_ix on indicator_maps (uploaded_by)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['indicator_maps', 'indicator_targets', 'indicator_versions', 'indicators'])
    await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`delete from data_elements where kind = 'computed' and code = any(${ELEMENTS.map((e) => e[0])})`.execute(db);
  for (const op of ['ins', 'upd', 'del']) await sql`drop trigger ${sql.raw(`workers_skill_counts_${op}`)} on workers`.execute(db);
  await sql`drop function skill_counts_apply()`.execute(db);
  for (const op of ['ins', 'upd', 'del']) await sql`drop trigger ${sql.raw(`enterprises_skill_counts_${op}`)} on enterprises`.execute(db);
  await sql`drop function skill_counts_recategorise()`.execute(db);
  await sql`drop table skill_counts_yearly`.execute(db);
  await sql`drop table skill_counts`.execute(db);
  await sql`drop index orgs_divisions_ix`.execute(db);
  await sql`alter table workers drop constraint workers_skill_since_ck, drop column skilled_since, drop column high_skilled_since`.execute(
    db,
  );
}
