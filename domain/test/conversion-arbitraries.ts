import fc from 'fast-check';
import type { Condition, CredentialFact, Pathway, RuleSet, WorkerFacts } from '../src/conversion/rule-set.js';
import { SKILL_LEVEL_CODES } from '../src/skill-levels.js';
import { TITLE_LEVEL_CODES } from '../src/titles.js';

/** Random rule sets and workers over a small vocabulary, so conditions often meet the facts. */

const FIELDS = [
  { code: 'eng', name: { zh: '工程', en: 'eng' }, occupationPrefixes: ['6-', '4-01'], seriesNames: ['engineering', '工程'] },
  { code: 'agr', name: { zh: '农业', en: 'agr' }, occupationPrefixes: ['5-'], seriesNames: ['agriculture'] },
];
const OCCUPATIONS = ['6-18-01-01', '4-01-02-03', '4-02-01-01', '5-01-02-01', null];
const SERIES = ['engineering', '工程', 'agriculture', 'economics', null];
const HONORS = ['全国技术能手', '荆楚工匠', '中华技能大奖', 'x'];
const ACADEMIC = ['secondary_vocational', 'senior_worker_class', 'bachelor'];
const PARAMS = ['p1', 'p2'];

export const isoDateArb = (min = 1995, max = 2035) =>
  fc.tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  });
// Leap days and month ends are where date arithmetic disagrees, so they come often.
export const dateArb = fc.oneof(isoDateArb(), fc.constantFrom('2016-02-29', '2020-02-29', '2019-12-31', '2021-01-31', '2024-02-29'));

const yearsArb = fc.oneof(
  fc.integer({ min: 0, max: 6 }),
  fc.constantFrom(...PARAMS).map((param) => ({ param })),
);

const holdsArb = (hasField: boolean): fc.Arbitrary<Condition> =>
  fc.oneof(
    fc
      .record(
        {
          type: fc.constant('holds' as const),
          kind: fc.constantFrom('skill_level' as const, 'title' as const),
          minLevel: fc.constantFrom(...SKILL_LEVEL_CODES.slice(0, 5)),
          related: fc.boolean().map((b) => b && hasField),
          years: yearsArb,
          yearsOf: fc.constantFrom('holding' as const, 'work' as const),
        },
        { requiredKeys: ['type', 'kind'] },
      )
      .map((c) =>
        c.kind === 'title' && c.minLevel ? { ...c, minLevel: TITLE_LEVEL_CODES[SKILL_LEVEL_CODES.indexOf(c.minLevel as never) % 5]! } : c,
      ),
    fc.record(
      {
        type: fc.constant('holds' as const),
        kind: fc.constant('skill_level' as const),
        levels: fc.subarray([...SKILL_LEVEL_CODES.slice(1, 6)], { minLength: 1 }),
        years: yearsArb,
      },
      { requiredKeys: ['type', 'kind', 'levels'] },
    ),
    fc.record(
      {
        type: fc.constant('holds' as const),
        kind: fc.constant('honor' as const),
        names: fc.subarray(HONORS, { minLength: 1 }),
        years: yearsArb,
      },
      { requiredKeys: ['type', 'kind', 'names'] },
    ),
    fc.record({
      type: fc.constant('holds' as const),
      kind: fc.constant('academic' as const),
      levels: fc.subarray(ACADEMIC, { minLength: 1 }),
    }),
  );

const leafArb = (hasField: boolean): fc.Arbitrary<Condition> =>
  fc.oneof(
    { arbitrary: holdsArb(hasField), weight: 5 },
    { arbitrary: fc.record({ type: fc.constant('workYears' as const), years: yearsArb }), weight: 1 },
    { arbitrary: fc.constant({ type: 'frontline' as const }), weight: 1 },
    { arbitrary: hasField ? fc.constant({ type: 'occupation' as const }) : fc.constant({ type: 'frontline' as const }), weight: 1 },
  );

