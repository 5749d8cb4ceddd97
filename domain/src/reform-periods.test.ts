import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, findPeriod, reportPeriods } from './reform-periods.js';

describe('reporting periods of a reform task', () => {
  it.each([
    [
      'monthly',
      '2026-01-15',
      '2026-03-10',
      [
        ['2026-01', '2026-01-31'],
        ['2026-02', '2026-02-28'],
        ['2026-03', '2026-03-10'],
      ],
    ],
    ['monthly', '2024-02-01', '2024-02-29', [['2024-02', '2024-02-29']]],
    [
      'quarterly',
      '2020-05-01',
      '2020-12-31',
      [
        ['2020-Q2', '2020-06-30'],
        ['2020-Q3', '2020-09-30'],
        ['2020-Q4', '2020-12-31'],
      ],
    ],
    [
      'quarterly',
      '2020-11-20',
      '2021-02-15',
      [
        ['2020-Q4', '2020-12-31'],
        ['2021-Q1', '2021-02-15'],
      ],
    ],
  ] as const)('%s from %s to %s', (cycle, startsOn, dueOn, expected) => {
    expect(reportPeriods(cycle, startsOn, dueOn).map((p) => [p.period, p.dueOn])).toEqual(expected);
  });

  it('has none when the deadline precedes the start', () => {
    expect(reportPeriods('monthly', '2026-05-01', '2026-04-01')).toEqual([]);
  });

  it('finds a period by its name only within the task', () => {
    expect(findPeriod('quarterly', '2026-01-01', '2026-06-30', '2026-Q2')?.dueOn).toBe('2026-06-30');
    expect(findPeriod('quarterly', '2026-01-01', '2026-06-30', '2026-Q3')).toBeUndefined();
    expect(findPeriod('monthly', '2026-01-01', '2026-06-30', '2026-Q1')).toBeUndefined();
  });

  it('covers every day of the task exactly once, each period ending by the deadline', () => {
    const date = fc
      .date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom('monthly' as const, 'quarterly' as const),
        date,
        fc.integer({ min: 0, max: 900 }),
        (cycle, startsOn, length) => {
          const dueOn = addDays(startsOn, length);
          const periods = reportPeriods(cycle, startsOn, dueOn);
          expect(periods.length).toBeGreaterThan(0);
          expect(periods.at(-1)?.dueOn).toBe(dueOn);
          for (const p of periods) expect(p.dueOn <= dueOn).toBe(true);
          const dues = periods.map((p) => p.dueOn);
          expect([...dues].sort()).toEqual(dues);
          expect(new Set(periods.map((p) => p.period)).size).toBe(periods.length);
          expect((periods[0]?.dueOn ?? '') >= startsOn).toBe(true);
        },
      ),
    );
  });

  it('counts days between dates', () => {
    expect(daysBetween('2020-12-25', '2021-01-01')).toBe(7);
    expect(daysBetween('2021-01-01', '2020-12-25')).toBe(-7);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
