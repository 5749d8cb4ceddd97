import { AuditPageSchema } from '@changai/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let province: Client;
let wuhan: Client;

beforeAll(async () => {
  t = await createTestApp();
  const root = await orgByCode(t.system, '420000');
  province = await signIn(t.app, (await makeUser(t.system, { orgId: root.id, role: 'province_admin' })).username);
  wuhan = await signIn(
    t.app,
    (await makeUser(t.system, { orgId: (await orgByCode(t.system, '420100')).id, role: 'regional_manager' })).username,
  );
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records who changed what, from where, before and after', async () => {
    const jiangan = await orgByCode(t.system, '420102');
    await wuhan.patch(`/api/v1/orgs/${jiangan.id}`, { name: '江岸区（改）' });
    const page = AuditPageSchema.parse((await province.get(`/api/v1/audit?entityId=${jiangan.id}`)).json());
    expect(page.items[0]).toMatchObject({
      action: 'org.update',
      actorUsername: wuhan.username,
      ip: '127.0.0.1',
      before: { name: '江岸区' },
      after: { name: '江岸区（改）' },
    });
    expect(page.items[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows a regional manager only the events of their subtree', async () => {
    const yichang = await orgByCode(t.system, '420500');
    await province.patch(`/api/v1/orgs/${yichang.id}`, { name: '宜昌市' });
    const mine = AuditPageSchema.parse((await wuhan.get('/api/v1/audit?limit=200')).json());
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.some((e) => e.entityId === yichang.id)).toBe(false);
    const theirs = AuditPageSchema.parse((await province.get(`/api/v1/audit?entityId=${yichang.id}`)).json());
    expect(theirs.items).toHaveLength(1);
  });

  it('pages newest first with a cursor', async () => {
    const first = AuditPageSchema.parse((await province.get('/api/v1/audit?limit=2')).json());
    expect(first.nextCursor).not.toBeNull();
    const second = AuditPageSchema.parse((await province.get(`/api/v1/audit?limit=2&cursor=${first.nextCursor}`)).json());
    expect(Number(second.items[0]?.id)).toBeLessThan(Number(first.items[1]?.id));
  });

  it('cannot be changed or deleted, even with direct SQL', async () => {
    await expect(sql`update audit_events set action = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('is refused to roles without audit:read', async () => {
    const hr = await signIn(
      t.app,
      (await makeUser(t.system, { orgId: (await orgByCode(t.system, '420100')).id, role: 'enterprise_hr' })).username,
    );
    expect((await hr.get('/api/v1/audit')).statusCode).toBe(403);
  });
});
