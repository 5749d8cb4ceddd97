import { CarrierDetailSchema, CarrierOverviewSchema, CarrierPageSchema, ErrorBodySchema } from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, makeWorker, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import * as carriersService from './carriers.service.js';

let t: TestApp;
let hr: Client;
let wuhan: Client;
let reviewer: Client;
let otherHr: Client;
let enterpriseId: string;
let masterId: string;
let memberId: string;
let strangerId: string;

beforeAll(async () => {
  t = await createTestApp();
  const root = await orgByCode(t.system, '420000');
  const wuhanOrg = await orgByCode(t.system, '420100');
  const yichang = await orgByCode(t.system, '420500');
  const enterprise = await makeOrg(t.system, { parentId: wuhanOrg.id, name: '武汉载体测试企业' });
  enterpriseId = enterprise.id;
  const elsewhere = await makeOrg(t.system, { parentId: yichang.id });
  const department = await makeOrg(t.system, { parentId: root.id, kind: 'department' });
  hr = await signIn(t.app, (await makeUser(t.system, { orgId: enterprise.id, role: 'enterprise_hr' })).username);
  wuhan = await signIn(t.app, (await makeUser(t.system, { orgId: wuhanOrg.id, role: 'regional_manager' })).username);
  reviewer = await signIn(t.app, (await makeUser(t.system, { orgId: department.id, role: 'reviewer' })).username);
  otherHr = await signIn(t.app, (await makeUser(t.system, { orgId: elsewhere.id, role: 'enterprise_hr' })).username);
  masterId = (await makeWorker(t.system, { orgId: enterprise.id, name: '王大师' })).id;
  memberId = (await makeWorker(t.system, { orgId: enterprise.id, name: '李徒弟' })).id;
  strangerId = (await makeWorker(t.system, { orgId: elsewhere.id })).id;
});
afterAll(() => t.close());

const studio = () => ({
  kind: 'master_studio',
  level: 'provincial',
  name: `王大师技能大师工作室${Math.random().toString(36).slice(2, 6)}`,
  hostOrgId: enterpriseId,
  leaderWorkerId: masterId,
  memberWorkerIds: [memberId],
  industryDivisions: ['31'],
  occupationCodes: ['6-18-01-01'],
});

