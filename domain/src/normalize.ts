/**
 * What government spreadsheets contain: full-width characters, stray and zero-width spaces, dates in
 * half a dozen spellings or as Excel serial numbers, yes/no as ticks, gender as 男/女 or GB/T 2261.1 codes.
 */

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = '\u3000';
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space U+3000 → their ASCII forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (ch === IDEOGRAPHIC_SPACE) out += ' ';
    else out += ch;
  }
  return out;
}

/** Half-width, zero-width characters removed, trimmed, inner whitespace (incl. NBSP) collapsed to one space. */
export function cleanCell(s: string): string {
  return toHalfWidth(s).replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

export type IsoDate = string;

export type SpreadsheetDateResult = { ok: true; value: IsoDate } | { ok: false; reason: 'format' | 'invalid_date' | 'out_of_range' };

const DAY_MS = 86_400_000;
// Excel's 1900 date system counts 1900-02-29 (serial 60), a day that never existed (Lotus 1-2-3 compatibility);
// from serial 61 on, serial n is n days after 1899-12-30.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_FAKE_LEAP_DAY = 60;
const MIN_YEAR = 1900;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** A real Gregorian calendar date (month 1–12, day within the month, leap years included). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Adds whole years to an ISO date; 02-29 stays 02-29 so string comparison against it stays correct. */
function addYears(date: IsoDate, years: number): IsoDate {
  return `${pad(Number(date.slice(0, 4)) + years, 4)}${date.slice(4)}`;
}

function checkRange(value: IsoDate, today: IsoDate): SpreadsheetDateResult {
  if (Number(value.slice(0, 4)) < MIN_YEAR || value > addYears(today, 1)) return { ok: false, reason: 'out_of_range' };
  return { ok: true, value };
}

function fromParts(year: number, month: number, day: number, today: IsoDate): SpreadsheetDateResult {
  if (!isCalendarDate(year, month, day)) return { ok: false, reason: 'invalid_date' };
  return checkRange(isoDate(year, month, day), today);
}

function fromExcelSerial(serial: number, today: IsoDate): SpreadsheetDateResult {
  if (!Number.isFinite(serial)) return { ok: false, reason: 'format' };
  const whole = Math.floor(serial); // the fraction is the time of day
  if (whole < 1) return { ok: false, reason: 'out_of_range' };
  if (whole === EXCEL_FAKE_LEAP_DAY) return { ok: false, reason: 'invalid_date' };
  const days = whole < EXCEL_FAKE_LEAP_DAY ? whole + 1 : whole;
  const d = new Date(EXCEL_EPOCH_MS + days * DAY_MS);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), today);
}

const SEPARATED_DATE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
// A time part some exports append: '2020-10-01 00:00:00', '2020-10-01T08:00:00.000Z'.
const TIME_SUFFIX = /[\sT]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
// Excel serials written out as text by CSV exports. Five digits only: a bare '2020' is a year, not serial 2020.
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/**
 * A spreadsheet cell → 'YYYY-MM-DD'. Accepts 2020-10-01, 2020/10/1, 2020.10.1, 2020年10月1日, 20201001,
 * Excel serials (1900 date system) as numbers or five-digit text, and Date objects (read in UTC, as exceljs
 * returns them). Years before 1900 and dates more than a year after `today` are out of range.
 */
export function parseSpreadsheetDate(value: string | number | Date, options: { today: IsoDate }): SpreadsheetDateResult {
  const { today } = options;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: 'invalid_date' };
    return fromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), today);
  }
  if (typeof value === 'number') return fromExcelSerial(value, today);

  const text = cleanCell(value).replace(TIME_SUFFIX, '');
  const separated = SEPARATED_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (separated) return fromParts(Number(separated[1]), Number(separated[2]), Number(separated[3]), today);
  if (SERIAL_TEXT.test(text)) return fromExcelSerial(Number(text), today);
  return { ok: false, reason: 'format' };
}

export type Gender = 'male' | 'female';

// GB/T 2261.1-2003: 1 male, 2 female (0 unknown and 9 unspecified give no answer).
const GENDER_WORDS: Record<string, Gender> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  '1': 'male',
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
  '2': 'female',
};

/** 男/女, M/F, male/female, GB/T 2261.1 codes 1/2 → gender; anything else → undefined. */
export function parseGender(value: string): Gender | undefined {
  return GENDER_WORDS[cleanCell(value).toLowerCase()];
}

const YES_NO_WORDS: Record<string, boolean> = {
  是: true,
  有: true,
  对: true,
  y: true,
  yes: true,
  true: true,
  t: true,
  '1': true,
  '√': true,
  '✓': true,
  '✔': true,
  否: false,
  无: false,
  不是: false,
  没有: false,
  n: false,
  no: false,
  false: false,
  f: false,
  '0': false,
  '×': false,
  '✗': false,
  '✘': false,
};

/**
 * 是/否, Y/N, yes/no, true/false, 1/0, √/× → boolean; anything else (including a bare 'x', which some sheets
 * use as a tick and others as a cross) → undefined.
 */
export function parseYesNo(value: string): boolean | undefined {
  return YES_NO_WORDS[cleanCell(value).toLowerCase()];
}

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes: 010 and 02x have three digits, all others four (0710 襄阳 …); local numbers 7–8 digits.
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/;
const COUNTRY_PREFIX = /^(?:\+86|0086)/;

/** A Chinese mainland mobile number: 11 digits, 1 then 3–9 (exact string; normalise first). */
export function isMobilePhone(value: string): boolean {
  return MOBILE.test(value);
}

/**
 * A phone cell → a mobile as 11 digits ('+86 138-1234-5678' → '13812345678') or a landline as
 * area-local ('(027) 8728 3356' → '027-87283356', extension kept after a second hyphen);
 * undefined when it is neither (local numbers without an area code included).
 */
export function normalizePhone(value: string): string | undefined {
  const compact = cleanCell(value).replace(/[\s()（）\-–—.]/g, '');
  const [main = '', extension] = compact.split(/(?:转|ext\.?|x|#)/i, 2);
  let digits = main.replace(COUNTRY_PREFIX, '');
  if (digits.length === 13 && digits.startsWith('86') && MOBILE.test(digits.slice(2))) digits = digits.slice(2);
  if (!/^\d+$/.test(digits)) return undefined;
  // Dialled from abroad, a landline drops its trunk 0: +86 27 8728 3356.
  if (digits !== main && !MOBILE.test(digits) && !digits.startsWith('0')) digits = `0${digits}`;
  if (MOBILE.test(digits)) return extension === undefined ? digits : undefined;
  const landline = LANDLINE.exec(digits);
  if (!landline) return undefined;
  const base = `${landline[1]}-${landline[2]}`;
  if (extension === undefined) return base;
  return /^\d{1,6}$/.test(extension) ? `${base}-${extension}` : undefined;
}
