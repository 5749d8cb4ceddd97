import { ErrorBodySchema, HealthSchema } from '@changai/contracts';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { loadConfig, testDatabaseUrl } from './config.js';
import { authPlugin } from './platform/http/auth-plugin.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the app', () => {
  it('reports health publicly: version, database kind and migration state', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const health = HealthSchema.parse(res.json());
    expect(health.database).toBe(testDatabaseUrl() ? 'postgres' : 'pglite');
    expect(health.migrations.pending).toBe(0);
    expect(health.migrations.applied).toBeGreaterThan(0);
  });

  it('serves the OpenAPI document and the interactive reference', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    expect(paths).toContain('/api/v1/orgs/{orgId}/move');
    expect(paths).toContain('/api/v1/auth/login');
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('sends secure headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers an unknown API route with a translated JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(ErrorBodySchema.parse(res.json()).error).toMatchObject({ code: 'not_found', message: 'No such API endpoint.' });
  });

  it('answers malformed JSON with a 400 in the error shape', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(res.json()).error.reason).toBe('invalid_json');
  });

  it('refuses to start with a route that declares neither a permission nor public', async () => {
    const app = Fastify();
    await app.register(authPlugin, { db: t.database.db, cipher: t.cipher, now: () => new Date(), sessionHours: 1 });
    app.get('/api/v1/forgotten', async () => ({}));
    await expect(app.ready()).rejects.toThrow(/GET \/api\/v1\/forgotten/);
  });
});

describe('configuration', () => {
  it('applies defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: 'localhost', databaseUrl: undefined, demo: true, secureCookies: false });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('fails fast listing every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CHANGAI_DATA_KEY: 'short' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*CHANGAI_DATA_KEY/,
    );
  });

  it('turns demo data off with CHANGAI_DEMO=0 and secure cookies on in production', () => {
    expect(loadConfig({ CHANGAI_DEMO: '0', NODE_ENV: 'production' })).toMatchObject({ demo: false, secureCookies: true });
  });
});
