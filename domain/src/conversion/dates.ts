import type { IsoDate } from '../normalize.js';

/** Earlier than any real date: a fact with no date of its own (frontline, occupation) holds since then. */
export const SINCE_ALWAYS: IsoDate = '0001-01-01';

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The date n whole years after an ISO date, the day clamped to the month's end (2020-02-29 + 1 →
 * 2021-02-28): what PostgreSQL's `date + make_interval(years => n)` gives, so SQL and memory agree.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  if (years === 0) return date;
  const y = Number(date.slice(0, 4)) + years;
  const m = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const d = day <= 28 ? day : Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const laterDate = (a: IsoDate, b: IsoDate | null | undefined): IsoDate => (b && b > a ? b : a);
