import { addYears, compilePlan, divisionsOfCategory } from '@changai/domain';
import { CompiledQuery } from 'kysely';
import { eligibilityQuery, layoutColumns, tuneForCounting } from '../server/src/modules/conversion/eligibility.repository.js';
import * as factsRepo from '../server/src/modules/conversion/facts.repository.js';
import * as repo from '../server/src/modules/conversion/conversion.repository.js';
import { openBenchDatabase } from './support.js';

const { database } = await openBenchDatabase(process.env.DATABASE_URL);
const db = database.db;
const asOf = '2026-11-26';
const row = await repo.findCurrentRuleSet(db, asOf);
const def = (row as any).definition;
const whatif = process.env.WHATIF === '1';
const plans = whatif ? [compilePlan(def, {}), compilePlan(def, { technician_to_intermediate_years: 2, technician_after_senior_years: 4 })] : [compilePlan(def, {})];
const layout = await factsRepo.findLayout(db);
const stored = factsRepo.storedColumns(layout!, layoutColumns(plans))!;
const q = eligibilityQuery(plans, { asOf, horizon: addYears(asOf, 1), population: { employedOnly: true }, categories: { pillar: divisionsOfCategory('pillar'), characteristic: divisionsOfCategory('characteristic'), emerging: divisionsOfCategory('emerging') }, source: { kind: 'stored', stored, years: layout!.years } });
const compiled = q.compile(db);
if (process.env.PRINT) console.log(compiled.sql, compiled.parameters.length);
await db.transaction().execute(async (trx) => {
  await tuneForCounting(trx);
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const r = await trx.executeQuery(CompiledQuery.raw(`explain (analyze, buffers off) ${compiled.sql}`, [...compiled.parameters]));
    console.log((performance.now() - t).toFixed(0), 'ms');
    if (i === 1) console.log((r.rows as any[]).map((x) => x['QUERY PLAN']).join('\n').slice(0, 4000));
  }
});
await database.close();
