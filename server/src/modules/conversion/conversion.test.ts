import {
  ApplicationSchema,
  CertificateSchema,
  EligibilityTableSchema,
  ErrorBodySchema,
  RuleSetVersionListSchema,
  RuleSetVersionSchema,
  RuleValidationSchema,
  VerificationSchema,
  WhatIfResultSchema,
  WorkerEvaluationSchema,
} from '@changai/contracts';
import { DEFAULT_RULE_SET } from '@changai/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, makeWorker, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import * as workersService from '../workers/workers.service.js';
import { checkRevocation, encodeStatusList, STATUS_LIST_SIZE, statusBit, verifyCredential } from './verifiable-credential.js';

let t: TestApp;
let admin: Client;
let hr: Client;
let otherHr: Client;
let reviewer: Client;
let reviewer2: Client;
let self: Client;
let workerId: string;
let youngId: string;
let outsiderId: string;
let enterpriseId: string;

beforeAll(async () => {
  t = await createTestApp();
  const root = await orgByCode(t.system, '420000');
  const wuhan = await orgByCode(t.system, '420100');
  const yichang = await orgByCode(t.system, '420500');
  const enterprise = await makeOrg(t.system, { parentId: wuhan.id, name: '武汉贯通测试企业' });
  enterpriseId = enterprise.id;
  const elsewhere = await makeOrg(t.system, { parentId: yichang.id });
  const department = await makeOrg(t.system, { parentId: root.id, kind: 'department', name: '人社厅（测试）' });
  admin = await signIn(t.app, (await makeUser(t.system, { orgId: root.id, role: 'province_admin' })).username);
  hr = await signIn(t.app, (await makeUser(t.system, { orgId: enterprise.id, role: 'enterprise_hr' })).username);
  otherHr = await signIn(t.app, (await makeUser(t.system, { orgId: elsewhere.id, role: 'enterprise_hr' })).username);
  reviewer = await signIn(t.app, (await makeUser(t.system, { orgId: department.id, role: 'reviewer' })).username);
  reviewer2 = await signIn(t.app, (await makeUser(t.system, { orgId: department.id, role: 'reviewer' })).username);

  const worker = await makeWorker(t.system, { orgId: enterprise.id, name: '董永祥' });
  workerId = worker.id;
  await workersService.update(t.system, workerId, { occupationCode: '6-18-01-01', employedFrom: '2012-07-01' });
  await workersService.grantCredential(t.system, workerId, {
    kind: 'skill_level',
    levelCode: 'technician',
    occupationCode: '6-18-01-01',
    certificateNumber: 'S000142420100192000011',
    issuedOn: '2019-06-30',
  });
  const account = await makeUser(t.system, { orgId: enterprise.id, role: 'worker' });
  await workersService.linkAccount(t.system, workerId, account.id);
  self = await signIn(t.app, account.username);

  const young = await makeWorker(t.system, { orgId: enterprise.id });
  youngId = young.id;
  await workersService.update(t.system, youngId, { occupationCode: '6-18-01-01', employedFrom: '2020-01-01' });
  await workersService.grantCredential(t.system, youngId, { kind: 'skill_level', levelCode: 'technician', issuedOn: '2024-06-30' });
  outsiderId = (await makeWorker(t.system, { orgId: elsewhere.id })).id;
});
afterAll(() => t.close());

