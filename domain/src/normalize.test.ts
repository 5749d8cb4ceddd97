import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanCell,
  isCalendarDate,
  isMobilePhone,
  normalizePhone,
  parseGender,
  parseSpreadsheetDate,
  parseYesNo,
  toHalfWidth,
} from './normalize.js';

const today = '2024-06-15';

describe('toHalfWidth', () => {
  it.each([
    ['４２０１０６', '420106'],
    ['ＡＢＣｘｙｚ', 'ABCxyz'],
    ['（０２７）８７２８－３３５６', '(027)8728-3356'],
    ['是\u3000否', '是 否'],
    ['！～', '!~'],
    ['董永祥', '董永祥'],
  ])('turns %s into %s', (input, output) => {
    expect(toHalfWidth(input)).toBe(output);
  });

  it('leaves every ASCII string unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
        expect(toHalfWidth(s)).toBe(s);
      }),
    );
  });

  it('maps every full-width ASCII character to the ASCII character 0xFEE0 below it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0xff01, max: 0xff5e }), (code) => {
        expect(toHalfWidth(String.fromCodePoint(code))).toBe(String.fromCodePoint(code - 0xfee0));
      }),
    );
  });
});

describe('cleanCell', () => {
  it.each([
    ['  董永祥  ', '董永祥'],
    ['董\u200b永祥\ufeff', '董永祥'],
    ['高级\u3000\u3000工', '高级 工'],
    ['a\u00a0\tb\n c', 'a b c'],
    ['\u00ad', ''],
  ])('cleans %j into %j', (input, output) => {
    expect(cleanCell(input)).toBe(output);
  });

  it('is idempotent and never leaves leading, trailing or doubled spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = cleanCell(s);
        expect(cleanCell(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s/);
      }),
    );
  });
});

