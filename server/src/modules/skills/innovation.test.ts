import {
  AchievementDetailSchema,
  AchievementPageSchema,
  AlignmentSchema,
  CarrierDetailSchema,
  DemandListSchema,
  RankingSchema,
} from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, makeWorker, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import * as orgService from '../org/org.service.js';
import * as workersService from '../workers/workers.service.js';

let t: TestApp;
let hr: Client;
let wuhan: Client;
let reviewer: Client;
let otherHr: Client;
let enterpriseId: string;
let team: string[] = [];
let studioId: string;

beforeAll(async () => {
  t = await createTestApp();
  const root = await orgByCode(t.system, '420000');
  const wuhanOrg = await orgByCode(t.system, '420100');
  const county = (await orgService.list(t.system, { q: '420106', limit: 5 })).find((o) => o.code === '420106');
  const yichang = await orgByCode(t.system, '420500');
  const enterprise = await makeOrg(t.system, { parentId: county?.id ?? wuhanOrg.id, name: '武汉汽车零部件测试公司' });
  enterpriseId = enterprise.id;
  await orgService.saveEnterpriseProfile(t.system, enterprise.id, { industryDivision: '36' });
  const elsewhere = await makeOrg(t.system, { parentId: yichang.id });
  hr = await signIn(t.app, (await makeUser(t.system, { orgId: enterprise.id, role: 'enterprise_hr' })).username);
  wuhan = await signIn(t.app, (await makeUser(t.system, { orgId: wuhanOrg.id, role: 'regional_manager' })).username);
  reviewer = await signIn(t.app, (await makeUser(t.system, { orgId: root.id, role: 'reviewer' })).username);
  otherHr = await signIn(t.app, (await makeUser(t.system, { orgId: elsewhere.id, role: 'enterprise_hr' })).username);
  for (const name of ['甲', '乙', '丙']) {
    const w = await makeWorker(t.system, { orgId: enterprise.id, name: `创新${name}` });
    await workersService.update(t.system, w.id, { occupationCode: '6-22-01-01', industryDivision: '36' });
    team.push(w.id);
  }
  await workersService.grantCredential(t.system, team[0] as string, {
    kind: 'skill_level',
    levelCode: 'technician',
    occupationCode: '6-22-01-01',
    issuedOn: '2020-01-01',
  });
  team = team.slice();
  const studio = CarrierDetailSchema.parse(
    (
      await hr.post('/api/v1/carriers', {
        kind: 'innovation_studio',
        level: 'provincial',
        studioType: 'craftsman',
        name: '创新甲工匠创新工作室',
        hostOrgId: enterprise.id,
        leaderWorkerId: team[0],
        industryDivisions: ['36'],
      })
    ).json(),
  );
  studioId = studio.id;
  await wuhan.post(`/api/v1/carriers/${studioId}/recognition`, {
    approve: true,
    documentNumber: '鄂工发〔2025〕8号',
    recognisedOn: '2025-05-01',
  });
});
afterAll(() => t.close());

