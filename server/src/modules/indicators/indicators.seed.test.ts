import { type Dashboard, DashboardSchema } from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { DEMO_PASSWORD, loadDemoData } from '../../cli/demo-data.js';
import { loadRegistry } from '../demo/demo.service.js';
import { loadReformDemo } from '../reform/reform.demo.js';
import { loadSkillsDemo } from '../skills/skills.demo.js';
import * as indicatorsService from './indicators.service.js';

/** The demo at the default scale, loaded the way a first start loads it (batches that bypass triggers, then one rebuild). */
let t: TestApp;
const SCALE = 0.01;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-11-26T08:00:00Z');
  await loadDemoData(t.system);
  await loadReformDemo(t.system);
  await loadSkillsDemo(t.system);
  await loadRegistry(t.system, t.database, SCALE, undefined, { threads: 1 });
}, 600_000);
afterAll(() => t.close());

const value = (d: Dashboard, code: string) => d.cards.find((c) => c.code === code)?.value;

describe('the seed’s figures as of October 2020', () => {
  it('shows the province exactly the seed’s counts, with worker totals scaled and the share still 30.1%', async () => {
    const admin = await signIn(t.app, 'admin', DEMO_PASSWORD);
    const res = await admin.get('/api/v1/dashboard?asOf=2020-10-31');
    expect(res.statusCode, res.body).toBe(200);
    const d = DashboardSchema.parse(res.json());
    expect(
      Object.fromEntries(
        [
          'policies_in_force',
          'policies_issued',
          'leading_group_units',
          'liaison_units',
          'training_bases',
          'master_studios',
          'worker_training_bases',
          'innovation_studios',
        ].map((c) => [c, value(d, c)]),
      ),
    ).toEqual({
      policies_in_force: 49,
      policies_issued: 12,
      leading_group_units: 12,
      liaison_units: 25,
      training_bases: 51,
      master_studios: 172,
      worker_training_bases: 149,
      innovation_studios: 3102,
    });
    expect(d.totals).toMatchObject({ skilled: Math.round(8_987_000 * SCALE), highSkilled: Math.round(2_705_000 * SCALE) });
    expect(value(d, 'high_skilled_share')).toBe(30.1);
    expect(d.children.filter((c) => c.org.kind === 'prefecture').length).toBe(17);
    expect(d.children.find((c) => c.org.code === '420100')?.skilled).toBeGreaterThan(d.totals.skilled * 0.25);

    const bulletin = (await admin.get('/api/v1/dashboard/bulletin?asOf=2020-10-31')).json() as { paragraphs: string[] };
    expect(bulletin.paragraphs[0]).toContain(
      '全省国家及省级高技能人才培训基地51个、技能大师工作室172个、职工培训基地149个、职工创新工作室3102个',
    );
    expect(bulletin.paragraphs[0]).toContain('高技能人才总量达2.7万人，占技能劳动者的30.1%');
  });

  it('keeps the rebuilt aggregate equal to a from-scratch count at both milestones', async () => {
    for (const asOf of ['2020-10-31', '2022-09-30', '2026-11-26']) {
      expect((await indicatorsService.verifyAggregates(t.system, asOf)).matches, asOf).toBe(true);
    }
    const second = DashboardSchema.parse(
      (await (await signIn(t.app, 'admin', DEMO_PASSWORD)).get('/api/v1/dashboard?asOf=2022-09-30')).json(),
    );
    expect(second.totals).toMatchObject({ skilled: Math.round(9_560_000 * SCALE), highSkilled: Math.round(2_920_000 * SCALE) });
  });
});
