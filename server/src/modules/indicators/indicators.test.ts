import {
  BulletinSchema,
  type Dashboard,
  DashboardSchema,
  ImportPreviewSchema,
  IndicatorListSchema,
  IndicatorSchema,
} from '@changai/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, makeOrg, makeUser, makeWorker, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import * as indicatorsMigration from '../../platform/db/migrations/202611260010_indicators.js';
import * as workersService from '../workers/workers.service.js';
import * as indicatorsService from './indicators.service.js';

let t: TestApp;
let admin: Client;
let hr: Client;
let wuhanManager: Client;
const orgs = { wuhan: '', qingshan: '', yichang: '', plant: '', mill: '', other: '' };

async function profile(orgId: string, category: 'pillar' | 'emerging' | 'characteristic', regionCode: string) {
  await t.database.db.insertInto('enterprises').values({ orgId, industryDivision: '36', industryCategory: category, regionCode }).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-11-26T08:00:00Z');
  const root = await orgByCode(t.system, '420000');
  const wuhan = await orgByCode(t.system, '420100');
  const qingshan = await orgByCode(t.system, '420107');
  const yichang = await orgByCode(t.system, '420500');
  const xiling = await orgByCode(t.system, '420502');
  const plant = await makeOrg(t.system, { parentId: qingshan.id, name: '青山重型机械厂' });
  const mill = await makeOrg(t.system, { parentId: xiling.id, name: '西陵造纸厂' });
  const other = await makeOrg(t.system, { parentId: qingshan.id, name: '青山光电公司' });
  await profile(plant.id, 'pillar', '420107');
  await profile(mill.id, 'characteristic', '420502');
  await profile(other.id, 'emerging', '420107');
  Object.assign(orgs, { wuhan: wuhan.id, qingshan: qingshan.id, yichang: yichang.id, plant: plant.id, mill: mill.id, other: other.id });
  admin = await signIn(t.app, (await makeUser(t.system, { orgId: root.id, role: 'province_admin' })).username);
  hr = await signIn(t.app, (await makeUser(t.system, { orgId: plant.id, role: 'enterprise_hr' })).username);
  wuhanManager = await signIn(t.app, (await makeUser(t.system, { orgId: wuhan.id, role: 'regional_manager' })).username);
});
afterAll(() => t.close());

async function expectAggregatesExact() {
  for (const asOf of ['2015-06-30', '2019-12-31', '2020-10-15', '2020-10-31', '2021-02-28', '2026-11-26']) {
    const check = await indicatorsService.verifyAggregates(t.system, asOf);
    expect(check.fromAggregate, `as of ${asOf}`).toEqual(check.fromScratch);
    expect(check.matches).toBe(true);
  }
}

