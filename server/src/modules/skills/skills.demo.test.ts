import { AchievementPageSchema, CarrierOverviewSchema, ProgramPageSchema } from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorker } from '../../../test/factories.js';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { loadDemoData } from '../../cli/demo-data.js';
import { loadSkillsActivity, loadSkillsDemo } from './skills.demo.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.system);
  await loadSkillsDemo(t.system);
  // The registry loads later in the background: workers at a provider, then the activity.
  const provider = await t.database.db.selectFrom('trainingPrograms').select('providerOrgId').orderBy('id').executeTakeFirstOrThrow();
  for (let i = 0; i < 5; i++) await makeWorker(t.system, { orgId: provider.providerOrgId });
  await loadSkillsActivity(t.system);
  await loadSkillsDemo(t.system);
});
afterAll(() => t.close());

describe('the skill formation demo', () => {
  it('holds exactly the seed’s carriers: 51 training bases, 172 master studios, 149 worker training bases, 3,102 innovation studios', async () => {
    const admin = await signIn(t.app, 'admin', 'Changai@2026');
    const overview = CarrierOverviewSchema.parse((await admin.get('/api/v1/carriers/overview')).json());
    const total = (kind: string) => overview.byKindLevel.filter((r) => r.kind === kind).reduce((n, r) => n + r.count, 0);
    expect([total('training_base'), total('master_studio'), total('worker_training_base'), total('innovation_studio')]).toEqual([
      51, 172, 149, 3102,
    ]);
    expect(
      overview.byKindLevel
        .filter((r) => r.kind === 'training_base')
        .map((r) => r.level)
        .sort(),
    ).toEqual(['national', 'provincial']);
    expect(overview.byYear.every((y) => y.year <= 2020)).toBe(true);
    expect(overview.pendingApplications).toBe(3);
    expect(overview.byPrefecture.length).toBeGreaterThan(5);
    expect(overview.outputs.map((o) => o.year)).toEqual([2018, 2019, 2020]);
  });

  it('adds programs, enrollments and achievements once workers are there', async () => {
    const admin = await signIn(t.app, 'admin', 'Changai@2026');
    const programs = ProgramPageSchema.parse((await admin.get('/api/v1/training/programs')).json());
    expect(programs.total).toBe(60);
    expect(programs.totals.freeOnline).toBe(18);
    expect(programs.totals.enrolled).toBeGreaterThan(0);
    const achievements = AchievementPageSchema.parse((await admin.get('/api/v1/innovation/achievements')).json());
    expect(achievements.total).toBeGreaterThan(0);
    expect(achievements.items.every((a) => a.teamSize > 0)).toBe(true);
  });
});
