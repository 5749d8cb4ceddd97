import { NetworkSchema, NetworkUnitDetailSchema } from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { loadDemoData } from '../../cli/demo-data.js';

let t: TestApp;
let admin: Client;
let reviewer: Client;
let worker: Client;

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.system);
  admin = await signIn(t.app, 'admin', 'Changai@2026');
  const rst = await orgByCode(t.system, 'HB-RST');
  reviewer = await signIn(t.app, (await makeUser(t.system, { orgId: rst.id, role: 'reviewer' })).username);
  worker = await signIn(t.app, (await makeUser(t.system, { orgId: rst.id, role: 'worker' })).username);
});
afterAll(() => t.close());

describe('the reform network', () => {
  it('has the demo leading group: an office, 12 member units and 25 liaison units today', async () => {
    const network = NetworkSchema.parse((await reviewer.get('/api/v1/network')).json());
    expect(network.counts).toEqual({ office: 1, member: 12, liaison: 25 });
    expect(network.units.find((u) => u.role === 'office')?.org.name).toBe('湖北省总工会');
    const names = network.units.map((u) => u.org.name);
    for (const name of [
      '中共湖北省委组织部',
      '中共湖北省委宣传部',
      '湖北省发展和改革委员会',
      '湖北省教育厅',
      '湖北省人力资源和社会保障厅',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('answers for a past date from the effective dates', async () => {
    const past = NetworkSchema.parse((await reviewer.get('/api/v1/network?asOf=2020-09-01')).json());
    expect(past.counts.liaison).toBe(26);
    expect(past.units.some((u) => u.org.code === 'HB-KJXY')).toBe(true);
    const before = NetworkSchema.parse((await reviewer.get('/api/v1/network?asOf=2017-01-01')).json());
    expect(before.units).toEqual([]);
  });

  it('masks liaison phones and stores them encrypted', async () => {
    const network = NetworkSchema.parse((await reviewer.get('/api/v1/network?role=member')).json());
    const rst = network.units.find((u) => u.org.code === 'HB-RST');
    expect(rst?.contacts[0]).toMatchObject({ name: '黄卫东', phone: '027****3356' });
    const stored = await t.database.db.selectFrom('unitContacts').select('phoneEnc').where('name', '=', '黄卫东').executeTakeFirstOrThrow();
    expect(stored.phoneEnc).toMatch(/^v1:/);
    expect(stored.phoneEnc).not.toContain('3356');
  });

  it('reveals a full phone only to those allowed, and audits each view', async () => {
    const network = NetworkSchema.parse((await admin.get('/api/v1/network?role=member')).json());
    const contactId = network.units.find((u) => u.org.code === 'HB-RST')?.contacts[0]?.id;
    expect((await reviewer.get(`/api/v1/network/contacts/${contactId}/phone`)).statusCode).toBe(403);
    const shown = await admin.get(`/api/v1/network/contacts/${contactId}/phone`);
    expect(shown.json()).toEqual({ phone: '027-87283356' });
    const log = (await admin.get(`/api/v1/audit?action=personal_data.view&entityId=${contactId}`)).json().items;
    expect(log).toHaveLength(1);
    expect(log[0].actorUsername).toBe('admin');
  });

  it('refuses the network to a worker', async () => {
    expect((await worker.get('/api/v1/network')).statusCode).toBe(403);
  });
});

describe('changing roles over time', () => {
  it('assigns a role, refuses an overlapping one, ends it, and keeps the history', async () => {
    const root = await orgByCode(t.system, '420000');
    const unit = await makeOrg(t.system, { parentId: root.id, kind: 'department', name: '湖北省体育局' });
    const assigned = await admin.post('/api/v1/network/assignments', { orgId: unit.id, role: 'liaison', effectiveFrom: '2021-01-01' });
    expect(assigned.statusCode).toBe(201);
    const overlap = await admin.post('/api/v1/network/assignments', { orgId: unit.id, role: 'liaison', effectiveFrom: '2022-01-01' });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().error.reason).toBe('network.overlap');
    const badEnd = await admin.post(`/api/v1/network/assignments/${assigned.json().id}/end`, { effectiveTo: '2020-01-01' });
    expect(badEnd.statusCode).toBe(422);
    const ended = await admin.post(`/api/v1/network/assignments/${assigned.json().id}/end`, { effectiveTo: '2023-12-31' });
    expect(ended.json().effectiveTo).toBe('2023-12-31');
    const promoted = await admin.post('/api/v1/network/assignments', { orgId: unit.id, role: 'member', effectiveFrom: '2024-01-01' });
    expect(promoted.statusCode).toBe(201);
    const detail = NetworkUnitDetailSchema.parse((await admin.get(`/api/v1/network/units/${unit.id}`)).json());
    expect(detail.assignments.map((a) => [a.role, a.effectiveFrom, a.effectiveTo])).toEqual([
      ['member', '2024-01-01', null],
      ['liaison', '2021-01-01', '2023-12-31'],
    ]);
  });

  it('refuses an end date before the start in the contract itself', async () => {
    const root = await orgByCode(t.system, '420000');
    const res = await admin.post('/api/v1/network/assignments', {
      orgId: root.id,
      role: 'member',
      effectiveFrom: '2024-05-01',
      effectiveTo: '2024-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toEqual({ path: 'body.effectiveTo', message: '结束日期不能早于开始日期' });
  });

  it('keeps one primary contact per unit and never writes a phone into the audit log in full', async () => {
    const root = await orgByCode(t.system, '420000');
    const unit = await makeOrg(t.system, { parentId: root.id, kind: 'department' });
    const first = await admin.post(`/api/v1/network/units/${unit.id}/contacts`, { name: '甲', phone: '13912345678', isPrimary: true });
    expect(first.json().phone).toBe('139****5678');
    await admin.post(`/api/v1/network/units/${unit.id}/contacts`, { name: '乙', phone: '13800001111', isPrimary: true });
    const detail = NetworkUnitDetailSchema.parse((await admin.get(`/api/v1/network/units/${unit.id}`)).json());
    expect(detail.contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['乙', true],
      ['甲', false],
    ]);
    const log = (await admin.get(`/api/v1/audit?entityType=contact&entityId=${first.json().id}`)).json();
    expect(JSON.stringify(log)).not.toContain('13912345678');
    expect((await admin.delete(`/api/v1/network/contacts/${first.json().id}`)).statusCode).toBe(200);
  });
});
