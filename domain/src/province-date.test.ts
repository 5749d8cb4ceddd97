import { describe, expect, it } from 'vitest';
import { provinceDate } from './province-date.js';

describe('provinceDate', () => {
  it('gives the calendar day in Wuhan, eight hours ahead of UTC, across midnight and the year end', () => {
    expect(provinceDate(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(provinceDate(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
    expect(provinceDate(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
    expect(provinceDate(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
  });
});
