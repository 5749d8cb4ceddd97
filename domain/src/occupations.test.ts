import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { industryDivision } from './industries.js';
import {
  COMMON_OCCUPATIONS,
  OCCUPATION_MAJOR_GROUPS,
  occupationByCode,
  occupationsInDivision,
  parseOccupationCode,
} from './occupations.js';

describe('parseOccupationCode', () => {
  it('reads the parts of 6-18-01-01', () => {
    expect(parseOccupationCode('6-18-01-01')).toEqual({
      ok: true,
      value: '6-18-01-01',
      majorGroup: '6',
      middleGroup: '6-18',
      minorGroup: '6-18-01',
    });
  });

  it.each([
    [' 6-18-01-01 ', '6-18-01-01'],
    ['6－18－01－01', '6-18-01-01'],
    ['６-１８-０１-０１', '6-18-01-01'],
    ['6–18–01–01', '6-18-01-01'],
    ['6 - 18 - 01 - 01', '6-18-01-01'],
    ['6180101', '6-18-01-01'],
    ['4-02-07-08', '4-02-07-08'],
    ['6-07-02-00', '6-07-02-00'],
  ])('normalises %j to %s', (raw, value) => {
    expect(parseOccupationCode(raw)).toMatchObject({ ok: true, value });
  });

  it.each([
    ['', 'format'],
    ['6-18-01', 'format'],
    ['6-18-1-01', 'format'],
    ['6-18-01-01-01', 'format'],
    ['6-18-01-0a', 'format'],
    ['61801011', 'format'],
    ['0-18-01-01', 'major_group'],
    ['9-18-01-01', 'major_group'],
  ])('rejects %j for %s', (raw, reason) => {
    expect(parseOccupationCode(raw)).toEqual({ ok: false, reason });
  });

  it('reads every well-formed code back to itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-8]-\d{2}-\d{2}-\d{2}$/), (code) => {
        expect(parseOccupationCode(code)).toMatchObject({ ok: true, value: code });
      }),
    );
  });
});

describe('COMMON_OCCUPATIONS', () => {
  it('has about sixty entries with valid, unique codes and unique names', () => {
    expect(COMMON_OCCUPATIONS.length).toBeGreaterThanOrEqual(55);
    expect(new Set(COMMON_OCCUPATIONS.map((o) => o.code)).size).toBe(COMMON_OCCUPATIONS.length);
    expect(new Set(COMMON_OCCUPATIONS.map((o) => o.zh)).size).toBe(COMMON_OCCUPATIONS.length);
    for (const occupation of COMMON_OCCUPATIONS) expect(parseOccupationCode(occupation.code)).toMatchObject({ value: occupation.code });
  });

  it('draws mostly on groups 6 and 4', () => {
    const inGroups6And4 = COMMON_OCCUPATIONS.filter((o) => o.code.startsWith('6-') || o.code.startsWith('4-'));
    expect(inGroups6And4.length / COMMON_OCCUPATIONS.length).toBeGreaterThan(0.9);
  });

  it('maps every occupation to existing GB/T 4754 divisions', () => {
    for (const occupation of COMMON_OCCUPATIONS) {
      expect(occupation.divisions.length).toBeGreaterThan(0);
      for (const division of occupation.divisions) expect(industryDivision(division)).toBeDefined();
    }
  });

  it('has the eight major groups', () => {
    expect(OCCUPATION_MAJOR_GROUPS.map((g) => g.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('finds occupations by code and by division', () => {
    expect(occupationByCode('6-18-01-01')?.zh).toBe('车工');
    expect(occupationByCode('6-31-01-03')?.zh).toBe('电工');
    expect(occupationByCode('4-02-07-08')?.zh).toBe('快递员');
    expect(occupationByCode('6-22-02-01')?.zh).toBe('汽车装调工');
    expect(occupationByCode('9-99-99-99')).toBeUndefined();
    expect(occupationsInDivision('36').map((o) => o.zh)).toContain('汽车装调工');
    expect(occupationsInDivision('60').map((o) => o.zh)).toEqual(['快递员', '快件处理员', '网约配送员']);
  });
});
