import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateArb, ruleSetArb, workerArb } from '../../test/conversion-arbitraries.js';
import { addYears } from './dates.js';
import { DEFAULT_RULE_SET } from './default-rules.js';
import { atomDate, evaluateWorker, firstTrue, truthAt, verdicts } from './evaluate.js';
import { compilePlan, risingAtoms } from './plan.js';
import type { CredentialFact, RuleSet, WorkerFacts } from './rule-set.js';
import { validateRuleSet } from './validate.js';

const skill = (levelCode: string, issuedOn: string, extra: Partial<CredentialFact> = {}): CredentialFact => ({
  kind: 'skill_level',
  levelCode,
  occupationCode: '6-18-01-01',
  series: null,
  name: null,
  issuedOn,
  status: 'valid',
  ...extra,
});
const title = (levelCode: string, issuedOn: string, series = '工程'): CredentialFact => ({
  kind: 'title',
  levelCode,
  occupationCode: null,
  series,
  name: null,
  issuedOn,
  status: 'valid',
});
const honor = (name: string, issuedOn: string): CredentialFact => ({
  kind: 'honor',
  levelCode: null,
  occupationCode: null,
  series: null,
  name,
  issuedOn,
  status: 'valid',
});
const worker = (credentials: CredentialFact[], extra: Partial<WorkerFacts> = {}): WorkerFacts => ({
  occupationCode: '6-18-01-01',
  isFrontline: true,
  employedFrom: '2010-07-01',
  credentials,
  ...extra,
});
const pathway = (facts: WorkerFacts, id: string, asOf = '2026-03-01') => {
  const found = evaluateWorker(DEFAULT_RULE_SET, facts, asOf).find((p) => p.pathwayId === id);
  if (!found) throw new Error(`no pathway ${id}`);
  return found;
};
const flatten = (e: { facts: { zh: string; en: string }; children?: unknown[] }): string[] => [
  e.facts.en,
  ...((e.children ?? []) as (typeof e)[]).flatMap(flatten),
];

