import { ErrorBodySchema, SessionSchema } from '@changai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, orgByCode } from '../../../test/factories.js';
import { createTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../../test/test-app.js';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from './auth.service.js';

let t: TestApp;
let wuhanId: string;

beforeAll(async () => {
  t = await createTestApp();
  wuhanId = (await orgByCode(t.system, '420100')).id;
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

describe('sign-in', () => {
  it('signs in with the right password and returns the actor with its permissions and a CSRF token', async () => {
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'regional_manager' });
    const res = await login(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = SessionSchema.parse(res.json());
    expect(body.actor.role).toBe('regional_manager');
    expect(body.actor.orgCode).toBe('420100');
    expect(body.actor.permissions).toContain('org:manage');
    expect(body.actor.permissions).not.toContain('network:manage');
    const cookie = res.cookies.find((c) => c.name === 'changai_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('accepts the username in any letter case', async () => {
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'reviewer', username: 'CaseUser1' });
    expect((await login('caseuser1', TEST_PASSWORD)).statusCode).toBe(200);
    expect(user.username).toBe('CaseUser1');
  });

  it('answers a wrong password and an unknown user alike, translated', async () => {
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'worker' });
    const wrong = await login(user.username, 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password', { 'accept-language': 'en-US' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(ErrorBodySchema.parse(wrong.json()).error).toMatchObject({ code: 'invalid_credentials', message: '用户名或密码不正确。' });
    expect(ErrorBodySchema.parse(unknown.json()).error.message).toBe('Wrong username or password.');
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} failures, even for the right password`, async () => {
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'worker' });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect((await login(user.username, 'wrong-password')).statusCode).toBe(401);
    const locking = await login(user.username, 'wrong-password');
    expect(locking.statusCode).toBe(429);
    expect(locking.json().error.code).toBe('account_locked');
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(429);
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + (LOCK_MINUTES + 1) * 60_000);
    try {
      expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      t.clock.now = saved;
    }
  });

  it('refuses a deactivated user', async () => {
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'worker' });
    const admin = await signIn(t.app, (await makeUser(t.system, { orgId: wuhanId, role: 'regional_manager' })).username);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { isActive: false })).statusCode).toBe(200);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('validates the body before anything else', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    const { error } = ErrorBodySchema.parse(res.json());
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.[0]?.path).toBe('body.password');
  });
});

describe('session', () => {
  it('returns 401 without a session and the actor with one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'reviewer' });
    const client = await signIn(t.app, user.username);
    const res = await client.get('/api/v1/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json().actor.username).toBe(user.username);
  });

  it('refuses a write without the CSRF token', async () => {
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'regional_manager' });
    const client = await signIn(t.app, user.username);
    const res = await client.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('ends the session on sign-out', async () => {
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'reviewer' });
    const client = await signIn(t.app, user.username);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const after = await client.get('/api/v1/auth/session');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.reason).toBe('session_expired');
  });

  it('expires an idle session', async () => {
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'reviewer' });
    const client = await signIn(t.app, user.username);
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 13 * 3600_000);
    try {
      expect((await client.get('/api/v1/auth/session')).statusCode).toBe(401);
    } finally {
      t.clock.now = saved;
    }
  });
});

describe('passwords', () => {
  it('changes the password, keeps this session and ends the others', async () => {
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'worker' });
    const first = await signIn(t.app, user.username);
    const second = await signIn(t.app, user.username);
    const res = await first.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'A-new-password-2' });
    expect(res.statusCode).toBe(200);
    expect((await first.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect((await second.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await login(user.username, 'A-new-password-2')).statusCode).toBe(200);
  });

  it('refuses a wrong current password with a field error', async () => {
    const user = await makeUser(t.system, { orgId: wuhanId, role: 'worker' });
    const client = await signIn(t.app, user.username);
    const res = await client.post('/api/v1/auth/password', { currentPassword: 'wrong-wrong', newPassword: 'A-new-password-2' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('body.currentPassword');
  });

  it('forces a user with an admin-set password to change it before anything else', async () => {
    const manager = await makeUser(t.system, { orgId: wuhanId, role: 'regional_manager' });
    const admin = await signIn(t.app, manager.username);
    const created = await admin.post('/api/v1/users', {
      username: 'fresh-hr',
      displayName: '新员工',
      password: 'Initial-pass-1',
      role: 'enterprise_hr',
      orgId: wuhanId,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().mustChangePassword).toBe(true);
    const fresh = await signIn(t.app, 'fresh-hr', 'Initial-pass-1');
    expect((await fresh.get('/api/v1/auth/session')).json().actor.mustChangePassword).toBe(true);
    const blocked = await fresh.get('/api/v1/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.reason).toBe('auth.must_change_password');
    await fresh.post('/api/v1/auth/password', { currentPassword: 'Initial-pass-1', newPassword: 'My-own-pass-22' });
    expect((await fresh.get('/api/v1/orgs')).statusCode).toBe(200);
  });
});

describe('first set-up', () => {
  it('is not offered once users exist', async () => {
    await makeUser(t.system, { orgId: wuhanId, role: 'worker' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needsSetup: false });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { username: 'intruder', displayName: 'x', password: 'Long-enough-1' },
    });
    expect(res.statusCode).toBe(409);
  });
});
