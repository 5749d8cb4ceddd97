import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod, periodOf, periodsBetween, samePeriodLastYear, shiftPeriod } from './periods.js';

describe('periods', () => {
  it('parses years, quarters and months with their first and last days', () => {
    expect(parsePeriod('2020')).toEqual({ code: '2020', type: 'year', startsOn: '2020-01-01', endsOn: '2020-12-31' });
    expect(parsePeriod('2020-Q4')).toEqual({ code: '2020-Q4', type: 'quarter', startsOn: '2020-10-01', endsOn: '2020-12-31' });
    expect(parsePeriod('2020-02')).toEqual({ code: '2020-02', type: 'month', startsOn: '2020-02-01', endsOn: '2020-02-29' });
    expect(parsePeriod('2021-02')?.endsOn).toBe('2021-02-28');
  });

  it('refuses codes that are not periods', () => {
    for (const code of ['', '20', '2020-13', '2020-00', '2020-Q5', '2020Q1', '2020-1', '1899', ' 2020', '2020-10-01']) {
      expect(parsePeriod(code), code).toBeUndefined();
    }
  });

  it('finds the period containing a date, and moves by periods across years', () => {
    expect(periodOf('quarter', '2020-10-31').code).toBe('2020-Q4');
    expect(periodOf('month', '2020-10-31').code).toBe('2020-10');
    expect(shiftPeriod(parsePeriod('2020-Q1')!, -1).code).toBe('2019-Q4');
    expect(shiftPeriod(parsePeriod('2020-12')!, 1).code).toBe('2021-01');
    expect(samePeriodLastYear(parsePeriod('2020-10')!).code).toBe('2019-10');
    expect(samePeriodLastYear(parsePeriod('2020')!).code).toBe('2019');
    expect(periodsBetween('quarter', '2020-02-10', '2020-10-31').map((p) => p.code)).toEqual(['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4']);
  });

  it('every date lies within its period, and shifting there and back is the identity', () => {
    const dates = fc
      .date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, fc.constantFrom('month', 'quarter', 'year'), fc.integer({ min: -50, max: 50 }), (date, type, steps) => {
        const p = periodOf(type as 'month', date);
        expect(p.startsOn <= date && date <= p.endsOn).toBe(true);
        expect(shiftPeriod(shiftPeriod(p, steps), -steps)).toEqual(p);
      }),
    );
  });
});
