import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// An import writes a chunk's workers, then their credentials: the facts triggers recomputed each new
// worker twice (once bare, once with the credentials) in the same transaction. A writer that sets
// `changai.facts_deferred` for its transaction now recomputes the workers it touched once, at its end
// (facts.repository `refreshWorkers`); every other writer is served by the triggers as before.
function refreshFunction(deferrable: boolean) {
  return sql`
    create or replace function conversion_facts_refresh() returns trigger language plpgsql as $fn$
    declare
      statement text;
      ids uuid[];
    begin
      ${
        deferrable
          ? sql.raw(`if current_setting('changai.facts_deferred', true) = 'on' then
        return null;
      end if;`)
          : sql.raw('')
      }
      select l.refresh_sql into statement from conversion_facts_layout l where l.id = 1 for share;
      if statement is null then
        return null;
      end if;
      if tg_table_name = 'credentials' then
        if tg_op = 'INSERT' then
          select array_agg(distinct n.worker_id) into ids from new_rows n;
        elsif tg_op = 'DELETE' then
          select array_agg(distinct o.worker_id) into ids from old_rows o;
        else
          select array_agg(x.worker_id) into ids
          from (select n.worker_id from new_rows n union select o.worker_id from old_rows o) x;
        end if;
      elsif tg_op = 'INSERT' then
        select array_agg(n.id) into ids from new_rows n;
      else
        select array_agg(n.id) into ids
        from new_rows n join old_rows o on o.id = n.id
        where (n.org_id, n.region_code, n.industry_division, n.status, n.occupation_code, n.is_frontline, n.employed_from)
          is distinct from (o.org_id, o.region_code, o.industry_division, o.status, o.occupation_code, o.is_frontline, o.employed_from);
      end if;
      if ids is not null then
        execute statement using ids;
      end if;
      return null;
    end
    $fn$`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await refreshFunction(true).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await refreshFunction(false).execute(db);
}
