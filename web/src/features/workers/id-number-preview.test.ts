import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigit, previewIdNumber } from './id-number-preview';

const TODAY = '2026-06-01';
const withCheck = (first17: string) => `${first17}${checkDigit(first17)}`;

describe('previewIdNumber', () => {
  it('reads gender and birth date from a valid number', () => {
    expect(previewIdNumber('11010519491231002X', TODAY)).toEqual({ ok: true, gender: 'female', birthDate: '1949-12-31' });
    expect(previewIdNumber(withCheck('42010619850312001'), TODAY)).toEqual({ ok: true, gender: 'male', birthDate: '1985-03-12' });
  });

  it('accepts a lower-case x, spaces and full-width digits as pasted', () => {
    expect(previewIdNumber(' 110105 19491231 002x ', TODAY).ok).toBe(true);
    expect(previewIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY).ok).toBe(true);
  });

  it('names what is wrong, in the server’s order', () => {
    expect(previewIdNumber('4201061985031200', TODAY)).toEqual({ ok: false, reason: 'length' });
    expect(previewIdNumber('42010619850312A01X', TODAY)).toEqual({ ok: false, reason: 'format' });
    expect(previewIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, reason: 'checksum' });
    expect(previewIdNumber(withCheck('42010619850230001'), TODAY)).toEqual({ ok: false, reason: 'birth_date' });
    expect(previewIdNumber(withCheck('42010620300101001'), TODAY)).toEqual({ ok: false, reason: 'future_birth_date' });
  });

  it('reads a first-generation 15-digit number as born in the 1900s', () => {
    expect(previewIdNumber('420106850312003', TODAY)).toEqual({ ok: true, gender: 'male', birthDate: '1985-03-12' });
  });

  it('refuses every single-digit change of a valid number (the check digit catches it)', () => {
    const valid = withCheck('42010619850312001');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digit = (Number(valid[position]) + delta) % 10;
        const changed = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
        expect(previewIdNumber(changed, TODAY).ok).toBe(false);
      }),
    );
  });
});