describe('addYears', () => {
  it.each([
    ['2019-06-30', 3, '2022-06-30'],
    ['2020-02-29', 1, '2021-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
    ['2021-01-31', 0, '2021-01-31'],
  ])('%s + %i years = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });
});

describe('the default rule set', () => {
  it('is valid and cites a known source for every pathway and parameter', () => {
    expect(validateRuleSet(DEFAULT_RULE_SET)).toEqual([]);
    const sources = new Set(DEFAULT_RULE_SET.sources.map((s) => s.id));
    for (const p of DEFAULT_RULE_SET.pathways) expect(sources.has(p.source)).toBe(true);
    expect(DEFAULT_RULE_SET.sources.find((s) => s.id === 'mohrss-2020-96')?.number).toBe('人社部发〔2020〕96号');
  });

  it('says so in the note of every pathway whose facts DOMAIN.md marks uncertain', () => {
    for (const p of DEFAULT_RULE_SET.pathways.filter((x) => x.confidence !== 'H' && x.channel !== 'skill_ladder')) {
      expect(p.note?.zh, p.id).toMatch(/M|L/);
    }
  });
});

describe('skill level → title', () => {
  it('finds a frontline 技师 with three years of technical work eligible for the intermediate title, in the worker’s own facts', () => {
    const result = pathway(worker([skill('technician', '2019-06-30')]), 'skill-to-title-intermediate');
    expect(result.outcome).toBe('eligible');
    expect(result.via).toBe('rule');
    expect(flatten(result.condition)).toContain(
      'Technician obtained 2019-06-30; needs 3 years of technical work after it: met on 2022-06-30',
    );
    expect(flatten(result.condition).join()).toContain('Frontline worker: met');
  });

  it('gives the date a recent 技师 becomes eligible', () => {
    const result = pathway(worker([skill('technician', '2024-06-30')]), 'skill-to-title-intermediate');
    expect(result.outcome).toBe('eligible_from');
    expect(result.eligibleFrom).toBe('2027-06-30');
    expect(result.summary.zh).toContain('2027-06-30');
  });

  it('counts technical work from the start of employment when it came after the certificate', () => {
    const result = pathway(worker([skill('technician', '2019-06-30')], { employedFrom: '2024-01-15' }), 'skill-to-title-intermediate');
    expect(result.eligibleFrom).toBe('2027-01-15');
  });

  it('refuses a worker who is not on the front line, or whose occupation is outside the field', () => {
    expect(pathway(worker([skill('technician', '2019-06-30')], { isFrontline: false }), 'skill-to-title-intermediate').outcome).toBe(
      'not_eligible',
    );
    expect(
      pathway(worker([skill('technician', '2019-06-30', { occupationCode: '5-01-02-01' })]), 'skill-to-title-intermediate').outcome,
    ).toBe('not_eligible');
  });

  it('does not offer a title the worker already holds', () => {
    const result = pathway(worker([skill('technician', '2019-06-30'), title('intermediate', '2024-01-01')]), 'skill-to-title-intermediate');
    expect(result.outcome).toBe('not_eligible');
  });

  it('ignores revoked certificates', () => {
    const result = pathway(worker([skill('technician', '2019-06-30', { status: 'revoked' })]), 'skill-to-title-intermediate');
    expect(result.outcome).toBe('not_eligible');
    expect(flatten(result.condition).join()).toContain('No such credential');
  });

  it('lets an honour open the exception (破格) before the years are served', () => {
    const result = pathway(worker([skill('technician', '2025-06-30'), honor('荆楚工匠', '2025-09-01')]), 'skill-to-title-intermediate');
    expect(result.outcome).toBe('eligible');
    expect(result.via).toBe('outstanding-technician');
    expect(result.summary.en).toContain('exception');
  });

  it('opens the green channel to a senior title for a 中华技能大奖 laureate', () => {
    expect(pathway(worker([honor('中华技能大奖', '2022-01-01')]), 'green-channel-senior').outcome).toBe('eligible');
  });
});

describe('title → skill level', () => {
  it('lets an engineer (intermediate title) held one year apply for 技师', () => {
    const result = pathway(worker([title('intermediate', '2024-06-01')]), 'title-to-skill-technician');
    expect(result.outcome).toBe('eligible');
  });

  it('takes the alternative route: an assistant title held five years and 高级工 held one', () => {
    const facts = worker([title('assistant', '2020-01-10'), skill('senior', '2025-09-01')]);
    expect(pathway(facts, 'title-to-skill-technician').outcome).toBe('eligible_from');
    expect(pathway(facts, 'title-to-skill-technician').eligibleFrom).toBe('2026-09-01');
  });

  it('requires the title series to correspond to the field', () => {
    expect(pathway(worker([title('intermediate', '2020-06-01', 'economics')]), 'title-to-skill-technician').outcome).toBe('not_eligible');
  });
});

describe('the skill ladder, competitions and equivalences', () => {
  it('counts years in the trade toward 中级工 when no certificate is held', () => {
    const result = pathway(worker([], { employedFrom: '2022-05-01' }), 'ladder-intermediate');
    expect(result.eligibleFrom).toBe('2027-05-01');
  });

  it('promotes a national contest winner to 技师, and a 技师 winner to 高级技师', () => {
    expect(pathway(worker([honor('全国技术能手', '2025-11-01')]), 'competition-technician').outcome).toBe('eligible');
    const technician = worker([skill('technician', '2020-01-01'), honor('全国技术能手', '2025-11-01')]);
    expect(pathway(technician, 'competition-technician').outcome).toBe('not_eligible');
    expect(pathway(technician, 'competition-senior-technician').outcome).toBe('eligible');
  });

  it('treats a senior-worker class graduate as junior college, for the named purposes only, issuing nothing', () => {
    const facts = worker([{ ...skill('senior', '2020-01-01'), kind: 'academic', levelCode: 'senior_worker_class', occupationCode: null }]);
    const result = pathway(facts, 'equivalence-senior-class');
    expect(result.outcome).toBe('eligible');
    expect(result.issuesCredential).toBe(false);
    expect(result.grants.purposes).toContain('title_review');
  });
});

describe('validateRuleSet', () => {
  it('locates references to unknown parameters, fields, sources and levels', () => {
    const broken: RuleSet = {
      ...DEFAULT_RULE_SET,
      pathways: [
        {
          ...DEFAULT_RULE_SET.pathways[0]!,
          field: 'nowhere',
          source: 'nobody',
          condition: {
            type: 'allOf',
            conditions: [
              { type: 'holds', kind: 'skill_level', minLevel: 'wizard', years: { param: 'missing' } },
              { type: 'holds', kind: 'honor', related: true },
            ],
          },
        },
      ],
    };
    expect(validateRuleSet(broken)).toEqual([
      { path: 'pathways.0.field', message: 'rules.unknown_field' },
      { path: 'pathways.0.source', message: 'rules.unknown_source' },
      { path: 'pathways.0.condition.conditions.0.years.param', message: 'rules.unknown_parameter' },
      { path: 'pathways.0.condition.conditions.0.minLevel', message: 'rules.level_unknown' },
      { path: 'pathways.0.condition.conditions.1.related', message: 'rules.related_kind' },
    ]);
  });
});

describe('properties', () => {
  it('gives the first date the pathway holds: true then, false at every earlier candidate date', () => {
    fc.assert(
      fc.property(ruleSetArb, workerArb, dateArb, (ruleSet, facts, asOf) => {
        const plan = compilePlan(ruleSet);
        const dates = plan.atoms.map((a) => atomDate(a, facts));
        for (const p of plan.pathways) {
          const r = firstTrue(p.whole, dates, asOf);
          expect(r.now).toBe(truthAt(p.whole, dates, asOf));
          // Any date at which the truth could change, and the days just before them.
          const probes = dates.filter((d): d is string => d !== null && d > asOf);
          const firstProbe = probes.filter((d) => truthAt(p.whole, dates, d)).sort()[0] ?? null;
          if (!r.now) expect(r.from).toBe(firstProbe);
          if (r.from) expect(risingAtoms(p.whole).size).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('explains with the same outcome as the bare verdicts, and every node says met or unmet', () => {
    fc.assert(
      fc.property(ruleSetArb, workerArb, dateArb, (ruleSet, facts, asOf) => {
        const explained = evaluateWorker(ruleSet, facts, asOf);
        const bare = verdicts(compilePlan(ruleSet), facts, asOf);
        expect(explained.map((e) => [e.pathwayId, e.outcome, e.eligibleFrom])).toEqual(
          bare.map((b) => [b.pathwayId, b.outcome, b.eligibleFrom]),
        );
        for (const e of explained) {
          expect(e.condition.facts.zh.length).toBeGreaterThan(0);
          expect(e.condition.facts.en.length).toBeGreaterThan(0);
          if (e.outcome === 'eligible') expect(e.via).not.toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never makes a worker eligible later when a years parameter is lowered, for rules without negation', () => {
    const positive = ruleSetArb.filter((r) => !JSON.stringify(r.pathways).includes('"not"'));
    fc.assert(
      fc.property(positive, workerArb, dateArb, (ruleSet, facts, asOf) => {
        const base = verdicts(compilePlan(ruleSet), facts, asOf);
        const lower = verdicts(compilePlan(ruleSet, { p1: 0, p2: 0 }), facts, asOf);
        base.forEach((b, i) => {
          const l = lower[i]!;
          if (b.outcome === 'eligible') expect(l.outcome).toBe('eligible');
          if (b.outcome === 'eligible_from') expect(l.outcome === 'eligible' || (l.eligibleFrom ?? '9999') <= b.eligibleFrom!).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