describe('rule sets', () => {
  it('loads the national default with its citations as version 1', async () => {
    const res = await hr.get('/api/v1/conversion/rule-sets');
    expect(res.statusCode).toBe(200);
    const list = RuleSetVersionListSchema.parse(res.json());
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ code: 'national', version: 1, isCurrent: true });
    const full = RuleSetVersionSchema.parse((await hr.get(`/api/v1/conversion/rule-sets/${list.items[0]!.id}`)).json());
    expect(full.definition.sources.map((s) => s.number)).toContain('人社部发〔2020〕96号');
    expect(full.definition.pathways.length).toBe(DEFAULT_RULE_SET.pathways.length);
  });

  it('answers 401 without a session and 403 to a role that may not edit rules', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/conversion/rule-sets' })).statusCode).toBe(401);
    const res = await hr.post('/api/v1/conversion/rule-sets', { format: 'json', text: '{}' });
    expect(res.statusCode).toBe(403);
  });

  it('locates schema and reference errors in the editor text by line and column', async () => {
    const text = JSON.stringify(
      { ...DEFAULT_RULE_SET, pathways: [{ ...DEFAULT_RULE_SET.pathways[0], source: 'nobody', confidence: 'X' }] },
      null,
      2,
    );
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/conversion/rule-sets/validate',
      payload: { format: 'json', text },
      headers: { 'x-locale': 'en-US' },
    });
    const body = RuleValidationSchema.parse(res.json());
    expect(body.ok).toBe(false);
    const problem = body.problems.find((p) => p.path === 'pathways.0.confidence');
    expect(problem?.line).toBe(text.split('\n').findIndex((l) => l.includes('"confidence": "X"')) + 1);
    const syntax = RuleValidationSchema.parse(
      (await admin.post('/api/v1/conversion/rule-sets/validate', { format: 'yaml', text: 'code: [oops' })).json(),
    );
    expect(syntax.problems[0]).toMatchObject({ message: '语法错误' });
    expect(syntax.problems[0]!.line).toBe(1);
  });

  it('refuses to save an invalid rule set with field paths (400)', async () => {
    const res = await admin.post('/api/v1/conversion/rule-sets', { format: 'json', text: '{"code": "national"}' });
    expect(res.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(res.json()).error.fields?.map((f) => f.path)).toContain('body.text.name');
  });

  it('answers 400, never 500, to absurdly nested rule documents', async () => {
    const deepText = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect((await admin.post('/api/v1/conversion/rule-sets', { format: 'yaml', text: deepText })).statusCode).toBe(400);
    const deep = `${'{"type":"not","condition":'.repeat(5000)}{}${'}'.repeat(5000)}`;
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/conversion/rule-sets',
      payload: `{"definition":${deep}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('saves a YAML edit as version 2, keeps version 1 readable, and audits the parameter change', async () => {
    const current = RuleSetVersionSchema.parse((await admin.get('/api/v1/conversion/rule-sets/current')).json());
    const yaml = (await admin.get(`/api/v1/conversion/rule-sets/${current.id}/text?format=yaml`)).json() as { text: string };
    const edited = yaml.text.replace(
      /key: technician_to_intermediate_years\n(\s+)value: 3/,
      'key: technician_to_intermediate_years\n$1value: 3',
    );
    const res = await admin.post('/api/v1/conversion/rule-sets', { format: 'yaml', text: edited, note: '原样另存' });
    expect(res.statusCode).toBe(201);
    const saved = RuleSetVersionSchema.parse(res.json());
    expect(saved).toMatchObject({ version: 2, isCurrent: true, note: '原样另存' });
    expect(RuleSetVersionSchema.parse((await admin.get(`/api/v1/conversion/rule-sets/${current.id}`)).json()).version).toBe(1);
    const events = await t.database.db.selectFrom('auditEvents').select(['action', 'after']).where('entityId', '=', saved.id).execute();
    expect(events.map((e) => e.action)).toEqual(['rules.save']);
  });
});

describe('one worker’s evaluation', () => {
  it('explains each pathway with the worker’s own facts', async () => {
    const res = await hr.get(`/api/v1/conversion/workers/${workerId}/evaluation`);
    expect(res.statusCode).toBe(200);
    const body = WorkerEvaluationSchema.parse(res.json());
    const intermediate = body.pathways.find((p) => p.pathwayId === 'skill-to-title-intermediate')!;
    expect(intermediate.outcome).toBe('eligible');
    expect(JSON.stringify(intermediate.condition)).toContain('技师 2019-06-30 取得；需取得后从事技术工作满 3 年：2022-06-30 起满足');
    expect(intermediate.source.number).toBe('人社部发〔2020〕96号');
    const young = WorkerEvaluationSchema.parse((await hr.get(`/api/v1/conversion/workers/${youngId}/evaluation`)).json());
    expect(young.pathways.find((p) => p.pathwayId === 'skill-to-title-intermediate')).toMatchObject({
      outcome: 'eligible_from',
      eligibleFrom: '2027-06-30',
    });
  });

  it('lets the worker see their own, and hides workers outside the scope (404)', async () => {
    expect((await self.get(`/api/v1/conversion/workers/${workerId}/evaluation`)).statusCode).toBe(200);
    expect((await self.get(`/api/v1/conversion/workers/${youngId}/evaluation`)).statusCode).toBe(404);
    expect((await hr.get(`/api/v1/conversion/workers/${outsiderId}/evaluation`)).statusCode).toBe(404);
    expect((await hr.get('/api/v1/conversion/workers/not-a-uuid/evaluation')).statusCode).toBe(400);
  });
});

describe('policy analysis', () => {
  it('counts eligible workers per pathway in an org subtree, now and within 12 months', async () => {
    const res = await admin.get(`/api/v1/conversion/eligibility?orgId=${enterpriseId}`);
    expect(res.statusCode).toBe(200);
    const table = EligibilityTableSchema.parse(res.json());
    expect(table.workers).toBe(2);
    expect(table.totals.find((x) => x.pathwayId === 'skill-to-title-intermediate')).toEqual({
      pathwayId: 'skill-to-title-intermediate',
      eligibleNow: 1,
      eligibleSoon: 0,
    });
    expect(table.byRegion.every((r) => r.regionCode.endsWith('00'))).toBe(true);
  });

  it('shows a what-if beside the rules in force without saving anything', async () => {
    const res = await admin.post('/api/v1/conversion/what-if', {
      orgId: enterpriseId,
      parameters: { technician_to_intermediate_years: 1 },
    });
    const body = WhatIfResultSchema.parse(res.json());
    const count = (t: typeof body.current) => t.totals.find((x) => x.pathwayId === 'skill-to-title-intermediate')!.eligibleNow;
    expect(count(body.current)).toBe(1);
    expect(count(body.draft)).toBe(2);
    const bad = await admin.post('/api/v1/conversion/what-if', { parameters: { nonsense: 1 } });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps HR to its own subtree (404 for another org) and workers out (403)', async () => {
    const wuhanOther = await makeOrg(t.system, { parentId: (await orgByCode(t.system, '420100')).id });
    expect((await otherHr.get(`/api/v1/conversion/eligibility?orgId=${enterpriseId}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/v1/conversion/eligibility?orgId=${wuhanOther.id}`)).statusCode).toBe(404);
    expect((await self.get('/api/v1/conversion/eligibility')).statusCode).toBe(403);
  });
});

describe('applications', () => {
  let applicationId: string;

  it('refuses an application for a pathway the worker is not yet eligible for (422)', async () => {
    const res = await hr.post('/api/v1/conversion/applications', { workerId: youngId, pathwayId: 'skill-to-title-intermediate' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('2027-06-30');
  });

  it('lets the worker apply for themselves, once', async () => {
    const res = await self.post('/api/v1/conversion/applications', {
      workerId,
      pathwayId: 'skill-to-title-intermediate',
      note: '申请中级职称',
    });
    expect(res.statusCode).toBe(201);
    const created = ApplicationSchema.parse(res.json());
    expect(created).toMatchObject({ status: 'submitted', worker: { name: '董永祥' }, ruleSet: { version: 2 } });
    applicationId = created.id;
    const again = await self.post('/api/v1/conversion/applications', { workerId, pathwayId: 'skill-to-title-intermediate' });
    expect(again.statusCode).toBe(409);
  });

  it('shows each party its own queue', async () => {
    const queue = (c: Client, q: string) =>
      c.get(`/api/v1/conversion/applications?queue=${q}`).then((r) => r.json().items.map((a: { id: string }) => a.id));
    expect(await queue(self, 'mine')).toEqual([applicationId]);
    expect(await queue(hr, 'unit_review')).toEqual([applicationId]);
    expect(await queue(otherHr, 'unit_review')).toEqual([]);
    expect(await queue(reviewer, 'decision')).toEqual([]);
    expect((await self.get('/api/v1/conversion/applications?queue=unit_review')).statusCode).toBe(403);
  });

  it('refuses a decision before the employer has reviewed (illegal transition)', async () => {
    const res = await reviewer.post(`/api/v1/conversion/applications/${applicationId}/decision`, { approve: false, reason: '太早' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.reason).toBe('application.illegal_transition');
  });

  it('moves to the committee after the employer’s review, and refuses a second review', async () => {
    expect((await otherHr.post(`/api/v1/conversion/applications/${applicationId}/review`, { approve: true })).statusCode).toBe(404);
    const res = await hr.post(`/api/v1/conversion/applications/${applicationId}/review`, { approve: true, comment: '情况属实' });
    expect(ApplicationSchema.parse(res.json())).toMatchObject({ status: 'unit_approved', unitComment: '情况属实' });
    expect((await hr.post(`/api/v1/conversion/applications/${applicationId}/review`, { approve: true })).statusCode).toBe(422);
  });

  it('lets only one of two reviewers acting at once win, and issues the credential into the registry', async () => {
    const decision = (n: string) => ({ approve: true, certificateNumber: n, issuedOn: '2026-02-20', issuer: '湖北省人力资源和社会保障厅' });
    const [a, b] = await Promise.all([
      reviewer.post(`/api/v1/conversion/applications/${applicationId}/decision`, decision('HB-ZC-2026-0001')),
      reviewer2.post(`/api/v1/conversion/applications/${applicationId}/decision`, decision('HB-ZC-2026-0002')),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 422]);
    const approved = ApplicationSchema.parse((a.statusCode === 200 ? a : b).json());
    expect(approved.status).toBe('approved');
    expect(approved.verificationCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(approved.decisionRuleSetId).toBe(approved.ruleSet.id);
    const worker = await workersService.get(t.system, workerId);
    const issued = worker.credentials.filter((c) => c.source === 'conversion');
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ id: approved.credentialId, kind: 'title', levelCode: 'intermediate', series: 'engineering' });
    const audit = await t.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', applicationId)
      .orderBy('at')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['application.submit', 'application.unit_approve', 'application.approve']);
  });

  it('no longer offers the pathway once the title is held', async () => {
    const body = WorkerEvaluationSchema.parse((await self.get(`/api/v1/conversion/workers/${workerId}/evaluation`)).json());
    expect(body.pathways.find((p) => p.pathwayId === 'skill-to-title-intermediate')).toMatchObject({
      outcome: 'not_eligible',
      application: { id: applicationId, status: 'approved' },
    });
  });

  describe('certificates and verification', () => {
    it('gives the holder a certificate page and a PDF with the Chinese font embedded', async () => {
      const res = await self.get(`/api/v1/conversion/applications/${applicationId}/certificate`);
      const cert = CertificateSchema.parse(res.json());
      expect(cert).toMatchObject({
        holderName: '董永祥',
        status: 'valid',
        credential: { levelCode: 'intermediate', certificateNumber: `HB-ZC-2026-000${cert.credential.certificateNumber!.at(-1)}` },
      });
      expect(cert.qrSvg).toContain('<svg');
      const pdf = await self.get(`/api/v1/conversion/applications/${applicationId}/certificate.pdf`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.rawPayload.toString('latin1')).toMatch(/FontFile2|WenQuanYi/);
      expect((await otherHr.get(`/api/v1/conversion/applications/${applicationId}/certificate`)).statusCode).toBe(404);
    });

    it('verifies publicly with a masked name, logs it, and says revoked and why after revocation', async () => {
      const app = ApplicationSchema.parse((await admin.get(`/api/v1/conversion/applications/${applicationId}`)).json());
      const code = app.verificationCode!;
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/verify/${code.toLowerCase()}` });
      expect(VerificationSchema.parse(res.json())).toMatchObject({
        status: 'valid',
        holderName: '董*祥',
        credential: { levelCode: 'intermediate' },
      });
      expect(VerificationSchema.parse((await t.app.inject({ method: 'GET', url: '/api/v1/verify/ZZZZZZZZZZ' })).json()).status).toBe(
        'not_found',
      );
      // An offline checker holding the signed credential reads its bit in the published status list.
      const vc = (await t.app.inject({ method: 'GET', url: `/api/v1/verify/${code}/credential` })).json();
      const listUrl = new URL(vc.credentialStatus.statusListCredential).pathname;
      const listBefore = await t.app.inject({ method: 'GET', url: listUrl });
      expect(listBefore.statusCode).toBe(200);
      expect(listBefore.headers['content-type']).toContain('application/vc+ld+json');
      expect(checkRevocation(vc, listBefore.json())).toBe('valid');
      await workersService.revokeCredential(t.system, app.credentialId!, { reason: '材料不实，依规撤销' });
      const revoked = VerificationSchema.parse((await t.app.inject({ method: 'GET', url: `/api/v1/verify/${code}` })).json());
      expect(revoked).toMatchObject({ status: 'revoked', revokedReason: '材料不实，依规撤销' });
      const listAfter = (await t.app.inject({ method: 'GET', url: listUrl })).json();
      expect(checkRevocation(vc, listAfter)).toBe('revoked');
      // A list altered in transit (the bit cleared) no longer checks.
      const forged = { ...listAfter, credentialSubject: { ...listAfter.credentialSubject, encodedList: encodeStatusList([]) } };
      expect(checkRevocation(vc, forged)).toBe('invalid');
      const log = await t.database.db.selectFrom('verificationLog').select(['result']).where('code', '=', code).orderBy('id').execute();
      expect(log.map((l) => l.result)).toEqual(['valid', 'valid', 'revoked']);
    });

    it('signs a W3C verifiable credential that checks offline against the published key, and fails when altered', async () => {
      const app = ApplicationSchema.parse((await admin.get(`/api/v1/conversion/applications/${applicationId}`)).json());
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/verify/${app.verificationCode}/credential` });
      expect(res.statusCode).toBe(200);
      const vc = res.json();
      expect(vc.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022' });
      expect(verifyCredential(vc)).toBe(true);
      expect(verifyCredential({ ...vc, credentialSubject: { ...vc.credentialSubject, name: '张*' } })).toBe(false);
      const keys = (await t.app.inject({ method: 'GET', url: '/api/v1/verify/keys' })).json();
      expect(keys.keys[0].id).toBe(vc.proof.verificationMethod);
      expect(vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
    });

    it('publishes status lists of the minimum size, bit 0 first, and refuses a malformed list number', async () => {
      const encoded = encodeStatusList([0, 9, STATUS_LIST_SIZE - 1]);
      expect([0, 1, 8, 9, 10, STATUS_LIST_SIZE - 1].map((i) => statusBit(encoded, i))).toEqual([true, false, false, true, false, true]);
      const empty = await t.app.inject({ method: 'GET', url: '/api/v1/verify/status-lists/7' });
      expect(empty.statusCode).toBe(200);
      expect(verifyCredential(empty.json())).toBe(true);
      expect(statusBit(empty.json().credentialSubject.encodedList, 5)).toBe(false);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/verify/status-lists/-1' })).statusCode).toBe(400);
    });
  });
});
