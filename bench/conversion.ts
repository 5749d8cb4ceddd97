import os from 'node:os';
import { loadDemoData } from '../server/src/cli/demo-data.js';
import * as conversion from '../server/src/modules/conversion/conversion.service.js';
import * as demoService from '../server/src/modules/demo/demo.service.js';
import { seedReferenceOrgs } from '../server/src/modules/org/org.seed.js';
import { loadActor } from '../server/src/platform/auth/sessions.js';
import type { Ctx } from '../server/src/platform/context.js';
import { migrateToLatest } from '../server/src/platform/db/migrate.js';
import { benchCipher, keptCounts, openBenchDatabase, percentile, usesKeptDatabase } from './support.js';

const url = process.env.DATABASE_URL;
const scale = Number(process.env.BENCH_SCALE ?? (url ? 1 : 0.1));
const figures: Record<string, number | string> = { engine: url ? 'postgres' : 'pglite', scale };
const log = (...args: unknown[]) => console.log(...args);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

async function main() {
  log(`Conversion bench — ${figures.engine}, scale ${scale}, ${os.cpus().length} cores`);
  const { database, cleanup } = await openBenchDatabase(url);
  try {
    const cipher = benchCipher();
    const quiet = { info() {}, warn() {}, error() {}, debug() {} };
    const system: Ctx = { db: database.db, actor: { kind: 'system', name: 'bench' }, now: () => new Date(), log: quiet, cipher };
    await migrateToLatest(database.db);
    if (usesKeptDatabase()) {
      // A kept database, loaded before (its facts built by the load).
      Object.assign(figures, await keptCounts(database));
    } else {
      await seedReferenceOrgs(database.db, new Date());
      await loadDemoData(system);
      const [loaded, loadMs] = await timed(() =>
        demoService.loadRegistry(system, database, scale, (w, total) =>
          process.stdout.write(`\r  … ${w.toLocaleString('en')} / ${total.toLocaleString('en')} workers`),
        ),
      );
      process.stdout.write('\n');
      if (!loaded) throw new Error('demo not loaded');
      figures.demo_workers = loaded.workers;
      figures.demo_credentials = loaded.credentials;
      figures.demo_load_s = Number((loadMs / 1000).toFixed(1));
      log(`  demo load: ${figures.demo_load_s} s (${loaded.workers.toLocaleString('en')} workers)`);
    }

    // The demo load ends by building the per-worker facts; built again here to time it alone
    // (BENCH_FACTS=kept: only brought up to date, when a kept database's were timed before).
    if (process.env.BENCH_FACTS === 'kept') {
      const refreshed = await conversion.refreshStaleFacts(system);
      log(`  facts kept (${JSON.stringify(refreshed)})`);
    } else {
      const [built, buildMs] = await timed(() => conversion.buildFacts(system));
      figures.facts_build_ms = Math.round(buildMs);
      figures.facts_columns = built.columns;
      log(`  facts build: ${figures.facts_build_ms} ms (${built.workers.toLocaleString('en')} workers × ${built.columns} date columns)`);
    }

    const admin = await database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const actor = await loadActor(database.db, admin.id);
    const ctx: Ctx = { ...system, actor: actor as NonNullable<typeof actor> };
    await conversion.ensureDefaultRuleSet(ctx);

    // One worker's evaluation, as the pathway page asks for it: a spread of workers across the registry.
    const sample = await database.db.selectFrom('workers').select('id').orderBy('id').limit(2000).execute();
    const ids = sample.filter((_, i) => i % 20 === 0).map((r) => r.id);
    await conversion.evaluate(ctx, ids[0]!);
    const samples: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const id of ids) samples.push((await timed(() => conversion.evaluate(ctx, id)))[1]);
    }
    figures.eligibility_worker_ms_p50 = Number(percentile(samples, 50).toFixed(1));
    figures.eligibility_worker_ms_p95 = Number(percentile(samples, 95).toFixed(1));
    log(`  one worker: p50 ${figures.eligibility_worker_ms_p50} ms, p95 ${figures.eligibility_worker_ms_p95} ms (${samples.length} runs)`);

    const [first, firstMs] = await timed(() => conversion.eligibility(ctx, {}));
    const [, secondMs] = await timed(() => conversion.eligibility(ctx, {}));
    figures.eligibility_province_first_ms = Math.round(firstMs);
    figures.eligibility_province_ms = Math.round(Math.min(firstMs, secondMs));
    figures.eligibility_pathways = first.pathways.length;
    figures.eligibility_regions = new Set(first.byRegion.map((r) => r.regionCode)).size;
    const top = first.totals.filter((x) => x.eligibleNow > 0).sort((a, b) => b.eligibleNow - a.eligibleNow)[0];
    log(
      `  province table: ${figures.eligibility_province_ms} ms (first ${figures.eligibility_province_first_ms} ms), ${first.workers.toLocaleString('en')} workers, ${figures.eligibility_pathways} pathways × ${figures.eligibility_regions} prefectures`,
    );
    if (top) log(`    most eligible now: ${top.pathwayId} ${top.eligibleNow.toLocaleString('en')}`);

    const wuhan = await database.db.selectFrom('orgs').select('id').where('code', '=', '420100').executeTakeFirstOrThrow();
    const [, subtreeMs] = await timed(() => conversion.eligibility(ctx, { orgId: wuhan.id }));
    figures.eligibility_subtree_ms = Math.round(subtreeMs);
    log(`  Wuhan subtree table: ${figures.eligibility_subtree_ms} ms`);

    const [whatIf, whatIfMs] = await timed(() =>
      conversion.whatIf(ctx, { parameters: { technician_to_intermediate_years: 2, technician_after_senior_years: 4 } }),
    );
    figures.whatif_province_ms = Math.round(whatIfMs);
    const delta = whatIf.draft.totals.reduce((n, x, i) => n + x.eligibleNow - whatIf.current.totals[i]!.eligibleNow, 0);
    log(
      `  what-if (current + draft tables): ${figures.whatif_province_ms} ms; ${delta.toLocaleString('en')} more eligible now under the draft`,
    );
  } finally {
    await database.close();
    await cleanup();
  }
  console.log(JSON.stringify(figures));
}

await main();
process.exit(0);
