/**
 * The figures the demo province must reproduce from its rows, with their sources (DOMAIN.md):
 * Hubei, as of 2020-10-31, 8.987 million skilled workers of whom 2.705 million (30.1%) high-skilled;
 * as of 2022-09-30, 9.56 million skilled and 2.92 million high-skilled (30.5%).
 */
export const DEMO_MILESTONES = [
  { asOf: '2020-10-31', skilled: 8_987_000, highSkilled: 2_705_000 },
  { asOf: '2022-09-30', skilled: 9_560_000, highSkilled: 2_920_000 },
] as const;

/** Growth after the last published figure, up to the end of the demo, as a share of its skilled count. */
export const DEMO_GROWTH_AFTER = { until: '2026-10-31', share: 0.04, highShare: 0.3 } as const;

/** Share of employment by prefecture-level division (approximate, Wuhan largest). */
export const PREFECTURE_WEIGHTS: Record<string, number> = {
  '420100': 32,
  '420200': 4,
  '420300': 5,
  '420500': 9,
  '420600': 9,
  '420700': 2,
  '420800': 4.5,
  '420900': 6,
  '421000': 6,
  '421100': 6,
  '421200': 3.5,
  '421300': 2.5,
  '422800': 3,
  '429004': 2,
  '429005': 1.8,
  '429006': 1.5,
  '429021': 0.2,
};

/** Of each population, how its highest skill level is distributed (rank → weight). */
export const HIGH_RANKS: [number, number][] = [
  [4, 70],
  [5, 22],
  [6, 7.5],
  [7, 0.35],
  [8, 0.15],
];
export const LOWER_RANKS: [number, number][] = [
  [2, 35],
  [3, 65],
];

export type ScaledCounts = {
  /** High-skilled by the first milestone. */
  highAtFirst: number;
  /** Skilled but not high-skilled at the first milestone, reaching 高级工 before the second. */
  upgradedBetween: number;
  /** Skilled but not high-skilled at the first milestone, not upgraded by the second. */
  lowerAtFirst: number;
  /** First skill credential between the milestones: high-skilled, and not. */
  newHighBetween: number;
  newLowerBetween: number;
  /** First skill credential after the second milestone (growth, not part of the figures). */
  newAfter: number;
  total: number;
};

export type Figures = { skilled: number; highSkilled: number };
const NONE: Figures = { skilled: 0, highSkilled: 0 };

/**
 * Splits the scaled figures into the populations the generator draws, so the totals come out exactly,
 * counting the workers already in the registry at each milestone (the demo accounts' own records).
 */
export function scaledCounts(scale: number, existing: { first: Figures; second: Figures } = { first: NONE, second: NONE }): ScaledCounts {
  const [first, second] = DEMO_MILESTONES;
  const n1 = Math.round(first.skilled * scale) - existing.first.skilled;
  const h1 = Math.round(first.highSkilled * scale) - existing.first.highSkilled;
  const n2 = Math.round(second.skilled * scale) - existing.second.skilled;
  const h2 = Math.round(second.highSkilled * scale) - existing.second.highSkilled;
  const newHighBetween = Math.round((h2 - h1) * 0.35);
  const upgradedBetween = h2 - h1 - newHighBetween;
  const newAfter = Math.round(Math.round(second.skilled * scale) * DEMO_GROWTH_AFTER.share);
  const counts = {
    highAtFirst: h1,
    upgradedBetween,
    lowerAtFirst: n1 - h1 - upgradedBetween,
    newHighBetween,
    newLowerBetween: n2 - n1 - newHighBetween,
    newAfter,
    total: 0,
  };
  if (Object.values(counts).some((n) => n < 0))
    throw new Error('The registry already holds more workers than the demo figures at this scale');
  counts.total =
    counts.highAtFirst + counts.upgradedBetween + counts.lowerAtFirst + counts.newHighBetween + counts.newLowerBetween + newAfter;
  return counts;
}
