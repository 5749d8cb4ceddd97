import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossCheckIdNumber, idNumberCheckDigit, type ParsedIdNumber, parseIdNumber } from './id-number.js';

const today = '2024-06-15';

function parsed(raw: string): ParsedIdNumber {
  const result = parseIdNumber(raw, today);
  if (!result.ok) throw new Error(`${raw} should parse, got ${result.reason}`);
  return result;
}

// 17 digits whose birth date is a real date no later than `today`.
const first17 = fc
  .tuple(
    fc.stringMatching(/^[1-9]\d{5}$/),
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${today}T00:00:00Z`), noInvalidDate: true }),
    fc.stringMatching(/^\d{3}$/),
  )
  .map(([region, birth, sequence]) => `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${sequence}`);

describe('parseIdNumber', () => {
  it('accepts the GB 11643 examples and reads their fields', () => {
    expect(parseIdNumber('11010519491231002X', today)).toEqual({
      ok: true,
      value: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: 'female',
      isForeignPermanent: false,
    });
    expect(parseIdNumber('440524188001010014', today)).toEqual({
      ok: true,
      value: '440524188001010014',
      regionCode: '440524',
      birthDate: '1880-01-01',
      gender: 'male',
      isForeignPermanent: false,
    });
  });

  it.each([
    ['11010519491231002x', '11010519491231002X'],
    ['  11010519491231002X  ', '11010519491231002X'],
    ['110105 19491231 002X', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
    ['\u200b440524188001010014', '440524188001010014'],
  ])('normalises %j to %s', (raw, value) => {
    expect(parsed(raw).value).toBe(value);
  });

  it('converts a 15-digit first-generation number by inserting 19 and adding the check digit', () => {
    expect(parseIdNumber('110105491231002', today)).toEqual({
      ok: true,
      value: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: 'female',
      isForeignPermanent: false,
    });
  });

  it('recognises a foreigner’s permanent residence ID by its leading 9', () => {
    const first = '93384019900101001';
    const id = parsed(`${first}${idNumberCheckDigit(first)}`);
    expect(id.isForeignPermanent).toBe(true);
    expect(id.birthDate).toBe('1990-01-01');
    expect(id.gender).toBe('male');
  });

  it('does not reject historic address codes', () => {
    const first = '42262219700101001'; // 郧阳地区, merged into 十堰 in 1994
    expect(parsed(`${first}${idNumberCheckDigit(first)}`).regionCode).toBe('422622');
  });

  it.each([
    ['420102199003077777', 'checksum'],
    ['11010519491231002Y', 'format'],
    ['1101051949123100X2', 'format'],
    ['11010519491231002', 'length'],
    ['11010519491231002XX', 'length'],
    ['', 'length'],
    ['11010549123100X', 'format'],
    ['1101054912310O2', 'format'],
  ])('rejects %j for %s', (raw, reason) => {
    expect(parseIdNumber(raw, today)).toEqual({ ok: false, reason });
  });

  it.each([
    ['11010519490230002', 'birth_date'],
    ['11010519491331002', 'birth_date'],
    ['11010519490000002', 'birth_date'],
    ['11010519000229002', 'birth_date'],
    ['11010517991231002', 'birth_date'],
    ['11010520240616002', 'future_birth_date'],
    ['11010530000101002', 'future_birth_date'],
  ])('rejects %s + its check digit for %s', (first, reason) => {
    expect(parseIdNumber(`${first}${idNumberCheckDigit(first)}`, today)).toEqual({ ok: false, reason });
  });

  it('rejects a 15-digit number with an impossible birth date', () => {
    expect(parseIdNumber('110105490230002', today)).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('accepts a birth date of today and 29 February of a leap year', () => {
    for (const first of ['11010520240615002', '11010520000229002']) {
      expect(parseIdNumber(`${first}${idNumberCheckDigit(first)}`, today).ok).toBe(true);
    }
  });

  it('reads an odd sequence digit as male and an even one as female', () => {
    fc.assert(
      fc.property(first17, (first) => {
        const id = parsed(`${first}${idNumberCheckDigit(first)}`);
        expect(id.gender).toBe(Number(first[16]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('accepts any 17 valid digits followed by their computed check digit', () => {
    fc.assert(
      fc.property(first17, (first) => {
        const id = parsed(`${first}${idNumberCheckDigit(first)}`);
        expect(id.value.slice(0, 17)).toBe(first);
        expect(id.birthDate.replaceAll('-', '')).toBe(first.slice(6, 14));
      }),
    );
  });

  it('rejects a valid number with any single character changed', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (first, position, shift) => {
        const chars = [...`${first}${idNumberCheckDigit(first)}`];
        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        const current = alphabet.indexOf(chars[position]!);
        chars[position] = alphabet[(current + shift) % alphabet.length]!;
        if (chars[position] === `${first}${idNumberCheckDigit(first)}`[position]) return;
        expect(parseIdNumber(chars.join(''), today)).toEqual({ ok: false, reason: 'checksum' });
      }),
    );
  });

  it('rejects a valid number with two different adjacent digits swapped', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 16 }), (first, position) => {
        const chars = [...`${first}${idNumberCheckDigit(first)}`];
        const [a, b] = [chars[position]!, chars[position + 1]!];
        fc.pre(a !== b && b !== 'X');
        chars[position] = b;
        chars[position + 1] = a;
        expect(parseIdNumber(chars.join(''), today)).toMatchObject({ ok: false });
      }),
    );
  });

  it('reads a 15-digit number as the 18-digit number it converts to', () => {
    fc.assert(
      fc.property(
        first17.filter((f) => f.slice(6, 8) === '19'),
        (first) => {
          const legacy = `${first.slice(0, 6)}${first.slice(8)}`;
          expect(parseIdNumber(legacy, today)).toEqual(parseIdNumber(`${first}${idNumberCheckDigit(first)}`, today));
        },
      ),
    );
  });
});

describe('idNumberCheckDigit', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['42010219900307777', '3'],
  ])('gives %s the check character %s', (first, check) => {
    expect(idNumberCheckDigit(first)).toBe(check);
  });

  it.each(['1101051949123100', '110105194912310021', '1101051949123100X'])('refuses %j, which is not 17 digits', (input) => {
    expect(() => idNumberCheckDigit(input)).toThrow(RangeError);
  });
});

describe('crossCheckIdNumber', () => {
  const wuhan = parsed(`42010619900101001${idNumberCheckDigit('42010619900101001')}`);

  it('finds nothing when the record agrees with the ID', () => {
    expect(crossCheckIdNumber(wuhan, { birthDate: '1990-01-01', gender: 'male', regionCode: '420106' })).toEqual([]);
  });

  it('finds nothing when the record claims nothing', () => {
    expect(crossCheckIdNumber(wuhan, {})).toEqual([]);
  });

  it('lists every contradicted field', () => {
    expect(crossCheckIdNumber(wuhan, { birthDate: '1990-01-02', gender: 'female', regionCode: '110105' })).toEqual([
      'birthDate',
      'gender',
      'regionCode',
    ]);
  });

  it.each([
    ['420000', true, 'the province'],
    ['420100', true, 'the prefecture'],
    ['420111', true, 'another county of the same prefecture'],
    ['420600', false, 'another prefecture of the same province'],
    ['429004', false, 'a provincially administered city'],
    ['110000', false, 'another province'],
  ])('compares region %s as %s (%s)', (regionCode, matches) => {
    expect(crossCheckIdNumber(wuhan, { regionCode })).toEqual(matches ? [] : ['regionCode']);
  });

  it('compares only the accepting province of a foreigner’s permanent residence ID', () => {
    const first = '94231019850615002';
    const foreigner = parsed(`${first}${idNumberCheckDigit(first)}`);
    expect(crossCheckIdNumber(foreigner, { regionCode: '420000' })).toEqual([]);
    expect(crossCheckIdNumber(foreigner, { regionCode: '420100' })).toEqual([]);
    expect(crossCheckIdNumber(foreigner, { regionCode: '110000' })).toEqual(['regionCode']);
  });
});
