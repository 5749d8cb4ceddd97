/**
 * Reporting periods of the indicator system: a calendar year ("2020"), quarter ("2020-Q4") or month
 * ("2020-10"). A period code names its type; every figure is stated for a period, as of its last day.
 */
export const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];
export type Period = { code: string; type: PeriodType; startsOn: string; endsOn: string };

const PATTERN = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/;
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period a code names, or undefined when the code is not one (years 1900–2999). */
export function parsePeriod(code: string): Period | undefined {
  const m = PATTERN.exec(code);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1900) return undefined;
  const [type, first, last]: [PeriodType, number, number] = m[2]
    ? ['quarter', (Number(m[2]) - 1) * 3 + 1, Number(m[2]) * 3]
    : m[3]
      ? ['month', Number(m[3]), Number(m[3])]
      : ['year', 1, 12];
  return { code, type, startsOn: `${year}-${pad(first)}-01`, endsOn: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** The period of the given type that contains an ISO date. */
export function periodOf(type: PeriodType, date: string): Period {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const code = type === 'year' ? year : type === 'quarter' ? `${year}-Q${Math.floor((month - 1) / 3) + 1}` : `${year}-${pad(month)}`;
  return parsePeriod(code) as Period;
}

/** The period `steps` periods after (negative: before) the given one, of the same type. */
export function shiftPeriod(period: Period, steps: number): Period {
  const year = Number(period.code.slice(0, 4));
  const month = Number(period.startsOn.slice(5, 7));
  const months = period.type === 'year' ? 12 : period.type === 'quarter' ? 3 : 1;
  const index = year * 12 + (month - 1) + steps * months;
  return periodOf(period.type, `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`);
}

/** The same period one year earlier ("2020-Q4" → "2019-Q4"). */
export function samePeriodLastYear(period: Period): Period {
  return shiftPeriod(period, period.type === 'year' ? -1 : period.type === 'quarter' ? -4 : -12);
}

/** The periods of a type from the one containing `from` to the one containing `to`, oldest first (at most 240). */
export function periodsBetween(type: PeriodType, from: string, to: string): Period[] {
  const periods: Period[] = [];
  for (let p = periodOf(type, from); p.startsOn <= to && periods.length < 240; p = shiftPeriod(p, 1)) periods.push(p);
  return periods;
}