describe('parseSpreadsheetDate', () => {
  it.each<[string | number, string]>([
    ['2020-10-01', '2020-10-01'],
    ['2020/10/1', '2020-10-01'],
    ['2020.10.1', '2020-10-01'],
    ['2020年10月1日', '2020-10-01'],
    ['2020年10月1', '2020-10-01'],
    ['2020 年 10 月 1 日', '2020-10-01'],
    ['２０２０－１０－０１', '2020-10-01'],
    ['20201001', '2020-10-01'],
    ['2020-10-01 00:00:00', '2020-10-01'],
    ['2020-10-01T08:30:00.000Z', '2020-10-01'],
    [' 2020/1/9 ', '2020-01-09'],
    ['44105', '2020-10-01'],
    [44105, '2020-10-01'],
    [44105.75, '2020-10-01'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [36526, '2000-01-01'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %j as %s', (input, output) => {
    expect(parseSpreadsheetDate(input, { today })).toEqual({ ok: true, value: output });
  });

  it.each<[string | number, 'format' | 'invalid_date' | 'out_of_range']>([
    ['', 'format'],
    ['2020', 'format'],
    ['2020-10', 'format'],
    ['20/10/1', 'format'],
    ['yesterday', 'format'],
    ['2020-13-01', 'invalid_date'],
    ['2019-02-29', 'invalid_date'],
    ['1900-02-29', 'invalid_date'],
    ['2020-04-31', 'invalid_date'],
    ['2020-00-10', 'invalid_date'],
    [60, 'invalid_date'],
    [0, 'out_of_range'],
    [-5, 'out_of_range'],
    [Number.NaN, 'format'],
    [Number.POSITIVE_INFINITY, 'format'],
    ['1899-12-31', 'out_of_range'],
    ['2025-06-16', 'out_of_range'],
    [99999, 'out_of_range'],
  ])('rejects %j as %s', (input, reason) => {
    expect(parseSpreadsheetDate(input, { today })).toEqual({ ok: false, reason });
  });

  it('accepts dates up to one year after today and not a day later', () => {
    expect(parseSpreadsheetDate('2025-06-15', { today })).toEqual({ ok: true, value: '2025-06-15' });
    expect(parseSpreadsheetDate('2025-06-16', { today }).ok).toBe(false);
  });

  it('reads Date objects by their UTC fields', () => {
    expect(parseSpreadsheetDate(new Date(Date.UTC(2020, 9, 1)), { today })).toEqual({ ok: true, value: '2020-10-01' });
    expect(parseSpreadsheetDate(new Date(Date.UTC(2020, 9, 1, 23, 59)), { today })).toEqual({ ok: true, value: '2020-10-01' });
    expect(parseSpreadsheetDate(new Date(Number.NaN), { today })).toEqual({ ok: false, reason: 'invalid_date' });
  });

  it('reads every Excel serial from 61 on as that many days after 1899-12-30', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 45_000 }), (serial) => {
        const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
        expect(parseSpreadsheetDate(serial, { today })).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('reads every real date the same in all its written forms', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-06-15T00:00:00Z'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = d.toISOString().slice(0, 10);
        for (const written of [iso, `${y}/${m}/${day}`, `${y}.${m}.${day}`, `${y}年${m}月${day}日`, iso.replaceAll('-', '')]) {
          expect(parseSpreadsheetDate(written, { today })).toEqual({ ok: true, value: iso });
        }
        expect(parseSpreadsheetDate(d, { today })).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('isCalendarDate', () => {
  it.each([
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2023, 12, 31, true],
    [2023, 11, 31, false],
    [2023, 0, 1, false],
    [2023, 1, 0, false],
    [2023, 1.5, 1, false],
  ])('says %i-%i-%i is %s', (y, m, d, expected) => {
    expect(isCalendarDate(y, m, d)).toBe(expected);
  });
});

describe('parseGender', () => {
  it.each([
    ['男', 'male'],
    [' 女 ', 'female'],
    ['男性', 'male'],
    ['M', 'male'],
    ['f', 'female'],
    ['Male', 'male'],
    ['FEMALE', 'female'],
    ['1', 'male'],
    ['2', 'female'],
    ['１', 'male'],
  ])('reads %j as %s', (input, gender) => {
    expect(parseGender(input)).toBe(gender);
  });

  it.each(['', '0', '9', '未知', 'x', '男女'])('gives no gender for %j', (input) => {
    expect(parseGender(input)).toBeUndefined();
  });
});

describe('parseYesNo', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    ['yes', true],
    ['No', false],
    ['√', true],
    ['✓', true],
    ['×', false],
    ['1', true],
    ['0', false],
    ['TRUE', true],
    ['false', false],
    ['有', true],
    ['无', false],
    [' 是 ', true],
  ])('reads %j as %s', (input, value) => {
    expect(parseYesNo(input)).toBe(value);
  });

  it.each(['', 'x', 'X', 'maybe', '2', '是否'])('gives no answer for %j', (input) => {
    expect(parseYesNo(input)).toBeUndefined();
  });
});

describe('phones', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['027-87283356', '027-87283356'],
    ['(027) 8728 3356', '027-87283356'],
    ['（027）87283356', '027-87283356'],
    ['02787283356', '027-87283356'],
    ['0710-3456789', '0710-3456789'],
    ['010-12345678', '010-12345678'],
    ['+86 27 8728 3356', '027-87283356'],
    ['027-87283356转123', '027-87283356-123'],
    ['027-87283356 ext. 8', '027-87283356-8'],
  ])('normalises %j to %s', (input, output) => {
    expect(normalizePhone(input)).toBe(output);
  });

  it.each(['', '12351', '87283356', '1381234567', '138123456789', '12812345678', '13812345678转1', 'abc', '027-8728'])(
    'cannot normalise %j',
    (input) => {
      expect(normalizePhone(input)).toBeUndefined();
    },
  );

  it.each([
    ['13812345678', true],
    ['19912345678', true],
    ['12812345678', false],
    ['1381234567', false],
    [' 13812345678', false],
    ['23812345678', false],
  ])('says %j is a mobile number: %s', (input, expected) => {
    expect(isMobilePhone(input)).toBe(expected);
  });

  it('normalises any mobile number, however it is spaced or prefixed, to its 11 digits', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.constantFrom('', '+86', '0086', '+86 '),
        fc.constantFrom('', ' ', '-'),
        (mobile, prefix, separator) => {
          const written = `${prefix}${mobile.slice(0, 3)}${separator}${mobile.slice(3, 7)}${separator}${mobile.slice(7)}`;
          const normalised = normalizePhone(written);
          expect(normalised).toBe(mobile);
          expect(isMobilePhone(normalised!)).toBe(true);
        },
      ),
    );
  });
});