describe('innovation achievements', () => {
  it('walks submitted → evaluated → adopted and ranks by org and industry', async () => {
    const res = await hr.post('/api/v1/innovation/achievements', {
      title: '焊装夹具快换结构改进',
      kind: 'innovation',
      orgId: enterpriseId,
      studioId,
      submittedOn: '2026-01-10',
      teamWorkerIds: [team[0], team[1]],
      patentNumbers: ['ZL202510123456.7'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = AchievementDetailSchema.parse(res.json());
    expect(a).toMatchObject({ status: 'submitted', industryDivision: '36', teamSize: 2 });
    expect(a.team[0]).toMatchObject({ name: '创新甲', isLead: true });
    expect(
      (await hr.post(`/api/v1/innovation/achievements/${a.id}/evaluation`, { decision: 'adopt', adoptedOn: '2026-02-01' })).statusCode,
    ).toBe(403);
    expect(
      (await reviewer.post(`/api/v1/innovation/achievements/${a.id}/evaluation`, { decision: 'adopt', adoptedOn: '2026-02-01' }))
        .statusCode,
    ).toBe(422);
    const evaluated = await reviewer.post(`/api/v1/innovation/achievements/${a.id}/evaluation`, {
      decision: 'evaluate',
      benefitYuan: 860_000,
      evaluation: '年节约换型工时 1,200 小时',
      evaluatedOn: '2026-01-20',
    });
    expect(AchievementDetailSchema.parse(evaluated.json())).toMatchObject({ status: 'evaluated', benefitYuan: 860_000 });
    const adopted = await wuhan.post(`/api/v1/innovation/achievements/${a.id}/evaluation`, { decision: 'adopt', adoptedOn: '2026-02-01' });
    expect(AchievementDetailSchema.parse(adopted.json())).toMatchObject({ status: 'adopted', adoptedOn: '2026-02-01' });

    const byOrg = RankingSchema.parse((await wuhan.get('/api/v1/innovation/rankings?by=org&year=2026')).json());
    expect(byOrg.rows[0]).toMatchObject({ key: enterpriseId, achievements: 1, adopted: 1, patents: 1, benefitYuan: 860_000 });
    const byIndustry = RankingSchema.parse((await wuhan.get('/api/v1/innovation/rankings?by=industry')).json());
    expect(byIndustry.rows[0]).toMatchObject({ key: '36', name: '汽车制造业' });
    expect(RankingSchema.parse((await otherHr.get('/api/v1/innovation/rankings')).json()).rows).toEqual([]);
    expect((await otherHr.get(`/api/v1/innovation/achievements/${a.id}`)).statusCode).toBe(404);
    const page = AchievementPageSchema.parse((await hr.get(`/api/v1/innovation/achievements?studioId=${studioId}`)).json());
    expect(page.total).toBe(1);
  });

  it('refuses a team member from another unit', async () => {
    const stranger = await makeWorker(t.system, { orgId: (await orgByCode(t.system, '420500')).id });
    const res = await hr.post('/api/v1/innovation/achievements', {
      title: '越界成果',
      kind: 'suggestion',
      orgId: enterpriseId,
      submittedOn: '2026-01-10',
      teamWorkerIds: [stranger.id],
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('industry alignment', () => {
  it('sets supply, carriers and demand per catalogue industry and prefecture, with the largest gaps', async () => {
    const saved = await hr.post('/api/v1/skills/demands', {
      orgId: enterpriseId,
      industryDivision: '36',
      occupationCode: '6-22-01-01',
      level: 'technician',
      needed: 5,
      asOf: '2026-02-01',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(DemandListSchema.parse(saved.json()).items).toHaveLength(1);
    // Entering it again updates the figure.
    await hr.post('/api/v1/skills/demands', {
      orgId: enterpriseId,
      industryDivision: '36',
      occupationCode: '6-22-01-01',
      level: 'technician',
      needed: 6,
      asOf: '2026-02-15',
    });
    const view = AlignmentSchema.parse((await wuhan.get('/api/v1/skills/alignment')).json());
    const auto = view.rows.find((r) => r.industry === 'automobile' && r.regionCode === '420100');
    expect(auto).toMatchObject({ regionName: '武汉市', skilled: 1, highSkilled: 1, carriers: 1, demand: 6, gap: 5 });
    // Division 36 also feeds 新能源与智能网联汽车.
    expect(view.rows.find((r) => r.industry === 'new_energy_vehicles')?.demand).toBe(6);
    expect(view.largestGaps[0]).toMatchObject({
      industry: 'automobile',
      occupationCode: '6-22-01-01',
      level: 'technician',
      needed: 6,
      supply: 1,
      gap: 5,
    });
    expect(AlignmentSchema.parse((await otherHr.get('/api/v1/skills/alignment')).json()).rows).toEqual([]);
  });
});
