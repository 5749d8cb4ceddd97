import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, type ParsedCreditCode, parseCreditCode, REGISTRATION_AUTHORITIES } from './credit-code.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const first17 = fc.array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));

function parsed(raw: string): ParsedCreditCode {
  const result = parseCreditCode(raw);
  if (!result.ok) throw new Error(`${raw} should parse, got ${result.reason}`);
  return result;
}

function withCheck(first: string): string {
  return `${first}${creditCodeCheckChar(first)}`;
}

describe('parseCreditCode', () => {
  it('accepts the GB 32100 example and reads its parts', () => {
    const code = parsed('91350100M000100Y43');
    expect(code).toMatchObject({
      value: '91350100M000100Y43',
      entityCategory: '企业',
      isTradeUnion: false,
      regionCode: '350100',
      organizationCode: 'M000100Y4',
    });
    expect(code.registrationAuthority?.zh).toBe('工商（市场监管）');
  });

  it.each([
    ['91350100m000100y43'],
    [' 91350100M000100Y43 '],
    ['913501 00M000100Y43'],
    ['９１３５０１００Ｍ０００１００Ｙ４３'],
    ['９１３５０１００ｍ０００１００ｙ４３'],
  ])('normalises %j', (raw) => {
    expect(parsed(raw).value).toBe('91350100M000100Y43');
  });

  it('marks grassroots trade unions, whose codes start 81', () => {
    const union = parsed(withCheck('81420100MA4K12345'));
    expect(union.isTradeUnion).toBe(true);
    expect(union.registrationAuthority?.zh).toBe('工会');
    expect(union.entityCategory).toBe('基层工会');
    expect(union.regionCode).toBe('420100');
    expect(parsed(withCheck('89420100MA4K12345')).isTradeUnion).toBe(false);
  });

  it.each([
    ['11', '机构编制', '机关'],
    ['12', '机构编制', '事业单位'],
    ['51', '民政', '社会团体'],
    ['52', '民政', '民办非企业单位'],
    ['53', '民政', '基金会'],
    ['92', '工商（市场监管）', '个体工商户'],
    ['93', '工商（市场监管）', '农民专业合作社'],
    ['N2', '农业农村', '村级集体经济组织'],
  ])('reads prefix %s as %s / %s', (prefix, authority, category) => {
    const code = parsed(withCheck(`${prefix}420100MA4K12345`));
    expect(code.registrationAuthority?.zh).toBe(authority);
    expect(code.entityCategory).toBe(category);
  });

  it('accepts a well-formed code from an authority GB 32100 does not assign, without naming one', () => {
    const code = parsed(withCheck('B1420100MA4K12345'));
    expect(code.registrationAuthority).toBeUndefined();
    expect(code.entityCategory).toBeUndefined();
  });

  it.each([
    ['91350100M000100Y44', 'checksum'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['', 'length'],
    ['91350100M000100I43', 'format'],
    ['91350100M000100O43', 'format'],
    ['91350100M000100Z43', 'format'],
    ['91350100M000100S43', 'format'],
    ['91350100M000100V43', 'format'],
    ['91350100M00010-Y43', 'format'],
  ])('rejects %j for %s', (raw, reason) => {
    expect(parseCreditCode(raw)).toEqual({ ok: false, reason });
  });

  it('accepts any 17 alphabet characters followed by their computed check character', () => {
    fc.assert(
      fc.property(first17, (first) => {
        const code = parsed(withCheck(first));
        expect(code.value.slice(0, 17)).toBe(first);
        expect(code.regionCode).toBe(first.slice(2, 8));
      }),
    );
  });

  it('rejects a valid code with any single character changed', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (first, position, shift) => {
        const chars = [...withCheck(first)];
        chars[position] = ALPHABET[(ALPHABET.indexOf(chars[position]!) + shift) % ALPHABET.length]!;
        expect(parseCreditCode(chars.join(''))).toEqual({ ok: false, reason: 'checksum' });
      }),
    );
  });
});

describe('creditCodeCheckChar', () => {
  it('gives the GB 32100 example its check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it.each(['91350100M000100Y', '91350100M000100Y43', '91350100M000100I4', '91350100m000100Y4'])(
    'refuses %j, which is not 17 characters of the alphabet',
    (input) => {
      expect(() => creditCodeCheckChar(input)).toThrow(RangeError);
    },
  );
});

describe('REGISTRATION_AUTHORITIES', () => {
  it('lists each authority once, under a character of the code alphabet', () => {
    const codes = REGISTRATION_AUTHORITIES.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(ALPHABET).toContain(code);
  });
});
