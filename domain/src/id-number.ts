import { type Gender, type IsoDate, isCalendarDate, isoDate, toHalfWidth } from './normalize.js';

/**
 * Citizen identification number, GB 11643-1999: 6-digit address code (GB/T 2260) + 8-digit birth date
 * + 3-digit sequence (§5.4: odd male, even female) + check character.
 */

export type ParsedIdNumber = {
  ok: true;
  /** 18 characters, upper-case X; legacy 15-digit numbers are converted. */
  value: string;
  /** The first six characters. For a foreigner's permanent residence ID this is not a GB/T 2260 code (see below). */
  regionCode: string;
  birthDate: IsoDate;
  gender: Gender;
  isForeignPermanent: boolean;
};

export type IdNumberRejection = { ok: false; reason: 'length' | 'format' | 'checksum' | 'birth_date' | 'future_birth_date' };

// GB 11643-1999 §5.5 and Annex A (ISO 7064 MOD 11-2): W_i = 2^(18-i) mod 11; check = "10X98765432"[S mod 11].
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
// First-generation IDs (15 digits, 1984–2004) carry a 2-digit year; everyone holding one was born in the 1900s.
const LEGACY_CENTURY = '19';
// Loose floor for plausibility (L): the oldest holders of an ID were born in the late 19th century (the
// standard's own example is 1880).
const MIN_BIRTH_YEAR = 1800;
// 外国人永久居留身份证 (2023 edition, 国家移民管理局): first digit 9, then the accepting province's 2-digit code,
// then a 3-digit nationality code; same length and check character as a resident ID (M).
const FOREIGN_PERMANENT_PREFIX = '9';

/** The check character for the first 17 digits of an ID number. */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idNumberCheckDigit expects 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function normalise(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '')
    .toUpperCase();
}

/**
 * Parses a resident ID as typed in a form or a spreadsheet (lower-case x, spaces, full-width digits accepted).
 * Historic address codes are not rejected: the code is where the holder was registered at issue time.
 */
export function parseIdNumber(raw: string, today: IsoDate): ParsedIdNumber | IdNumberRejection {
  const id = normalise(raw);
  let value: string;
  if (id.length === 18) {
    if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
    if (idNumberCheckDigit(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'checksum' };
    value = id;
  } else if (id.length === 15) {
    if (!/^\d{15}$/.test(id)) return { ok: false, reason: 'format' };
    const first17 = `${id.slice(0, 6)}${LEGACY_CENTURY}${id.slice(6)}`;
    value = `${first17}${idNumberCheckDigit(first17)}`;
  } else {
    return { ok: false, reason: 'length' };
  }

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < MIN_BIRTH_YEAR || !isCalendarDate(year, month, day)) return { ok: false, reason: 'birth_date' };
  const birthDate = isoDate(year, month, day);
  if (birthDate > today) return { ok: false, reason: 'future_birth_date' };

  return {
    ok: true,
    value,
    regionCode: value.slice(0, 6),
    birthDate,
    gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    isForeignPermanent: value.startsWith(FOREIGN_PERMANENT_PREFIX),
  };
}

export type IdNumberCrossCheckField = 'birthDate' | 'gender' | 'regionCode';

export type IdNumberClaims = { birthDate?: IsoDate; gender?: Gender; regionCode?: string };

function provinceOf(parsed: ParsedIdNumber): string {
  return parsed.isForeignPermanent ? parsed.value.slice(1, 3) : parsed.value.slice(0, 2);
}

/**
 * Fields of a record that contradict its ID number. The region check is deliberately lenient, because
 * the ID keeps the address code of the place and year it was issued (prefectures were merged and
 * renamed since: 郧阳地区 → 十堰市, 荆沙市 → 荆州市):
 * - a province code (xx0000) must share the ID's province (first 2 digits);
 * - any other code (prefecture or county) must share the ID's prefecture (first 4 digits).
 * For a foreigner's permanent residence ID only the accepting province (digits 2–3) is compared.
 * Callers should show mismatches as warnings to confirm, not as errors.
 */
export function crossCheckIdNumber(parsed: ParsedIdNumber, claims: IdNumberClaims): IdNumberCrossCheckField[] {
  const mismatches: IdNumberCrossCheckField[] = [];
  if (claims.birthDate !== undefined && claims.birthDate !== parsed.birthDate) mismatches.push('birthDate');
  if (claims.gender !== undefined && claims.gender !== parsed.gender) mismatches.push('gender');
  if (claims.regionCode !== undefined && !isSameRegion(parsed, claims.regionCode)) mismatches.push('regionCode');
  return mismatches;
}

function isSameRegion(parsed: ParsedIdNumber, regionCode: string): boolean {
  const province = regionCode.slice(0, 2);
  if (parsed.isForeignPermanent) return provinceOf(parsed) === province;
  if (regionCode.endsWith('0000')) return provinceOf(parsed) === province;
  return parsed.regionCode.slice(0, 4) === regionCode.slice(0, 4);
}