export const conditionArb = (hasField: boolean): fc.Arbitrary<Condition> =>
  fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb(hasField),
      fc.record({ type: fc.constant('allOf' as const), conditions: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ type: fc.constant('anyOf' as const), conditions: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ type: fc.constant('not' as const), condition: tie('node') }),
    ),
  })).node;

const pathwayArb = (i: number): fc.Arbitrary<Pathway> =>
  fc.option(fc.constantFrom('eng', 'agr'), { nil: undefined }).chain((field) =>
    fc
      .record({
        condition: conditionArb(field !== undefined),
        exceptions: fc.array(
          conditionArb(field !== undefined).map((condition) => ({ id: 'x', name: { zh: '破格', en: 'exception' }, condition })),
          { maxLength: 1 },
        ),
      })
      .map(({ condition, exceptions }) => ({
        id: `p${i}`,
        name: { zh: `路径${i}`, en: `pathway ${i}` },
        channel: 'skill_ladder' as const,
        grants: { kind: 'skill_level' as const, level: 'technician' },
        issuesCredential: true,
        ...(field ? { field } : {}),
        condition,
        exceptions,
        source: 's',
        confidence: 'H' as const,
      })),
  );

export const ruleSetArb: fc.Arbitrary<RuleSet> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }))
  .chain(([n, p1, p2]) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => pathwayArb(i))).map((pathways) => ({
      code: 'random',
      name: { zh: '随机', en: 'random' },
      effectiveFrom: '2000-01-01',
      sources: [{ id: 's', title: 'test', confidence: 'H' as const }],
      parameters: [
        { key: 'p1', value: p1, unit: 'years' as const, description: { zh: '', en: '' }, confidence: 'H' as const, source: 's' },
        { key: 'p2', value: p2, unit: 'years' as const, description: { zh: '', en: '' }, confidence: 'H' as const, source: 's' },
      ],
      fields: FIELDS,
      pathways,
    })),
  );

const credentialArbOf = (dateArb: fc.Arbitrary<string>): fc.Arbitrary<CredentialFact> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('skill_level' as const),
      levelCode: fc.constantFrom(...SKILL_LEVEL_CODES),
      occupationCode: fc.constantFrom(...OCCUPATIONS),
      series: fc.constant(null),
      name: fc.constant(null),
      issuedOn: dateArb,
      status: fc.constantFrom('valid' as const, 'valid' as const, 'revoked' as const),
    }),
    fc.record({
      kind: fc.constant('title' as const),
      levelCode: fc.constantFrom(...TITLE_LEVEL_CODES),
      occupationCode: fc.constant(null),
      series: fc.constantFrom(...SERIES),
      name: fc.constant(null),
      issuedOn: dateArb,
      status: fc.constantFrom('valid' as const, 'revoked' as const),
    }),
    fc.record({
      kind: fc.constant('honor' as const),
      levelCode: fc.constant(null),
      occupationCode: fc.constant(null),
      series: fc.constant(null),
      name: fc.constantFrom(...HONORS),
      issuedOn: dateArb,
      status: fc.constant('valid' as const),
    }),
    fc.record({
      kind: fc.constant('academic' as const),
      levelCode: fc.constantFrom(...ACADEMIC),
      occupationCode: fc.constant(null),
      series: fc.constant(null),
      name: fc.constant(null),
      issuedOn: dateArb,
      status: fc.constant('valid' as const),
    }),
  );

const workerArbOf = (dateArb: fc.Arbitrary<string>): fc.Arbitrary<WorkerFacts> =>
  fc.record({
    occupationCode: fc.constantFrom(...OCCUPATIONS),
    isFrontline: fc.boolean(),
    employedFrom: fc.option(dateArb, { nil: null }),
    credentials: fc.array(credentialArbOf(dateArb), { maxLength: 5 }),
  });

export const workerArb = workerArbOf(dateArb);
/**
 * Workers whose dates all fall within three years, so that on a day near them several atoms come due
 * within the same year (one turning a pathway true, a negated one turning it false again).
 */
export const closeWorkerArb = workerArbOf(isoDateArb(2018, 2020));
