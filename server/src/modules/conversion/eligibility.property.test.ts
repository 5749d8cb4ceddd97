import { randomUUID } from 'node:crypto';
import { addYears, compilePlan, levelRankOf, verdicts, type WorkerFacts } from '@changai/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWorkerArb, dateArb, isoDateArb, ruleSetArb, workerArb } from '../../../../domain/test/conversion-arbitraries.js';
import { makeOrg, makeWorker, orgByCode } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { ensureDefaultRuleSet } from './conversion.service.js';
import { eligibilityGroups, type FactsSource, latestStart, layoutColumns, layoutSteps, workerVerdicts } from './eligibility.repository.js';
import * as facts from './facts.repository.js';

/** The SQL compiled from the rules and the in-memory evaluator must agree on every worker and rule set. */
let t: TestApp;
const pool: string[] = [];
let poolPath = '';
let ruleSetId = '';

beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrg(t.system, { parentId: (await orgByCode(t.system, '420100')).id });
  for (let i = 0; i < 5; i++) pool.push((await makeWorker(t.system, { orgId: org.id })).id);
  poolPath = (await t.database.db.selectFrom('orgs').select('path').where('id', '=', org.id).executeTakeFirstOrThrow()).path;
  await ensureDefaultRuleSet(t.system);
  ruleSetId = (await t.database.db.selectFrom('conversionRuleSets').select('id').executeTakeFirstOrThrow()).id;
});

/**
 * Facts laid out for these plans, built before the workers are stored so that the triggers, not the
 * build, bring them up to date. Their masks keep the first plan's years only, as for the rules in
 * force (a draft's other years are read from the start dates), taken on `baseOn`.
 */
async function factsFor(plans: ReturnType<typeof compilePlan>[], baseOn: string): Promise<FactsSource> {
  const columns = layoutColumns(plans);
  const first = layoutSteps(plans.slice(0, 1));
  const steps = columns.map((_, i) => first[i] ?? []);
  await t.database.db.transaction().execute((trx) => facts.rebuild(trx, { ruleSetId, columns, steps, baseOn, now: new Date() }));
  return { kind: 'stored', stored: columns.map((_, i) => i), steps, baseOn };
}
afterAll(() => t.close());

async function store(workerId: string, facts: WorkerFacts) {
  const db = t.database.db;
  await db
    .updateTable('workers')
    .set({ occupationCode: facts.occupationCode, isFrontline: facts.isFrontline, employedFrom: facts.employedFrom })
    .where('id', '=', workerId)
    .execute();
  await db.deleteFrom('credentials').where('workerId', '=', workerId).execute();
  if (facts.credentials.length === 0) return;
  // One statement per worker, as an import writes them (the facts triggers run once for it).
  await db
    .insertInto('credentials')
    .values(
      facts.credentials.map((c) => ({
        workerId,
        regionCode: '420106',
        kind: c.kind,
        levelCode: c.levelCode,
        levelRank: levelRankOf(c.kind, c.levelCode),
        occupationCode: c.occupationCode,
        series: c.series,
        name: c.name,
        naturalKey: randomUUID(),
        issuedOn: c.issuedOn,
        source: 'manual',
        status: c.status,
        revokedReason: c.status === 'revoked' ? '测试' : null,
        revokedOn: c.status === 'revoked' ? c.issuedOn : null,
      })),
    )
    .execute();
}

