/** Pure rules of indicators: which version is in force, what a formula yields, which target applies. */

export type Version = { version: number; effectiveFrom: string; numeratorCode: string; denominatorCode: string | null; factor: number };
export type Target = { year: number; value: number; isUncertain: boolean; source: string | null };

/** The version in force on a day: the latest that took effect on or before it (none before the first). */
export function versionOn<V extends Version>(versions: V[], day: string): V | undefined {
  let found: V | undefined;
  for (const v of versions) if (v.effectiveFrom <= day && (!found || v.effectiveFrom > found.effectiveFrom)) found = v;
  return found;
}

/** numerator / denominator × factor; null when an element has no value or the denominator is 0. */
export function evaluate(version: Version, values: Map<string, number | null>): number | null {
  const numerator = values.get(version.numeratorCode);
  if (numerator === null || numerator === undefined) return null;
  if (version.denominatorCode === null) return numerator * version.factor;
  const denominator = values.get(version.denominatorCode);
  if (denominator === null || denominator === undefined || denominator === 0) return null;
  return (numerator / denominator) * version.factor;
}

/** The target a year is measured against: that year's, else the nearest later one (a plan's end year), else none. */
export function targetFor<T extends Target>(targets: T[], year: number): T | undefined {
  return targets.filter((t) => t.year >= year).sort((a, b) => a.year - b.year)[0];
}

/** The same day a year earlier (29 February → 28 February). */
export function yearBefore(day: string): string {
  const year = Number(day.slice(0, 4)) - 1;
  const rest = day.slice(4) === '-02-29' ? '-02-28' : day.slice(4);
  return `${year}${rest}`;
}

const lastDayOfMonth = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate();

/**
 * How "as of D" reads the monthly aggregate: whole months before `before` (exclusive), plus the days
 * [from, to] counted from the registry's index when D is not a month's last day.
 */
export function asOfSplit(day: string): { before: string; partial: { from: string; to: string } | null } {
  const monthStart = `${day.slice(0, 7)}-01`;
  if (Number(day.slice(8, 10)) === lastDayOfMonth(day)) {
    const y = Number(day.slice(0, 4));
    const m = Number(day.slice(5, 7));
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    return { before: next, partial: null };
  }
  return { before: monthStart, partial: { from: monthStart, to: day } };
}
