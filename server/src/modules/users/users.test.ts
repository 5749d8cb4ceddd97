import { RoleCatalogSchema, UserPageSchema, UserSchema } from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let province: Client;
let wuhan: Client;
let wuhanId: string;
let yichangId: string;

beforeAll(async () => {
  t = await createTestApp();
  const root = await orgByCode(t.system, '420000');
  wuhanId = (await orgByCode(t.system, '420100')).id;
  yichangId = (await orgByCode(t.system, '420500')).id;
  province = await signIn(t.app, (await makeUser(t.system, { orgId: root.id, role: 'province_admin' })).username);
  wuhan = await signIn(t.app, (await makeUser(t.system, { orgId: wuhanId, role: 'regional_manager' })).username);
});
afterAll(() => t.close());

describe('user accounts', () => {
  it('creates a user in scope with a hashed password, audited without the secret', async () => {
    const res = await wuhan.post('/api/v1/users', {
      username: 'jiangan.hr',
      displayName: '江岸区人社专员',
      password: 'Initial-pass-1',
      role: 'enterprise_hr',
      orgId: wuhanId,
    });
    expect(res.statusCode).toBe(201);
    const user = UserSchema.parse(res.json());
    expect(user).toMatchObject({ role: 'enterprise_hr', mustChangePassword: true, isActive: true, org: { code: '420100' } });
    const row = await t.database.db.selectFrom('users').select('passwordHash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const log = await t.database.db.selectFrom('auditEvents').select(['after']).where('entityId', '=', user.id).execute();
    expect(JSON.stringify(log)).not.toContain('Initial-pass-1');
    expect(JSON.stringify(log)).not.toContain('argon2');
  });

  it('refuses a taken username regardless of case', async () => {
    await makeUser(t.system, { orgId: wuhanId, role: 'worker', username: 'Taken.Name' });
    const res = await wuhan.post('/api/v1/users', {
      username: 'taken.name',
      displayName: 'x',
      password: 'Initial-pass-1',
      role: 'worker',
      orgId: wuhanId,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.reason).toBe('user.username_taken');
  });

  it('explains a weak password and a malformed username field by field', async () => {
    const res = await wuhan.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'bad name!', displayName: 'x', password: 'short', role: 'worker', orgId: wuhanId },
      headers: { 'x-locale': 'en-US' },
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields['body.username']).toBe('Only letters, digits, dots, underscores and hyphens');
    expect(fields['body.password']).toMatch(/10/);
  });

  it('lets nobody hand out a role above their own', async () => {
    const res = await wuhan.post('/api/v1/users', {
      username: 'sneaky',
      displayName: 'x',
      password: 'Initial-pass-1',
      role: 'province_admin',
      orgId: wuhanId,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.reason).toBe('user.role_not_assignable');
  });

  it('keeps users outside the scope invisible and unchangeable', async () => {
    const other = await makeUser(t.system, { orgId: yichangId, role: 'worker' });
    expect((await wuhan.get(`/api/v1/users/${other.id}`)).statusCode).toBe(404);
    expect((await wuhan.patch(`/api/v1/users/${other.id}`, { displayName: '改名' })).statusCode).toBe(404);
    expect((await wuhan.post(`/api/v1/users/${other.id}/reset-password`, { password: 'Another-pass-1' })).statusCode).toBe(404);
    const page = UserPageSchema.parse((await wuhan.get('/api/v1/users?limit=200')).json());
    expect(page.items.some((u) => u.id === other.id)).toBe(false);
    const moved = await wuhan.patch(`/api/v1/users/${(await makeUser(t.system, { orgId: wuhanId, role: 'worker' })).id}`, {
      orgId: yichangId,
    });
    expect(moved.statusCode).toBe(404);
  });

  it('refuses changing one’s own role or deactivating oneself', async () => {
    const session = (await wuhan.get('/api/v1/auth/session')).json();
    const res = await wuhan.patch(`/api/v1/users/${session.actor.userId}`, { isActive: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.reason).toBe('user.self_change');
  });

  it('resets a password: unlocks, ends sessions, forces a change', async () => {
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'worker' });
    const session = await signIn(t.app, user.username);
    const res = await wuhan.post(`/api/v1/users/${user.id}/reset-password`, { password: 'Temporary-pass-9' });
    expect(res.json().mustChangePassword).toBe(true);
    expect((await session.get('/api/v1/auth/session')).statusCode).toBe(401);
    await expect(signIn(t.app, user.username, TEST_PASSWORD)).rejects.toThrow();
    await signIn(t.app, user.username, 'Temporary-pass-9');
  });

  it('pages through users with a keyset cursor, in username order, without repeats', async () => {
    const org = await makeOrg(t.system, { parentId: wuhanId });
    for (const name of ['pa', 'pb', 'pc', 'pd', 'pe'])
      await makeUser(t.system, { orgId: org.id, role: 'worker', username: `${name}-${org.code}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?orgId=${org.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = UserPageSchema.parse((await wuhan.get(url)).json());
      seen.push(...page.items.map((u) => u.username));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['pa', 'pb', 'pc', 'pd', 'pe'].map((n) => `${n}-${org.code}`));
    expect((await wuhan.get('/api/v1/users?cursor=garbage')).statusCode).toBe(400);
  });

  it('lists the role catalog with what the actor may assign', async () => {
    const catalog = RoleCatalogSchema.parse((await wuhan.get('/api/v1/roles')).json());
    expect(catalog.roles).toHaveLength(6);
    const assignable = catalog.roles.filter((r) => r.assignable).map((r) => r.role);
    expect(assignable).toEqual(['regional_manager', 'enterprise_hr', 'reviewer', 'worker']);
    const pa = catalog.roles.find((r) => r.role === 'province_admin');
    expect(pa?.permissions.every((p) => p.scope === 'all')).toBe(true);
    const all = RoleCatalogSchema.parse((await province.get('/api/v1/roles')).json());
    expect(all.roles.every((r) => r.assignable)).toBe(true);
  });
});
