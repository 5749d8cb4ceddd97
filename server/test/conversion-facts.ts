import { addYears } from '@changai/domain';
import { expect } from 'vitest';
import * as conversion from '../src/modules/conversion/conversion.service.js';
import * as facts from '../src/modules/conversion/facts.repository.js';
import type { TestApp } from './test-app.js';

/**
 * The stored per-worker facts equal a from-scratch recomputation for the rules in force, and each row
 * carries its present columns and the day its latest column has counted the most years the rules ask on it.
 */
export async function expectFactsFresh(t: TestApp) {
  const { columns, years } = await conversion.factsLayoutInForce(t.system);
  expect((await facts.findLayout(t.database.db))?.years).toEqual(years);
  const stored = await facts.listStored(t.database.db, columns.length);
  const recomputed = await facts.recompute(t.database.db, columns);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.map(({ present, settledOn, ...starts }) => starts)).toEqual(recomputed);
  for (const row of stored) {
    const starts = columns.map((_, i) => row[`s${i}`] as string | null);
    expect(BigInt(row.present as number)).toBe(starts.reduce((m, s, i) => (s === null ? m : m | (1n << BigInt(i))), 0n));
    const ends = starts.flatMap((s, i) => (s === null ? [] : [addYears(s, years[i]!)])).sort();
    expect(row.settledOn).toBe(ends.at(-1) ?? null);
  }
}
