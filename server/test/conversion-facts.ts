import { addYears, factPairs } from '@changai/domain';
import { expect } from 'vitest';
import * as conversion from '../src/modules/conversion/conversion.service.js';
import * as facts from '../src/modules/conversion/facts.repository.js';
import type { TestApp } from './test-app.js';

/**
 * The stored per-worker facts equal a from-scratch recomputation for the rules in force, and each row's
 * mask is the truths of the layout's (column, years) pairs over its span: on its first day (or ever
 * before the first pair comes due), with `validUntil` the next day one comes due; taken on or before
 * the layout's base day.
 */
export async function expectFactsFresh(t: TestApp) {
  const { columns, steps } = await conversion.factsLayoutInForce(t.system);
  const layout = await facts.findLayout(t.database.db);
  expect(layout?.steps).toEqual(steps);
  const stored = await facts.listStored(t.database.db, columns.length);
  const recomputed = await facts.recompute(t.database.db, columns);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.map(({ mask, validFrom, validUntil, ...starts }) => starts)).toEqual(recomputed);
  const pairs = factPairs(steps);
  expect(pairs.length).toBeGreaterThan(0);
  for (const row of stored) {
    const due = pairs.map((p) => {
      const start = row[`s${p.column}`] as string | null;
      return start === null ? null : addYears(start, p.years);
    });
    const on = (row.validFrom as string | null) ?? '0000-01-01';
    expect(on <= layout!.baseOn).toBe(true);
    expect(BigInt(row.mask as number)).toBe(due.reduce((m, d, j) => (d !== null && d <= on ? m | (1n << BigInt(j)) : m), 0n));
    expect(row.validFrom).toBe(
      due
        .filter((d) => d !== null && d <= on)
        .sort()
        .at(-1) ?? null,
    );
    expect(row.validUntil).toBe(due.filter((d) => d !== null && d > on).sort()[0] ?? null);
  }
}
