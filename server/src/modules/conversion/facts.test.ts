import { compilePlan } from '@changai/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFactsFresh } from '../../../test/conversion-facts.js';
import { makeIdNumber, makeOrg, makeUser, makeWorker, orgByCode } from '../../../test/factories.js';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import * as workersService from '../workers/workers.service.js';
import * as conversion from './conversion.service.js';
import { eligibilityGroups, layoutColumns } from './eligibility.repository.js';
import * as facts from './facts.repository.js';

/** The stored per-worker facts must always equal what a from-scratch recomputation gives. */
let t: TestApp;
let hr: Client;
let enterprise: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  enterprise = await makeOrg(t.system, { parentId: (await orgByCode(t.system, '420107')).id, name: '武汉锅炉厂' });
  hr = await signIn(t.app, (await makeUser(t.system, { orgId: enterprise.id, role: 'enterprise_hr' })).username);
});
afterAll(() => t.close());

function multipart(fileName: string, content: Buffer) {
  const boundary = '----changai-facts-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('per-worker facts', () => {
  it('are built for the rules in force and stay equal to a recomputation through imports, edits and revocations', async () => {
    const firstId = makeIdNumber('420107', '1975-08-08');
    const first = await makeWorker(t.system, { orgId: enterprise.id, idNumber: firstId, name: '张建国' });
    const built = await conversion.buildFacts(t.system);
    expect(built.workers).toBeGreaterThan(0);
    await expectFactsFresh(t);

    // An import (a job, inserting workers and credentials in statements of many rows): the facts of the
    // people it creates are worked out from the rows, those of the people it updates read back.
    const ids = Array.from({ length: 5 }, (_, i) => makeIdNumber('420107', `198${i}-03-1${i}`));
    const csv = [
      '姓名,公民身份号码,工作单位,职业技能等级,发证日期,职业代码,是否一线职工,入职日期,职称,职称系列,职称取得日期',
      `董永祥,${ids[0]},${enterprise.name},技师,2019-06-30,6-18-01-01,是,2008-07-01,,,`,
      `李娜,${ids[1]},${enterprise.name},高级工,2020-10-01,4-01-02-03,否,2012-03-01,中级,工程系列,2021-12-01`,
      `王伟,${ids[2]},${enterprise.name},高级技师,2015-01-20,,是,,,,`,
      `刘洋,${ids[3]},${enterprise.name},中级工,2022-05-01,6-18-01-01,,2020-01-01,,,`,
      `刘洋,${ids[3]},${enterprise.name},,,6-18-01-01,,2020-01-01,助理级,工程系列,2023-06-30`,
      `陈静,${ids[4]},${enterprise.name},,,,是,2001-09-01,副高级,工程系列,2016-11-11`,
      `张建国,${firstId},${enterprise.name},高级工,2018-04-04,6-18-01-01,是,2005-05-05,,,`,
    ].join('\r\n');
    const upload = await hr.request({
      method: 'POST',
      url: '/api/v1/imports/workers',
      ...multipart('名单.csv', Buffer.from(`${csv}\r\n`)),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const preview = upload.json();
    const started = await hr.post(`/api/v1/imports/uploads/${preview.uploadId}/start`, { mapping: preview.mapping });
    expect(started.statusCode, started.body).toBe(202);
    await t.runJobs();
    const job = (await hr.get(`/api/v1/jobs/${started.json().id}`)).json();
    // A row counts as imported when it brings a person or a credential not stored before.
    expect(job.result).toMatchObject({ imported: 7, rejected: 0 });
    await expectFactsFresh(t);

    // Manual edits: the worker's own facts, then credentials granted and one revoked.
    await workersService.update(t.system, first.id, {
      occupationCode: '6-18-01-01',
      employedFrom: '2010-07-01',
      isFrontline: true,
      industryDivision: 'C',
    });
    await expectFactsFresh(t);
    await workersService.grantCredential(t.system, first.id, {
      kind: 'skill_level',
      levelCode: 'technician',
      occupationCode: '6-18-01-01',
      issuedOn: '2018-06-30',
    });
    const honour = await workersService.grantCredential(t.system, first.id, { kind: 'honor', name: '荆楚工匠', issuedOn: '2021-12-01' });
    await workersService.grantCredential(t.system, first.id, {
      kind: 'title',
      levelCode: 'intermediate',
      series: '工程',
      issuedOn: '2020-01-01',
    });
    await expectFactsFresh(t);
    const before = (await facts.listStored(t.database.db, 64)).find((r) => r.id === first.id)!;
    await workersService.revokeCredential(t.system, honour.id, { reason: '撤销荣誉' });
    await expectFactsFresh(t);
    expect((await facts.listStored(t.database.db, 64)).find((r) => r.id === first.id)).not.toEqual(before);

    // Leaving employment, and moving to another unit.
    await workersService.update(t.system, first.id, { status: 'retired' });
    const other = await makeOrg(t.system, { parentId: (await orgByCode(t.system, '420106')).id });
    const second = await makeWorker(t.system, { orgId: enterprise.id });
    await workersService.update(t.system, second.id, { orgId: other.id });
    await expectFactsFresh(t);
  });

  it('answers the table from the facts as the registry itself would', async () => {
    const rules = await conversion.currentRuleSet(t.system, '2026-03-01');
    // Drafts counting fewer and more years than the facts keep truths for.
    const plans = [
      compilePlan(rules.definition),
      compilePlan(rules.definition, { technician_to_intermediate_years: 1 }),
      compilePlan(rules.definition, { technician_after_senior_years: 30, senior_technician_after_technician_years: 30 }),
    ];
    const layout = (await facts.findLayout(t.database.db))!;
    const stored = facts.storedColumns(layout, layoutColumns(plans))!;
    expect(stored).toBeDefined();
    const opts = {
      asOf: '2026-03-01',
      horizon: '2027-03-01',
      population: { employedOnly: true },
      categories: { pillar: ['C'], characteristic: [], emerging: [] },
    };
    const live = await eligibilityGroups(t.database.db, plans, opts);
    const fromFacts = await eligibilityGroups(t.database.db, plans, {
      ...opts,
      source: { kind: 'stored', stored, steps: layout.steps, baseOn: layout.baseOn },
    });
    expect(fromFacts).toEqual(live);
    // The rules in force alone, on the base day: counted from the tally.
    const source = {
      kind: 'stored' as const,
      stored: facts.storedColumns(layout, layoutColumns(plans.slice(0, 1)))!,
      steps: layout.steps,
      baseOn: layout.baseOn,
    };
    expect(layout.baseOn).toBe(opts.asOf);
    expect(await eligibilityGroups(t.database.db, plans.slice(0, 1), { ...opts, source })).toEqual(live.slice(0, 1));
    expect(live[0]!.some((g) => g.now.some((n) => n > 0))).toBe(true);
    const eligibleNow = (q: number) => live[q]!.reduce((n, g) => n + g.now.reduce((a, b) => a + b, 0), 0);
    expect(eligibleNow(2)).toBeLessThan(eligibleNow(0));
  });

  it('takes the masks anew once a day for the rows whose span has ended, and still answers as the registry', async () => {
    const later: typeof t.system = { ...t.system, now: () => new Date('2031-07-01T08:00:00Z') };
    expect((await facts.findLayout(t.database.db))?.baseOn).toBe('2026-03-01');
    const first = await conversion.refreshStaleFacts(later);
    expect(first).toMatchObject({ rebuilt: false });
    expect(first.rebased).toBeGreaterThan(0);
    expect((await facts.findLayout(t.database.db))?.baseOn).toBe('2031-07-01');
    expect(await conversion.refreshStaleFacts(later)).toEqual({ rebuilt: false });
    await expectFactsFresh(t);
    const rows = await facts.listStored(t.database.db, 0);
    expect(rows.some((r) => r.validUntil !== null && (r.validUntil as string) <= '2031-07-01')).toBe(false);

    const rules = await conversion.currentRuleSet(later, '2031-07-01');
    const plans = [compilePlan(rules.definition), compilePlan(rules.definition, { technician_to_intermediate_years: 1 })];
    const layout = (await facts.findLayout(t.database.db))!;
    const opts = {
      asOf: '2031-07-01',
      horizon: '2032-07-01',
      population: { employedOnly: false },
      categories: { pillar: [], characteristic: [], emerging: [] },
    };
    const source = {
      kind: 'stored' as const,
      stored: facts.storedColumns(layout, layoutColumns(plans))!,
      steps: layout.steps,
      baseOn: layout.baseOn,
    };
    expect(await eligibilityGroups(t.database.db, plans, { ...opts, source })).toEqual(await eligibilityGroups(t.database.db, plans, opts));
  });

  it('leaves the facts to a writer that defers them, until it recomputes the workers it touched', async () => {
    const worker = await makeWorker(t.system, { orgId: enterprise.id });
    const factsOf = () =>
      t.database.db.selectFrom('conversionFacts').select(['mask', 'validFrom']).where('workerId', '=', worker.id).executeTakeFirstOrThrow();
    const before = await factsOf();
    await t.database.db.transaction().execute(async (trx) => {
      await conversion.deferFacts(trx);
      await trx
        .insertInto('credentials')
        .values({
          workerId: worker.id,
          regionCode: '420107',
          kind: 'skill_level',
          levelCode: 'senior',
          levelRank: 3,
          naturalKey: 'deferred-1',
          issuedOn: '2015-01-20',
          source: 'manual',
          status: 'valid',
        })
        .execute();
      expect(
        await trx.selectFrom('conversionFacts').select(['mask', 'validFrom']).where('workerId', '=', worker.id).executeTakeFirstOrThrow(),
      ).toEqual(before);
      await conversion.refreshFactsOf(trx, [worker.id]);
    });
    expect(await factsOf()).not.toEqual(before);
    await expectFactsFresh(t);
  });

  it('keeps the tally from growing with each fold', async () => {
    const db = t.database.db;
    const size = async () =>
      Number((await sql<{ bytes: string }>`select pg_relation_size('conversion_facts_tally') as bytes`.execute(db)).rows[0]!.bytes);
    // 20,000 groups of no worker, counted and then taken back: the real tally is left as it was.
    const groups = (n: number) => sql`
      insert into conversion_facts_tally (prefecture, industry_division, mask, mask_h, mids, n)
      select '429900', 'C', g, g, null, ${n}::bigint from generate_series(1, 20000) g`;
    await groups(1).execute(db);
    // A fold writes the groups anew beside their old copy, which the vacuum frees for the next fold
    // (or cuts off, at the table's end): the table stays within two copies of itself. Without the
    // vacuum each fold would leave one more dead copy behind.
    await facts.compactTally(db);
    const once = await size();
    await facts.compactTally(db);
    const twoCopies = Math.max(once, await size());
    for (let i = 0; i < 5; i++) {
      await facts.compactTally(db);
      expect(await size()).toBeLessThanOrEqual(twoCopies);
    }
    await groups(-1).execute(db);
    await facts.compactTally(db);
    await expectFactsFresh(t);
  });

  it('falls back to the registry when new rules read other columns, until the job their save queued rebuilds the facts', async () => {
    const rules = await conversion.currentRuleSet(t.system, '2026-03-01');
    const definition = structuredClone(rules.definition);
    const pathway = definition.pathways.find((p) => p.condition.type === 'allOf')!;
    pathway.condition = { type: 'anyOf', conditions: [pathway.condition, { type: 'holds', kind: 'honor', names: ['新荣誉'] }] };
    await conversion.saveRuleSet(t.system, { definition, note: '测试' } as never);
    const stale = await conversion.eligibility(t.system, {});
    const queued = await t.database.db.selectFrom('jobs').select('status').where('kind', '=', conversion.FACTS_JOB).execute();
    expect(queued.map((j) => j.status)).toContain('queued');
    await t.runJobs();
    const layout = (await facts.findLayout(t.database.db))!;
    expect(layout.columns).toContain(
      JSON.stringify({
        type: 'holds',
        kind: 'honor',
        minRank: null,
        levels: null,
        names: ['新荣誉'],
        occupationPrefixes: null,
        seriesNames: null,
        years: 0,
        fromWork: false,
      }),
    );
    await expectFactsFresh(t);
    const fresh = await conversion.eligibility(t.system, {});
    expect({ ...fresh, elapsedMs: 0 }).toEqual({ ...stale, elapsedMs: 0 });
  });
});