async function dashboard(client: Client, query: string): Promise<Dashboard> {
  const res = await client.get(`/api/v1/dashboard${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return DashboardSchema.parse(res.json());
}

const card = (d: Dashboard, code: string) => d.cards.find((c) => c.code === code);

function multipart(fileName: string, content: Buffer) {
  const boundary = '----changai-indicators-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('live skill figures', () => {
  it('keeps the monthly aggregate equal to a from-scratch count through grants, imports, revocations and moves', async () => {
    const grants: [string, string, string][] = [
      ['plant', 'intermediate', '2012-03-05'],
      ['plant', 'senior', '2018-07-01'],
      ['plant', 'technician', '2020-10-10'],
      ['mill', 'junior', '2019-12-31'],
      ['mill', 'senior_technician', '2020-10-31'],
      ['other', 'senior', '2021-01-15'],
    ];
    const workerIds: string[] = [];
    for (const [org, level, issuedOn] of grants) {
      const w = await makeWorker(t.system, { orgId: orgs[org as keyof typeof orgs] });
      workerIds.push(w.id);
      await workersService.grantCredential(t.system, w.id, { kind: 'skill_level', levelCode: level as 'senior', issuedOn });
    }
    // A lower level first, a higher one later: skilled since the first, high-skilled since the second.
    await workersService.grantCredential(t.system, workerIds[0] as string, {
      kind: 'skill_level',
      levelCode: 'senior',
      issuedOn: '2020-10-20',
    });
    await expectAggregatesExact();

    // An import of new and known workers in one batch.
    const ids = Array.from({ length: 12 }, (_, i) => makeIdNumber('420107', `1985-0${(i % 9) + 1}-1${i % 10}`));
    const lines = ['姓名,公民身份号码,工作单位,职业技能等级,发证日期'];
    ids.forEach((id, i) => {
      lines.push(
        `导入${'甲乙丙丁戊己庚辛壬癸子丑'[i]},${id},青山重型机械厂,${i % 3 === 0 ? '技师' : '中级工'},20${10 + i}-0${(i % 9) + 1}-15`,
      );
    });
    const uploaded = await hr.request({
      method: 'POST',
      url: '/api/v1/imports/workers',
      ...multipart('名单.csv', Buffer.from(lines.join('\n'))),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const preview = ImportPreviewSchema.parse(uploaded.json());
    const started = await hr.post(`/api/v1/imports/uploads/${preview.uploadId}/start`, { mapping: preview.mapping });
    expect(started.statusCode, started.body).toBe(202);
    await t.runJobs();
    const imported = await t.database.db.selectFrom('workers').select('id').where('source', '=', 'import').execute();
    expect(imported.length).toBe(12);
    await expectAggregatesExact();

    // A revocation takes the dates away: the only level (both dates), or the first of two (skilled since the second).
    const credentialOf = async (workerId: string, issuedOn: string) =>
      (
        await t.database.db
          .selectFrom('credentials')
          .select('id')
          .where('workerId', '=', workerId)
          .where('issuedOn', '=', issuedOn)
          .executeTakeFirstOrThrow()
      ).id;
    await workersService.revokeCredential(t.system, await credentialOf(workerIds[4] as string, '2020-10-31'), {
      reason: '证书有误',
      revokedOn: '2021-03-01',
    });
    await workersService.revokeCredential(t.system, await credentialOf(workerIds[0] as string, '2012-03-05'), {
      reason: '证书有误',
      revokedOn: '2021-03-01',
    });
    const since = (id: string) =>
      t.database.db.selectFrom('workers').select(['skilledSince', 'highSkilledSince']).where('id', '=', id).executeTakeFirst();
    expect(await since(workerIds[4] as string)).toEqual({ skilledSince: null, highSkilledSince: null });
    expect(await since(workerIds[0] as string)).toEqual({ skilledSince: '2020-10-20', highSkilledSince: '2020-10-20' });
    await expectAggregatesExact();

    // A worker moving to another prefecture's employer moves their counts with them.
    await workersService.update(t.system, workerIds[1] as string, { orgId: orgs.mill, regionCode: '420502' });
    await expectAggregatesExact();

    // An employer re-classified moves its workers between industry categories.
    await t.database.db.updateTable('enterprises').set({ industryCategory: 'emerging' }).where('orgId', '=', orgs.mill).execute();
    await expectAggregatesExact();
    await t.database.db.updateTable('enterprises').set({ industryCategory: 'characteristic' }).where('orgId', '=', orgs.mill).execute();
    await expectAggregatesExact();
  });

  it('shows the province, a prefecture and an enterprise with drill-down, as of any day', async () => {
    const province = await dashboard(admin, '?asOf=2020-10-31');
    const scratch = await indicatorsService.verifyAggregates(t.system, '2020-10-31');
    const skilled = scratch.fromScratch.reduce((n, r) => n + r.skilled, 0);
    const high = scratch.fromScratch.reduce((n, r) => n + r.highSkilled, 0);
    expect(province.totals).toMatchObject({ skilled, highSkilled: high });
    expect(card(province, 'high_skilled_share')?.value).toBe(Math.round((high / skilled) * 1000) / 10);
    expect(card(province, 'high_skilled_share')?.target).toMatchObject({ year: 2025, value: 32.6, isUncertain: true });
    expect(province.children.map((c) => c.org.code)).toContain('420100');
    expect(province.children).toHaveLength(17 + province.children.filter((c) => !['prefecture', 'county'].includes(c.org.kind)).length);
    const wuhanRow = province.children.find((c) => c.org.code === '420100');
    const yichangRow = province.children.find((c) => c.org.code === '420500');
    expect((wuhanRow?.skilled ?? 0) + (yichangRow?.skilled ?? 0)).toBe(skilled);
    expect(province.industries.map((i) => i.category)).toEqual(['pillar', 'characteristic', 'emerging']);
    expect(province.trend.at(-1)).toMatchObject({ asOf: '2020-10-31', skilled, highSkilled: high });

    // The day before a credential counts, and the day it does.
    const before = await dashboard(admin, '?asOf=2020-10-30');
    expect(before.totals.highSkilled).toBeLessThanOrEqual(high);

    const wuhan = await dashboard(admin, `?orgId=${orgs.wuhan}&asOf=2026-11-26`);
    expect(wuhan.trail.map((o) => o.code)).toEqual(['420000', '420100']);
    const qingshanRow = wuhan.children.find((c) => c.org.code === '420107');
    expect(qingshanRow?.canDrill).toBe(true);
    const qingshan = await dashboard(admin, `?orgId=${orgs.qingshan}&asOf=2026-11-26`);
    expect(qingshan.children.map((c) => c.org.name)).toEqual(expect.arrayContaining(['青山重型机械厂', '青山光电公司']));
    expect(qingshan.totals.skilled).toBe(qingshan.children.reduce((n, c) => n + c.skilled, 0));
    expect(qingshanRow?.skilled).toBe(qingshan.totals.skilled);
    const plant = await dashboard(admin, `?orgId=${orgs.plant}&asOf=2026-11-26`);
    expect(plant.totals.skilled).toBe(qingshan.children.find((c) => c.org.id === orgs.plant)?.skilled);
    expect(plant.industries.map((i) => i.category)).toEqual(['pillar', 'characteristic', 'emerging']);

    // Mid-month (a credential of 2020-10-20 counts from that day) and at a month's end, the
    // enterprises' figures (per-org aggregate) add up to the county's (region aggregate).
    for (const asOf of ['2020-10-19', '2020-10-25', '2020-10-31', '2021-10-25']) {
      const county = await dashboard(admin, `?orgId=${orgs.qingshan}&asOf=${asOf}`);
      expect(
        county.children.reduce((n, c) => n + c.skilled, 0),
        asOf,
      ).toBe(county.totals.skilled);
      expect(
        county.children.reduce((n, c) => n + c.highSkilled, 0),
        asOf,
      ).toBe(county.totals.highSkilled);
      const one = await dashboard(admin, `?orgId=${orgs.plant}&asOf=${asOf}`);
      expect(one.totals.skilled, asOf).toBe(county.children.find((c) => c.org.id === orgs.plant)?.skilled);
      expect(one.trend.at(-1)).toMatchObject({ skilled: one.totals.skilled, highSkilled: one.totals.highSkilled });
    }
  });

  it('shows a regional manager their prefecture and nothing above it', async () => {
    const own = await dashboard(wuhanManager, '');
    expect(own.org.code).toBe('420100');
    expect(own.trail.map((o) => o.code)).toEqual(['420100']);
    expect((await wuhanManager.get(`/api/v1/dashboard?orgId=${orgs.yichang}`)).statusCode).toBe(404);
    expect((await wuhanManager.get(`/api/v1/dashboard/bulletin?orgId=${orgs.yichang}`)).statusCode).toBe(404);
    expect((await wuhanManager.put('/api/v1/indicators/high_skilled_share/targets/2025', { value: 40 })).statusCode).toBe(403);
  });

  it('refuses a malformed day or org with 400', async () => {
    expect((await admin.get('/api/v1/dashboard?asOf=2020-13-01')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/dashboard?orgId=nope')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/dashboard/figures?period=2020-Q5')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dashboard' })).statusCode).toBe(401);
  });

  it('ranks every employer of a county with hundreds of them, not only the first ones by code', async () => {
    const county = await t.database.db
      .selectFrom('orgs')
      .select(['id', 'path', 'depth'])
      .where('code', '=', '420111')
      .executeTakeFirstOrThrow();
    await sql`
      insert into orgs (parent_id, code, name, kind, path, depth)
      select ${county.id}, 'BIG-' || lpad(g::text, 4, '0'), '洪山测试企业' || g, 'enterprise', '', ${county.depth + 1}
      from generate_series(1, 620) g`.execute(t.database.db);
    await sql`update orgs set path = ${county.path} || id || '/' where code like 'BIG-%'`.execute(t.database.db);
    const last = await t.database.db.selectFrom('orgs').select('id').where('code', '=', 'BIG-0620').executeTakeFirstOrThrow();
    await profile(last.id, 'pillar', '420111');
    const worker = await makeWorker(t.system, { orgId: last.id });
    await workersService.grantCredential(t.system, worker.id, { kind: 'skill_level', levelCode: 'senior', issuedOn: '2021-03-01' });
    const hongshan = await dashboard(admin, `?orgId=${county.id}&asOf=2026-11-26`);
    expect(hongshan.totals.skilled).toBe(1);
    expect(hongshan.children.map((c) => [c.org.code, c.skilled])).toEqual([['BIG-0620', 1]]);
  });
});

describe('indicators, versions and targets', () => {
  it('computes each day with the formula version in force then, so a change never rewrites history', async () => {
    const before = card(await dashboard(admin, '?asOf=2020-12-31'), 'high_skilled_share');
    const created = await admin.post('/api/v1/indicators/high_skilled_share/versions', {
      effectiveFrom: '2021-01-01',
      numeratorCode: 'high_skilled_workers',
      denominatorCode: 'skilled_workers',
      factor: 1000,
      note: '改为千分比',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(IndicatorSchema.parse(created.json()).versions.map((v) => v.version)).toEqual([2, 1]);
    const after2020 = card(await dashboard(admin, '?asOf=2020-12-31'), 'high_skilled_share');
    expect(after2020).toEqual(before);
    const in2021 = card(await dashboard(admin, '?asOf=2021-12-31'), 'high_skilled_share');
    expect(in2021?.version).toBe(2);
    // A year before 2021-12-31 is 2020-12-31: computed with version 1.
    expect(in2021?.lastYear).toBe(before?.value);
    expect(
      (
        await admin.post('/api/v1/indicators/high_skilled_share/versions', {
          effectiveFrom: '2021-01-01',
          numeratorCode: 'skilled_workers',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await admin.post('/api/v1/indicators/high_skilled_share/versions', { effectiveFrom: '2022-01-01', numeratorCode: 'no_such' }))
        .statusCode,
    ).toBe(400);
  });

  it('sets a target per indicator and year, audited', async () => {
    const res = await admin.put('/api/v1/indicators/high_skilled_share/targets/2027', { value: 33.5, isUncertain: false, source: '测试' });
    expect(res.statusCode, res.body).toBe(200);
    expect(IndicatorSchema.parse(res.json()).targets.map((x) => x.year)).toEqual([2025, 2027]);
    expect(card(await dashboard(admin, '?asOf=2026-06-30'), 'high_skilled_share')?.target).toMatchObject({ year: 2027, value: 33.5 });
    const audit = await t.database.db.selectFrom('auditEvents').select('action').where('action', '=', 'indicator.target').execute();
    expect(audit.length).toBe(1);
  });

  it('sums approved reported values over the subtree into an indicator', async () => {
    await t.database.db
      .insertInto('dataElements')
      .values({ code: 'people_trained', kind: 'reported', nameZh: '培训人数', nameEn: 'People trained', unitZh: '人', unitEn: 'people' })
      .execute();
    const now = new Date();
    await t.database.db
      .insertInto('dataValues')
      .values([
        { elementCode: 'people_trained', orgId: orgs.plant, period: '2020', value: '120', approvedValue: '100', approvedAt: now },
        { elementCode: 'people_trained', orgId: orgs.mill, period: '2020', value: '50', approvedValue: '50', approvedAt: now },
        { elementCode: 'people_trained', orgId: orgs.other, period: '2020', value: '999', approvedValue: null, approvedAt: null },
      ])
      .execute();
    const created = await admin.post('/api/v1/indicators', {
      code: 'trained_per_skilled',
      nameZh: '每百名技能劳动者培训人数',
      nameEn: 'Trained per 100 skilled',
      numeratorCode: 'people_trained',
      denominatorCode: 'skilled_workers',
      factor: 100,
      decimals: 2,
    });
    expect(created.statusCode, created.body).toBe(201);
    const province = await dashboard(admin, '?asOf=2020-10-31');
    const expected = Math.round((150 / province.totals.skilled) * 100 * 100) / 100;
    expect(card(province, 'trained_per_skilled')?.value).toBe(expected);
    const wuhan = await dashboard(admin, `?orgId=${orgs.wuhan}&asOf=2020-10-31`);
    expect(card(wuhan, 'trained_per_skilled')?.value).toBe(Math.round((100 / wuhan.totals.skilled) * 100 * 100) / 100);
    const list = IndicatorListSchema.parse((await admin.get('/api/v1/indicators')).json());
    expect(list.elements.map((e) => e.code)).toEqual(expect.arrayContaining(['skilled_workers', 'innovation_studios', 'people_trained']));
  });
});

describe('bulletin and map', () => {
  it('states the figures in sentences, as a page, a PDF and an xlsx', async () => {
    const res = await admin.get('/api/v1/dashboard/bulletin?asOf=2020-10-31');
    expect(res.statusCode, res.body).toBe(200);
    const bulletin = BulletinSchema.parse(res.json());
    expect(bulletin.paragraphs[0]).toMatch(/^截至10月，/);
    expect(bulletin.paragraphs[0]).toContain('高技能人才总量达');
    expect(bulletin.paragraphs[0]).toMatch(/占技能劳动者的\d+\.\d%。$/);
    const mid = BulletinSchema.parse((await admin.get('/api/v1/dashboard/bulletin?asOf=2020-10-15')).json());
    expect(mid.paragraphs[0]).toMatch(/^截至10月15日，/);
    const pdf = await admin.get('/api/v1/dashboard/bulletin.pdf?asOf=2020-10-31');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await admin.get('/api/v1/dashboard/bulletin.xlsx?asOf=2020-10-31');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('takes an administrator’s GeoJSON keyed by division code, and refuses one without codes', async () => {
    expect(DashboardSchema.parse((await admin.get('/api/v1/dashboard')).json()).hasMap).toBe(false);
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: '420100', name: '武汉市' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [114, 30],
                [115, 30],
                [115, 31],
                [114, 30],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { adcode: 420500 },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [111, 30],
                [112, 30],
                [112, 31],
                [111, 30],
              ],
            ],
          },
        },
      ],
    };
    const saved = await admin.put('/api/v1/dashboard/map', { name: '湖北省（测试底图）', geojson });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().map.featureCodes).toEqual(['420100', '420500']);
    expect(DashboardSchema.parse((await admin.get('/api/v1/dashboard')).json()).hasMap).toBe(true);
    const bad = await admin.put('/api/v1/dashboard/map', {
      name: 'x',
      geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] },
    });
    expect(bad.statusCode).toBe(400);
  });
  it('starts a registry that already holds workers with their counts when the indicators arrive (migration 0010)', async () => {
    const worker = await makeWorker(t.system, { orgId: orgs.mill });
    await workersService.grantCredential(t.system, worker.id, { kind: 'skill_level', levelCode: 'technician', issuedOn: '2019-05-01' });
    const db = t.database.db as unknown as Parameters<typeof indicatorsMigration.up>[0];
    await indicatorsMigration.down(db);
    await indicatorsMigration.up(db);
    await expectAggregatesExact();
    const d = await dashboard(admin, '');
    expect(d.totals.skilled).toBeGreaterThan(0);
  });
});