describe('carriers', () => {
  it('takes an application from the host, with the master and members from its registry', async () => {
    const res = await hr.post('/api/v1/carriers', studio());
    expect(res.statusCode, res.body).toBe(201);
    const body = CarrierDetailSchema.parse(res.json());
    expect(body.status).toBe('applied');
    expect(body.leader?.name).toBe('王大师');
    expect(body.leaderName).toBe('王大师');
    expect(body.members.map((m) => [m.name, m.role])).toEqual([
      ['王大师', 'leader'],
      ['李徒弟', 'member'],
    ]);
    expect(body.regionCode).toMatch(/^4201/);
  });

  it('refuses a member who does not work for the host', async () => {
    const res = await hr.post('/api/v1/carriers', { ...studio(), memberWorkerIds: [strangerId] });
    expect(res.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(res.json()).error.fields?.[0]?.path).toBe('body.memberWorkerIds.0');
  });

  it('refuses a level the kind does not have and a studio type on a base', async () => {
    const res = await hr.post('/api/v1/carriers', { ...studio(), kind: 'training_base', level: 'county', studioType: 'craftsman' });
    expect(res.statusCode).toBe(400);
    const paths = ErrorBodySchema.parse(res.json()).error.fields?.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.level', 'body.studioType']));
  });

  it('walks applied → recognised → review passed → revoked, audited', async () => {
    const applied = CarrierDetailSchema.parse((await hr.post('/api/v1/carriers', studio())).json());
    // The host may not recognise its own carrier.
    expect(
      (await hr.post(`/api/v1/carriers/${applied.id}/recognition`, { approve: true, documentNumber: 'x', recognisedOn: '2026-01-01' }))
        .statusCode,
    ).toBe(403);
    const recognised = await wuhan.post(`/api/v1/carriers/${applied.id}/recognition`, {
      approve: true,
      documentNumber: '鄂人社函〔2026〕12号',
      recognisedOn: '2026-02-15',
    });
    expect(recognised.statusCode, recognised.body).toBe(200);
    const r = CarrierDetailSchema.parse(recognised.json());
    expect(r).toMatchObject({ status: 'recognised', documentNumber: '鄂人社函〔2026〕12号', nextReviewDue: '2027-02-15' });

    // Deciding before the host files is refused; then the host files and the office decides.
    expect((await reviewer.post(`/api/v1/carriers/${applied.id}/reviews/decision`, { year: 2026, result: 'passed' })).statusCode).toBe(403);
    expect((await wuhan.post(`/api/v1/carriers/${applied.id}/reviews/decision`, { year: 2026, result: 'passed' })).statusCode).toBe(422);
    const filed = await hr.post(`/api/v1/carriers/${applied.id}/reviews`, {
      year: 2026,
      peopleTrained: 120,
      certificatesGained: 45,
      innovations: 6,
      benefitYuan: 1_250_000,
      summary: '年度带徒 12 人',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const decided = CarrierDetailSchema.parse(
      (await wuhan.post(`/api/v1/carriers/${applied.id}/reviews/decision`, { year: 2026, result: 'passed', comment: '成效明显' })).json(),
    );
    expect(decided.status).toBe('review_passed');
    expect(decided.reviews[0]).toMatchObject({ year: 2026, peopleTrained: 120, result: 'passed', benefitYuan: 1_250_000 });
    expect(decided.nextReviewDue).toBe('2027-03-01');
    // A decided year is final.
    const refiled = await hr.post(`/api/v1/carriers/${applied.id}/reviews`, {
      year: 2026,
      peopleTrained: 1,
      certificatesGained: 1,
      innovations: 1,
      benefitYuan: 1,
    });
    expect(refiled.statusCode).toBe(409);

    const revoked = await wuhan.post(`/api/v1/carriers/${applied.id}/revoke`, { reason: '依托单位停产', revokedOn: '2026-03-01' });
    expect(CarrierDetailSchema.parse(revoked.json()).status).toBe('revoked');
    const again = await wuhan.post(`/api/v1/carriers/${applied.id}/revoke`, { reason: '再次撤销', revokedOn: '2026-03-01' });
    expect(again.statusCode).toBe(422);
    expect(ErrorBodySchema.parse(again.json()).error.message).toContain('revoked');

    const actions = await t.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', applied.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'carrier.apply',
      'carrier.recognise',
      'carrier.file_review',
      'carrier.decide_review',
      'carrier.revoke',
    ]);
  });

  it('rejects an application with a reason', async () => {
    const applied = CarrierDetailSchema.parse((await hr.post('/api/v1/carriers', studio())).json());
    const res = await wuhan.post(`/api/v1/carriers/${applied.id}/recognition`, { approve: false, reason: '带徒成效材料不足' });
    expect(CarrierDetailSchema.parse(res.json())).toMatchObject({ status: 'rejected', rejectionReason: '带徒成效材料不足' });
  });

  it('flags overdue annual reviews in a sweep and clears them once decided', async () => {
    const applied = CarrierDetailSchema.parse((await hr.post('/api/v1/carriers', studio())).json());
    await wuhan.post(`/api/v1/carriers/${applied.id}/recognition`, {
      approve: true,
      documentNumber: '武人社〔2024〕3号',
      recognisedOn: '2024-06-01',
    });
    const first = await carriersService.sweepOverdueReviews(t.system);
    expect(first.flagged).toBeGreaterThanOrEqual(1);
    expect((await carriersService.sweepOverdueReviews(t.system)).flagged).toBe(0);
    const overdue = CarrierPageSchema.parse((await wuhan.get('/api/v1/carriers?overdue=true&limit=200')).json());
    expect(overdue.items.find((c) => c.id === applied.id)?.reviewOverdueSince).toBe('2025-06-01');
    await hr.post(`/api/v1/carriers/${applied.id}/reviews`, {
      year: 2025,
      peopleTrained: 3,
      certificatesGained: 1,
      innovations: 0,
      benefitYuan: 0,
    });
    await wuhan.post(`/api/v1/carriers/${applied.id}/reviews/decision`, { year: 2025, result: 'failed', comment: '培训人数不足' });
    const after = CarrierDetailSchema.parse((await wuhan.get(`/api/v1/carriers/${applied.id}`)).json());
    expect(after).toMatchObject({ status: 'review_failed', reviewOverdueSince: null });
  });

  it('shows carriers only within the reader scope, and counts them in the overview', async () => {
    const mine = CarrierPageSchema.parse((await hr.get('/api/v1/carriers?limit=200')).json());
    expect(mine.total).toBeGreaterThan(0);
    const theirs = CarrierPageSchema.parse((await otherHr.get('/api/v1/carriers?limit=200')).json());
    expect(theirs.total).toBe(0);
    const one = mine.items[0];
    expect((await otherHr.get(`/api/v1/carriers/${one?.id}`)).statusCode).toBe(404);
    const overview = CarrierOverviewSchema.parse((await wuhan.get('/api/v1/carriers/overview')).json());
    expect(overview.byStatus.reduce((n, s) => n + s.count, 0)).toBe(mine.total);
    expect(overview.byPrefecture.every((p) => p.regionCode === '420100' && p.regionName === '武汉市')).toBe(true);
    expect(overview.outputs.find((o) => o.year === 2026)?.peopleTrained).toBe(120);
  });

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/carriers' })).statusCode).toBe(401);
  });
});
