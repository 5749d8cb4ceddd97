import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './masking.js';

describe('masking', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['027-87283356', '027****3356'],
    ['12345', '***45'],
    ['12', '**'],
  ])('masks phone %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('masks an ID number keeping region and last four', () => {
    expect(maskIdNumber('42010619900101123X')).toBe('420106********123X');
  });

  it('never reveals more than seven characters of a phone and keeps its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9-]{3,20}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked.replaceAll('*', '').length).toBeLessThanOrEqual(7);
        if (phone.length < 11) expect(masked).toHaveLength(phone.length);
      }),
    );
  });
});

describe('maskName', () => {
  it.each([
    ['董永祥', '董*祥'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧**娜'],
    ['王', '*'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never shows the middle of a name', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 3, maxLength: 10 }).filter((s) => [...s.trim()].length >= 3),
        (name) => {
          const chars = [...name.trim()];
          expect([...maskName(name)].slice(1, -1).every((c) => c === '*')).toBe(true);
          expect([...maskName(name)].length).toBe(chars.length);
        },
      ),
    );
  });
});
