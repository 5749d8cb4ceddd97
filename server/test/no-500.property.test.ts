import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as networkService from '../src/modules/network/network.service.js';
import { makeOrg, makeUser, orgByCode } from './factories.js';
import { type Client, createTestApp, signIn, type TestApp } from './test-app.js';

/** Random and malformed input at every route must never produce a 5xx. */
let t: TestApp;
let admin: Client;
const realIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const root = await orgByCode(t.system, '420000');
  const org = await makeOrg(t.system, { parentId: (await orgByCode(t.system, '420100')).id });
  const user = await makeUser(t.system, { orgId: org.id, role: 'worker' });
  const assignment = await networkService.assign(t.system, { orgId: org.id, role: 'liaison', effectiveFrom: '2020-01-01' });
  const contact = await networkService.addContact(t.system, org.id, { name: '联络人', phone: '13700001111', isPrimary: true });
  realIds.push(root.id, org.id, user.id, assignment.id, contact.id);
  admin = await signIn(t.app, (await makeUser(t.system, { orgId: root.id, role: 'province_admin' })).username);
});
afterAll(() => t.close());

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%00',
    '../..',
    "' or 1=1 --",
    '\u0000',
    '９１３５',
    'null',
    '[]',
    '{}',
    'a'.repeat(5000),
    '-1',
    '1e309',
    '2020-02-30',
  ),
);
const idLike = fc.oneof(fc.uuid(), weirdString, fc.constantFrom(...['00000000-0000-0000-0000-000000000000']));
const value = fc.oneof(fc.jsonValue(), weirdString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

function routeArbitrary() {
  const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
  return fc.record({
    route: fc.constantFrom(...routes),
    params: fc.array(fc.oneof(idLike, fc.constantFrom(...realIds)), { minLength: 4, maxLength: 4 }),
    query: fc.dictionary(
      fc.constantFrom(
        'limit',
        'cursor',
        'q',
        'parentId',
        'kind',
        'asOf',
        'role',
        'orgId',
        'from',
        'to',
        'includeInactive',
        'x',
        'period',
        'element',
        'by',
        'formId',
      ),
      weirdString,
      { maxKeys: 4 },
    ),
    body: fc.oneof(
      fc.constant(undefined),
      value,
      fc.dictionary(
        fc.constantFrom(
          'name',
          'code',
          'kind',
          'parentId',
          'orgId',
          'role',
          'username',
          'password',
          'displayName',
          'effectiveFrom',
          'effectiveTo',
          'phone',
          'email',
          'isPrimary',
          'isActive',
          'currentPassword',
          'newPassword',
          'title',
          'capacity',
          'startsOn',
          'endsOn',
          'providerOrgId',
          'workerIds',
          'values',
          'version',
          'reason',
          'orgIds',
          'elementCodes',
          'periodType',
          'firstPeriod',
          'deadlineDays',
          'numeratorCode',
          'denominatorCode',
          'factor',
          'value',
          'geojson',
        ),
        fc.oneof(value, fc.constantFrom(...realIds)),
      ),
    ),
    raw: fc.option(fc.oneof(fc.constantFrom('{', '{"a":', 'not json', '\u0000', '[1,2'), fc.string()), { freq: 4 }),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
    ),
  });
}

function urlOf(route: { url: string }, params: string[], query: Record<string, string>) {
  let i = 0;
  const path = route.url.replace(/:\w+/g, () => encodeURIComponent(params[i++] ?? ''));
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

describe('no client input produces a server error', () => {
  it('answers every route with a 2xx or a structured 4xx, signed in as the province administrator', async () => {
    await fc.assert(
      fc.asyncProperty(routeArbitrary(), async ({ route, params, query, body, raw, contentType }) => {
        if (route.url.endsWith('/logout')) return;
        const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
        const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
        const res = await admin.request({
          method: route.method as 'POST',
          url: urlOf(route, params, query),
          ...(hasBody && payload !== undefined ? { payload, headers: { 'content-type': contentType } } : {}),
        });
        expect(res.statusCode, `${route.method} ${route.url} ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().error.code).toBeTypeOf('string');
      }),
      { numRuns: 600 },
    );
  });

  it('answers anonymous random requests with 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(routeArbitrary(), async ({ route, params, query, body }) => {
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: urlOf(route, params, query),
          ...(route.method !== 'GET' && body !== undefined
            ? { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
            : {}),
        });
        expect(res.statusCode, `${route.method} ${route.url} ${res.body.slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a body over 1 MiB with 413', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
});
