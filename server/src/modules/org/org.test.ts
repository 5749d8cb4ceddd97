import { ErrorBodySchema, OrgDetailSchema, OrgListSchema, OrgSchema } from '@changai/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let province: Client;
let wuhanManager: Client;
let wuhanId: string;
let yichangId: string;
let jianganId: string;

beforeAll(async () => {
  t = await createTestApp();
  const root = await orgByCode(t.system, '420000');
  wuhanId = (await orgByCode(t.system, '420100')).id;
  yichangId = (await orgByCode(t.system, '420500')).id;
  jianganId = (await orgByCode(t.system, '420102')).id;
  province = await signIn(t.app, (await makeUser(t.system, { orgId: root.id, role: 'province_admin' })).username);
  wuhanManager = await signIn(t.app, (await makeUser(t.system, { orgId: wuhanId, role: 'regional_manager' })).username);
});
afterAll(() => t.close());

describe('reference data', () => {
  it('seeds Hubei with its 17 prefecture-level divisions and 99 counties/districts under them', async () => {
    const top = OrgListSchema.parse((await province.get('/api/v1/orgs')).json()).items;
    expect(top.map((o) => [o.code, o.name])).toEqual([['420000', '湖北省']]);
    const prefectures = OrgListSchema.parse((await province.get('/api/v1/orgs?kind=prefecture&limit=500')).json()).items;
    expect(prefectures).toHaveLength(17);
    expect(prefectures.map((p) => p.code)).toContain('429021');
    expect(prefectures.find((p) => p.code === '422800')?.name).toBe('恩施土家族苗族自治州');
    const counties = OrgListSchema.parse((await province.get('/api/v1/orgs?kind=county&limit=500')).json()).items;
    expect(counties).toHaveLength(99);
    expect(counties.some((c) => c.code === '421071')).toBe(false);
    const wuhan = OrgListSchema.parse((await province.get(`/api/v1/orgs?parentId=${wuhanId}`)).json()).items;
    expect(wuhan).toHaveLength(13);
  });
});

describe('scope', () => {
  it('shows a regional manager only their own subtree, starting at their org', async () => {
    const top = OrgListSchema.parse((await wuhanManager.get('/api/v1/orgs')).json()).items;
    expect(top.map((o) => o.code)).toEqual(['420100']);
    const search = OrgListSchema.parse((await wuhanManager.get('/api/v1/orgs?q=%E5%AE%9C%E6%98%8C')).json()).items; // 宜昌
    expect(search).toEqual([]);
    expect((await wuhanManager.get(`/api/v1/orgs/${yichangId}`)).statusCode).toBe(404);
  });

  it('hides ancestors above the actor from the breadcrumb', async () => {
    const detail = OrgDetailSchema.parse((await wuhanManager.get(`/api/v1/orgs/${jianganId}`)).json());
    expect(detail.ancestors.map((a) => a.code)).toEqual(['420100']);
    const full = OrgDetailSchema.parse((await province.get(`/api/v1/orgs/${jianganId}`)).json());
    expect(full.ancestors.map((a) => a.code)).toEqual(['420000', '420100']);
  });

  it('refuses to create an org under a parent outside the scope (404, nothing written)', async () => {
    const res = await wuhanManager.post('/api/v1/orgs', { parentId: yichangId, code: 'OUT-1', name: '越权单位', kind: 'enterprise' });
    expect(res.statusCode).toBe(404);
    const found = OrgListSchema.parse((await province.get('/api/v1/orgs?q=OUT-1')).json()).items;
    expect(found).toEqual([]);
  });
});

