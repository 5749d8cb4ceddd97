/**
 * Reporting periods of a reform task: each calendar month (or quarter) the task runs through, its
 * report due on the period's last day, the last one capped at the task's deadline.
 */
export type ReportCycle = 'monthly' | 'quarterly';
export type ReportPeriod = { period: string; startsOn: string; dueOn: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** At most this many periods (ten years monthly): a guard against absurd date ranges. */
export const MAX_PERIODS = 120;

export function reportPeriods(cycle: ReportCycle, startsOn: string, dueOn: string): ReportPeriod[] {
  if (dueOn < startsOn) return [];
  const step = cycle === 'monthly' ? 1 : 3;
  let year = Number(startsOn.slice(0, 4));
  let month = Number(startsOn.slice(5, 7));
  if (step === 3) month = Math.floor((month - 1) / 3) * 3 + 1;
  const periods: ReportPeriod[] = [];
  while (periods.length < MAX_PERIODS) {
    const endMonth = month + step - 1;
    const end = `${year}-${pad(endMonth)}-${pad(lastDayOfMonth(year, endMonth))}`;
    const start = `${year}-${pad(month)}-01`;
    if (start > dueOn) break;
    const period = step === 1 ? `${year}-${pad(month)}` : `${year}-Q${(month - 1) / 3 + 1}`;
    periods.push({ period, startsOn: start, dueOn: end < dueOn ? end : dueOn });
    month += step;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return periods;
}

/** The period a report for `period` belongs to, when it is one of the task's periods. */
export function findPeriod(cycle: ReportCycle, startsOn: string, dueOn: string, period: string): ReportPeriod | undefined {
  return reportPeriods(cycle, startsOn, dueOn).find((p) => p.period === period);
}

/** Whole days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
