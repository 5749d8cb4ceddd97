import { compilePlan } from '@changai/domain';
import { CompiledQuery } from 'kysely';
import * as repo from '../server/src/modules/conversion/conversion.repository.js';
import * as factsRepo from '../server/src/modules/conversion/facts.repository.js';
import { columnKey } from '../server/src/modules/conversion/eligibility.repository.js';
import { openBenchDatabase } from './support.js';
const { database } = await openBenchDatabase(process.env.DATABASE_URL);
const db = database.db;
const row = await repo.findCurrentRuleSet(db, '2026-11-26');
const plan = compilePlan((row as any).definition, {});
const layout = (await factsRepo.findLayout(db))!;
const maxY = new Map<number, number>();
for (const a of plan.atoms) { const c = layout.columns.indexOf(columnKey(a)); const y = (a as any).years ?? 0; maxY.set(c, Math.max(maxY.get(c) ?? 0, y)); }
console.log([...maxY.entries()].sort((a,b)=>a[0]-b[0]).map(([c,y])=>`s${c}:${y}`).join(' '));
const terms = [...maxY.entries()].map(([c, y]) => `(s${c} + interval '${y} years')::date`);
const q = `select count(*) filter (where coalesce(greatest(${terms.join(',')}), '0001-01-01') <= '2026-11-26') settled, count(*) filter (where coalesce(greatest(${terms.join(',')}), '0001-01-01') <= '2025-11-26') settled_h, count(*) from conversion_facts where is_employed`;
console.log((await db.executeQuery(CompiledQuery.raw(q))).rows);
await database.close();