describe('SQL eligibility engine', () => {
  it('agrees with the in-memory evaluator on random workers and rule sets, from the registry and from the facts', async () => {
    await fc.assert(
      fc.asyncProperty(
        ruleSetArb,
        fc.array(workerArb, { minLength: pool.length, maxLength: pool.length }),
        dateArb,
        async (ruleSet, workers, asOf) => {
          const plan = compilePlan(ruleSet);
          const stored = await factsFor([plan], asOf);
          for (let i = 0; i < pool.length; i++) await store(pool[i]!, workers[i]!);
          for (const source of [{ kind: 'live' } as const, stored]) {
            const rows = await workerVerdicts(t.database.db, plan, asOf, pool, source);
            for (let i = 0; i < pool.length; i++) {
              const fromSql = rows.find((r) => r.workerId === pool[i])!.pathways.map((p) => [p.pathwayId, p.now, p.from]);
              const fromMemory = verdicts(plan, workers[i]!, asOf).map((v) => [v.pathwayId, v.outcome === 'eligible', v.eligibleFrom]);
              expect(fromSql).toEqual(fromMemory);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);
});

describe('eligibility table', () => {
  it('counts what the in-memory evaluator finds, for the rules and a draft in one pass, from the registry and from the facts, whatever day the masks were taken on', async () => {
    const categories = { pillar: [], characteristic: [], emerging: [] };
    await fc.assert(
      fc.asyncProperty(
        ruleSetArb,
        fc.oneof(
          fc.tuple(fc.array(workerArb, { minLength: pool.length, maxLength: pool.length }), dateArb),
          fc.tuple(fc.array(closeWorkerArb, { minLength: pool.length, maxLength: pool.length }), isoDateArb(2017, 2022)),
        ),
        fc.record({ p1: fc.integer({ min: 0, max: 6 }), p2: fc.integer({ min: 0, max: 6 }) }),
        fc.oneof(fc.constant(0), fc.integer({ min: -1000, max: 1000 })),
        async (ruleSet, [workers, asOf], draft, baseShift) => {
          const plans = [compilePlan(ruleSet), compilePlan(ruleSet, draft)];
          // Masks taken on asOf itself (as the daily facts job does: every row plain but for a draft's years
          // and negated atoms coming due) or up to three years either side (some spans cover, some not).
          const baseOn = new Date(Date.parse(`${asOf}T00:00:00Z`) + baseShift * 86_400_000).toISOString().slice(0, 10);
          const stored = await factsFor(plans, baseOn);
          for (let i = 0; i < pool.length; i++) await store(pool[i]!, workers[i]!);
          const horizon = addYears(asOf, 1);
          const opts = { asOf, horizon, population: { orgPath: poolPath, employedOnly: true }, categories };
          const both = await eligibilityGroups(t.database.db, plans, opts);
          expect(await eligibilityGroups(t.database.db, plans, { ...opts, source: stored })).toEqual(both);
          // The whole province, which on the base day reads the tally and corrects only the draft's rows.
          const province = { ...opts, population: { employedOnly: true } };
          expect(await eligibilityGroups(t.database.db, plans, { ...province, source: stored })).toEqual(
            await eligibilityGroups(t.database.db, plans, province),
          );
          plans.forEach((plan, q) => {
            const groups = both[q]!;
            expect(groups.reduce((n, g) => n + g.workers, 0)).toBe(pool.length);
            plan.pathways.forEach((_, k) => {
              const memory = workers.map((w) => verdicts(plan, w, asOf)[k]!);
              expect(groups.reduce((n, g) => n + g.now[k]!, 0)).toBe(memory.filter((v) => v.outcome === 'eligible').length);
              expect(groups.reduce((n, g) => n + g.soon[k]!, 0)).toBe(
                memory.filter((v) => v.outcome === 'eligible_from' && v.eligibleFrom! <= horizon).length,
              );
            });
          });
        },
      ),
      { numRuns: 80 },
    );
  }, 180_000);
});

describe('eligibility table, a pathway true for part of the year', () => {
  it('counts a worker who becomes eligible within the year though a negated credential ends it before the horizon', async () => {
    const ruleSet = fc.sample(ruleSetArb, { numRuns: 1, seed: 1 })[0]!;
    const base = ruleSet.pathways[0]!;
    const plan = compilePlan({
      ...ruleSet,
      pathways: [
        {
          ...base,
          field: undefined,
          exceptions: [],
          condition: {
            type: 'allOf',
            conditions: [
              { type: 'holds', kind: 'skill_level', minLevel: 'senior', years: 0 },
              { type: 'not', condition: { type: 'holds', kind: 'title', minLevel: 'intermediate', years: 0 } },
            ],
          },
        },
      ],
    });
    const stored = await factsFor([plan], '2025-01-01');
    const credential = { occupationCode: null, series: null, name: null, status: 'valid' as const };
    const worker: WorkerFacts = {
      occupationCode: null,
      isFrontline: false,
      employedFrom: null,
      credentials: [
        { ...credential, kind: 'skill_level', levelCode: 'senior', issuedOn: '2025-03-01' },
        { ...credential, kind: 'title', levelCode: 'intermediate', series: 'engineering', issuedOn: '2025-06-01' },
      ],
    };
    for (const id of pool) await store(id, worker);
    const [verdict] = verdicts(plan, worker, '2025-01-01');
    expect(verdict).toMatchObject({ outcome: 'eligible_from', eligibleFrom: '2025-03-01' });
    const opts = { asOf: '2025-01-01', horizon: '2026-01-01', population: { orgPath: poolPath, employedOnly: true } };
    const categories = { pillar: [], characteristic: [], emerging: [] };
    for (const source of [{ kind: 'live' } as const, stored]) {
      const [groups] = await eligibilityGroups(t.database.db, [plan], { ...opts, categories, source });
      expect(groups!.reduce((n, g) => n + g.soon[0]!, 0)).toBe(pool.length);
    }
  });
});

describe('latestStart', () => {
  it('turns "start + n years <= T" into "start <= constant", leap days included', () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: 0, max: 10 }), (start, t, years) => {
        expect(addYears(start, years) <= t).toBe(start <= latestStart(t, years));
      }),
      { numRuns: 2000 },
    );
    expect(latestStart('2021-02-28', 1)).toBe('2020-02-29');
    expect(latestStart('2024-02-29', 4)).toBe('2020-02-29');
  });
});
