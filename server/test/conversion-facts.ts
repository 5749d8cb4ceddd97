import { addYears, factPairs, factsHorizon, presentBit } from '@changai/domain';
import { sql } from 'kysely';
import { expect } from 'vitest';
import * as conversion from '../src/modules/conversion/conversion.service.js';
import * as facts from '../src/modules/conversion/facts.repository.js';
import type { TestApp } from './test-app.js';

/**
 * The stored per-worker facts equal a from-scratch recomputation for the rules in force, and each row's
 * masks are the truths of the layout's (column, years) pairs over their spans: on its first day (or
 * ever before the first pair comes due), with the span's end the next day one comes due; taken on or
 * before the layout's base day (`mask`) and its horizon a year later (`maskH`).
 */
export async function expectFactsFresh(t: TestApp) {
  const { columns, steps } = await conversion.factsLayoutInForce(t.system);
  const layout = await facts.findLayout(t.database.db);
  expect(layout?.steps).toEqual(steps);
  const stored = await facts.listStored(t.database.db, columns.length);
  const recomputed = await facts.recompute(t.database.db, columns);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.map(({ mask, validFrom, validUntil, maskH, hFrom, hUntil, mids, present, ...starts }) => starts)).toEqual(recomputed);
  const pairs = factPairs(steps);
  expect(pairs.length).toBeGreaterThan(0);
  // The tally (migration 0021) counts the employed workers' rows per group, however many rows it appended.
  const { rows: tally } = await sql<{ key: string; n: number }>`
    select concat_ws('|', prefecture, industry_division, mask, mask_h, mids) as key, sum(n)::int as n from conversion_facts_tally
    group by prefecture, industry_division, mask, mask_h, mids having sum(n) <> 0 order by 1`.execute(t.database.db);
  const { rows: grouped } = await sql<{ key: string; n: number }>`
    select concat_ws('|', prefecture, industry_division, mask, mask_h, mids) as key, count(*)::int as n from conversion_facts
    where is_employed group by prefecture, industry_division, mask, mask_h, mids order by 1`.execute(t.database.db);
  expect(tally).toEqual(grouped);
  expect(grouped.length).toBeGreaterThan(0);
  for (const row of stored) {
    const due = pairs.map((p) => {
      const start = row[`s${p.column}`] as string | null;
      return start === null ? null : addYears(start, p.years);
    });
    const present = columns.reduce((bits, _, c) => (row[`s${c}`] === null ? bits : bits | presentBit(c)), 0n);
    expect(BigInt(row.present as string | number)).toBe(present);
    const spans = [
      [row.mask, row.validFrom, row.validUntil, layout!.baseOn],
      [row.maskH, row.hFrom, row.hUntil, factsHorizon(layout!.baseOn)],
    ] as const;
    // The masks of the days within the year on which pairs come due, but the last, when there are two or more.
    const horizon = factsHorizon(layout!.baseOn);
    const days = [...new Set(due.filter((d): d is string => d !== null && d > layout!.baseOn && d <= horizon))].sort();
    const maskOn = (day: string) => due.reduce((m, d, j) => (d !== null && d <= day ? m | (1n << BigInt(j)) : m), 0n);
    expect(row.mids === null ? null : (row.mids as unknown[]).map((m) => BigInt(String(m)))).toEqual(
      days.length >= 2 ? days.slice(0, -1).map(maskOn) : null,
    );
    for (const [mask, from, until, day] of spans) {
      const on = (from as string | null) ?? '0000-01-01';
      expect(on <= day).toBe(true);
      expect(BigInt(mask as number)).toBe(due.reduce((m, d, j) => (d !== null && d <= on ? m | (1n << BigInt(j)) : m), 0n));
      expect(from).toBe(
        due
          .filter((d) => d !== null && d <= on)
          .sort()
          .at(-1) ?? null,
      );
      expect(until).toBe(due.filter((d) => d !== null && d > on).sort()[0] ?? null);
    }
  }
}
