import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFactsFresh } from '../../../test/conversion-facts.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { loadDemoData } from '../../cli/demo-data.js';
import { DEMO_MILESTONES, scaledCounts } from './demo.figures.js';
import { loadRegistry } from './demo.service.js';

let t: TestApp;
const SCALE = 0.002;

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.system);
  // The CLI's way: one transaction that drops and rebuilds the registry's constraints and indexes.
  await loadRegistry(t.system, t.database, SCALE, undefined, { exclusive: true });
}, 180_000);
afterAll(() => t.close());

/** Skilled = holds a valid skill-level credential issued by the date; high-skilled = its highest such rank is 高级工 or above. */
async function figuresAsOf(asOf: string) {
  const { rows } = await sql<{ skilled: number; high: number }>`
    select count(*) as skilled, count(*) filter (where top >= 4) as high
    from (select worker_id, max(level_rank) as top from credentials
          where kind = 'skill_level' and status = 'valid' and issued_on <= ${asOf}
          group by worker_id) s`.execute(t.database.db);
  return { skilled: Number(rows[0]?.skilled), high: Number(rows[0]?.high) };
}

describe('the demo province', () => {
  it.each(DEMO_MILESTONES)('reproduces the published figures as of $asOf from its rows', async ({ asOf, skilled, highSkilled }) => {
    expect(await figuresAsOf(asOf)).toEqual({ skilled: Math.round(skilled * SCALE), high: Math.round(highSkilled * SCALE) });
  });

  it('keeps growing after the last published figure', async () => {
    const later = await figuresAsOf('2026-10-31');
    const demoWorkers = await sql<{ n: number }>`select count(*) as n from workers where source = 'demo'`.execute(t.database.db);
    expect(Number(demoWorkers.rows[0]?.n)).toBe(
      scaledCounts(SCALE, { first: { skilled: 1, highSkilled: 1 }, second: { skilled: 1, highSkilled: 1 } }).total,
    );
    expect(later.skilled).toBeGreaterThan(Math.round(DEMO_MILESTONES[1].skilled * SCALE));
  });

  it('spreads workers over all 17 prefectures, Wuhan largest, with valid derived levels', async () => {
    const { rows } = await sql<{ prefecture: string; n: number }>`
      select substr(region_code, 1, 4) as prefecture, count(*) as n from workers where source = 'demo' group by 1 order by n desc`.execute(
      t.database.db,
    );
    expect(rows[0]?.prefecture).toBe('4201');
    expect(new Set(rows.map((r) => (r.prefecture.startsWith('4290') ? 'x' : r.prefecture))).size).toBeGreaterThanOrEqual(13);
    const mismatched = await sql<{ n: number }>`
      select count(*) as n from workers w
      left join (select worker_id, max(level_rank) as top from credentials
                 where kind = 'skill_level' and status = 'valid' group by worker_id) c on c.worker_id = w.id
      where w.source = 'demo' and w.highest_skill_rank is distinct from c.top`.execute(t.database.db);
    expect(Number(mismatched.rows[0]?.n)).toBe(0);
  });

  it('writes the conversion facts of every worker, hand-made ones too, as the registry gives them', async () => {
    await expectFactsFresh(t);
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from conversion_facts f join workers w on w.id = f.worker_id where w.source <> 'demo'`.execute(t.database.db);
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });

  it('gives every demo enterprise a valid profile and loads only once', async () => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from enterprises`.execute(t.database.db);
    expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(40);
    expect(await loadRegistry(t.system, t.database, SCALE)).toBeUndefined();
  });
});
