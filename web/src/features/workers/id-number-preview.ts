/**
 * A first look at a resident ID number while it is typed (GB 11643-1999), so the form can say
 * what is wrong before sending. The server parses it again and derives gender and birth date
 * from it; this only explains.
 */
export type IdNumberPreview =
  | { ok: true; gender: 'male' | 'female'; birthDate: string }
  | { ok: false; reason: 'length' | 'format' | 'checksum' | 'birth_date' | 'future_birth_date' };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function checkDigit(first17: string): string {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return CHECK_CHARS[sum % 11] as string;
}

function realDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/**
 * `today` as YYYY-MM-DD. Full-width digits and spaces, as pasted from documents, are tolerated; the
 * checks run in the server's order (format, check digit, birth date) so both name the same fault.
 */
export function previewIdNumber(raw: string, today: string): IdNumberPreview {
  const id = raw
    .replace(/[０-９Ｘｘ]/g, (c) => (c === 'Ｘ' || c === 'ｘ' ? 'X' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/\s/g, '')
    .toUpperCase();
  let value: string;
  if (id.length === 18) {
    if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
    if (checkDigit(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'checksum' };
    value = id;
  } else if (id.length === 15) {
    // A first-generation number: two-digit year (all 1900s), no check digit.
    if (!/^\d{15}$/.test(id)) return { ok: false, reason: 'format' };
    value = `${id.slice(0, 6)}19${id.slice(6)}0`;
  } else {
    return { ok: false, reason: 'length' };
  }
  const year = Number(value.slice(6, 10));
  const birthDate = year >= 1800 ? realDate(year, Number(value.slice(10, 12)), Number(value.slice(12, 14))) : undefined;
  if (!birthDate) return { ok: false, reason: 'birth_date' };
  if (birthDate > today) return { ok: false, reason: 'future_birth_date' };
  return { ok: true, birthDate, gender: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}