describe('changes', () => {
  it('creates, renames and keeps the history of an org', async () => {
    const created = await wuhanManager.post('/api/v1/orgs', {
      parentId: jianganId,
      code: 'E-JA-001',
      name: '江岸机车车辆厂',
      kind: 'enterprise',
    });
    expect(created.statusCode).toBe(201);
    const org = OrgSchema.parse(created.json());
    expect(org).toMatchObject({ depth: 3, parentId: jianganId, isActive: true });
    const renamed = await wuhanManager.patch(`/api/v1/orgs/${org.id}`, { name: '中车武汉江岸车辆有限公司' });
    expect(renamed.json().name).toBe('中车武汉江岸车辆有限公司');
    const history = (await wuhanManager.get(`/api/v1/orgs/${org.id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['org.update', 'org.create']);
    expect(history[0].before.name).toBe('江岸机车车辆厂');
    expect(history[0].after.name).toBe('中车武汉江岸车辆有限公司');
  });

  it('refuses a duplicate code with a translated conflict', async () => {
    const res = await province.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { parentId: wuhanId, code: '420102', name: '重复', kind: 'other' },
      headers: { 'x-locale': 'en-US' },
    });
    expect(res.statusCode).toBe(409);
    expect(ErrorBodySchema.parse(res.json()).error).toMatchObject({
      reason: 'org.code_taken',
      message: 'Org code “420102” is already in use.',
    });
  });

  it('moves a subtree, re-rooting the paths of all its descendants', async () => {
    const a = await makeOrg(t.system, { parentId: jianganId, kind: 'other' });
    const b = await makeOrg(t.system, { parentId: a.id });
    const c = await makeOrg(t.system, { parentId: b.id });
    const hongshan = await orgByCode(t.system, '420111');
    const moved = await wuhanManager.post(`/api/v1/orgs/${a.id}/move`, { parentId: hongshan.id });
    expect(moved.statusCode).toBe(200);
    const rows = await t.database.db
      .selectFrom('orgs')
      .select(['id', 'path', 'depth', 'parentId'])
      .where('id', 'in', [a.id, b.id, c.id, hongshan.id])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const hs = byId.get(hongshan.id);
    expect(byId.get(a.id)).toMatchObject({ parentId: hongshan.id, depth: 3, path: `${hs?.path}${a.id}/` });
    expect(byId.get(c.id)).toMatchObject({ depth: 5, path: `${hs?.path}${a.id}/${b.id}/${c.id}/` });
    const detail = OrgDetailSchema.parse((await province.get(`/api/v1/orgs/${c.id}`)).json());
    expect(detail.ancestors.map((x) => x.code)).toEqual(['420000', '420100', '420111', a.code, b.code]);
  });

  it('refuses to move an org under its own descendant', async () => {
    const a = await makeOrg(t.system, { parentId: jianganId, kind: 'other' });
    const b = await makeOrg(t.system, { parentId: a.id });
    const res = await wuhanManager.post(`/api/v1/orgs/${a.id}/move`, { parentId: b.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.reason).toBe('org.move_into_own_subtree');
  });

  it('refuses to move an org out of the actor’s scope', async () => {
    const a = await makeOrg(t.system, { parentId: jianganId });
    const res = await wuhanManager.post(`/api/v1/orgs/${a.id}/move`, { parentId: yichangId });
    expect(res.statusCode).toBe(404);
  });

  it('deactivates only an org without active children or users, and reactivates it', async () => {
    const parent = await makeOrg(t.system, { parentId: jianganId, kind: 'other' });
    const child = await makeOrg(t.system, { parentId: parent.id });
    const blocked = await wuhanManager.post(`/api/v1/orgs/${parent.id}/deactivate`);
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.reason).toBe('org.has_active_children');
    await makeUser(t.system, { orgId: child.id, role: 'worker' });
    const withUser = await wuhanManager.post(`/api/v1/orgs/${child.id}/deactivate`);
    expect(withUser.json().error.reason).toBe('org.has_active_users');
    const empty = await makeOrg(t.system, { parentId: parent.id });
    const done = await wuhanManager.post(`/api/v1/orgs/${empty.id}/deactivate`);
    expect(done.json().isActive).toBe(false);
    const listed = OrgListSchema.parse((await wuhanManager.get(`/api/v1/orgs?parentId=${parent.id}`)).json()).items;
    expect(listed.map((o) => o.id)).toEqual([child.id]);
    const all = OrgListSchema.parse((await wuhanManager.get(`/api/v1/orgs?parentId=${parent.id}&includeInactive=true`)).json()).items;
    expect(all).toHaveLength(2);
    expect((await wuhanManager.post(`/api/v1/orgs/${empty.id}/reactivate`)).json().isActive).toBe(true);
  });

  it('never deletes an org that is referenced, and deletes an unreferenced one', async () => {
    const parent = await makeOrg(t.system, { parentId: jianganId, kind: 'other' });
    const child = await makeOrg(t.system, { parentId: parent.id });
    const res = await wuhanManager.delete(`/api/v1/orgs/${parent.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('1 个下级机构');
    await makeUser(t.system, { orgId: child.id, role: 'worker' });
    const referenced = await wuhanManager.delete(`/api/v1/orgs/${child.id}`);
    expect(referenced.statusCode).toBe(409);
    expect(referenced.json().error.reason).toBe('org.is_referenced');
    const lonely = await makeOrg(t.system, { parentId: parent.id });
    expect((await wuhanManager.delete(`/api/v1/orgs/${lonely.id}`)).statusCode).toBe(200);
    expect((await province.get(`/api/v1/orgs/${lonely.id}`)).statusCode).toBe(404);
  });

  it('keeps the province root and the actor’s own org from being moved, deactivated or deleted', async () => {
    const root = await orgByCode(t.system, '420000');
    expect((await province.post(`/api/v1/orgs/${root.id}/deactivate`)).json().error.reason).toBe('org.root_immutable');
    expect((await wuhanManager.delete(`/api/v1/orgs/${wuhanId}`)).json().error.reason).toBe('org.own_org');
  });

  it('keeps the database from holding a cycle or an orphan even if code went wrong', async () => {
    const org = await makeOrg(t.system, { parentId: jianganId });
    await expect(sql`delete from orgs where id = ${jianganId}`.execute(t.database.db)).rejects.toThrow();
    await expect(sql`update orgs set parent_id = null where id = ${org.id}`.execute(t.database.db)).rejects.toThrow();
  });

  it('records an enterprise profile with a checked credit code and a GB/T 4754 industry', async () => {
    const enterprise = await makeOrg(t.system, { parentId: jianganId, kind: 'enterprise' });
    const saved = await wuhanManager.put(`/api/v1/orgs/${enterprise.id}/enterprise`, {
      creditCode: '91350100m000100y43',
      industryDivision: '36',
      industryCategory: 'pillar',
      ownership: 'state',
      size: 'large',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ creditCode: '91350100M000100Y43', industrySection: 'C', regionCode: '420102', workerCount: 0 });
    const other = await makeOrg(t.system, { parentId: jianganId, kind: 'enterprise' });
    expect((await wuhanManager.put(`/api/v1/orgs/${other.id}/enterprise`, { creditCode: '91350100M000100Y43' })).statusCode).toBe(409);
    const bad = await wuhanManager.put(`/api/v1/orgs/${other.id}/enterprise`, { creditCode: '91350100M000100Y44' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toEqual({ path: 'body.creditCode', message: '统一社会信用代码校验位不正确' });
    expect((await wuhanManager.put(`/api/v1/orgs/${jianganId}/enterprise`, { size: 'small' })).statusCode).toBe(422);
    expect((await wuhanManager.get(`/api/v1/orgs/${other.id}/enterprise`)).json()).toBeNull();
  });
});
