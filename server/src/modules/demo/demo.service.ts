import os from 'node:os';
import { audit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { claimSetting, getSetting, setSetting } from '../../platform/settings.js';
import * as conversionService from '../conversion/conversion.service.js';
import * as indicatorsService from '../indicators/indicators.service.js';
import * as orgService from '../org/org.service.js';
import * as workersService from '../workers/workers.service.js';
import { generateBatches } from './demo.batches.js';
import { DEMO_MILESTONES, scaledCounts } from './demo.figures.js';
import { CREDENTIAL_COLUMNS, type DemoEnterprise, planEnterprises, WORKER_COLUMNS } from './demo.generator.js';
import { Random } from './demo.random.js';

export const DEMO_SETTING = 'demo.registry';
const DEMO_QUEUED_SETTING = 'demo.registry.queued';
// Small batches keep a server that loads in the background responsive (one COPY at a time).
const BATCH_WORKERS = 2_000;

/** The six named demo employers get industries and profiles too, and weigh more in hiring. */
const EXISTING: Record<string, { division: string; category: string; size: string; weight: number }> = {
  'E-WUGANG': { division: '31', category: 'pillar', size: 'large', weight: 400 },
  'E-DONGFENG': { division: '36', category: 'pillar', size: 'large', weight: 500 },
  'E-YMTC': { division: '39', category: 'emerging', size: 'large', weight: 250 },
  'E-HZSK': { division: '34', category: 'pillar', size: 'medium', weight: 60 },
  'E-XINGFA': { division: '26', category: 'pillar', size: 'large', weight: 150 },
  'E-XYZC': { division: '36', category: 'pillar', size: 'medium', weight: 60 },
};

/**
 * `exclusive`: one transaction that rebuilds the registry's indexes at the end and locks it meanwhile
 * (the CLI); otherwise batch by batch while the server answers. `threads`: generating threads
 * (default: one per core, but one on PGlite).
 */
export type LoadOptions = { exclusive?: boolean; threads?: number };

/**
 * PGlite runs on this thread, so it keeps a core for itself; PostgreSQL works in its own processes
 * and, given the rows, does less than generating them costs (scale 1: the one generating thread was
 * busy 81% of the time, PostgreSQL 23%), so every core generates.
 */
const generatingThreads = (engine: Database['kind']) => Math.max(1, os.availableParallelism() - (engine === 'pglite' ? 1 : 0));

export type DemoLoadResult = { scale: number; enterprises: number; workers: number; credentials: number; seconds: number };

/**
 * `changai demo --scale S`: a deterministic province (seed 2020) whose rows reproduce the published
 * figures at both milestones. Loads only into a registry without demo workers.
 */
export async function loadRegistry(
  ctx: Ctx,
  database: Database,
  scale: number,
  onProgress?: (workers: number, total: number) => void,
  options: LoadOptions = {},
): Promise<DemoLoadResult | undefined> {
  if (await getSetting(ctx.db, DEMO_SETTING)) return undefined;
  const started = performance.now();
  const random = new Random(2020);
  const [first, second] = DEMO_MILESTONES;
  const counts = scaledCounts(scale, {
    first: await workersService.skillFigures(ctx, first.asOf),
    second: await workersService.skillFigures(ctx, second.asOf),
  });
  const divisions = await orgService.employerDivisions(ctx);
  const existingOrgs = await orgService.list(ctx, { kind: 'enterprise', limit: 500, includeInactive: false });
  const existing: DemoEnterprise[] = [];
  for (const org of existingOrgs) {
    const profile = EXISTING[org.code];
    const parent = divisions.find((d) => d.id === org.parentId);
    if (!profile || !parent) continue;
    existing.push({
      id: org.id,
      code: org.code,
      name: org.name,
      parentId: parent.id,
      path: `${parent.path}${org.id}/`,
      regionCode: parent.code,
      prefectureCode: parent.prefectureCode,
      creditCode: '',
      industryDivision: profile.division,
      industryCategory: profile.category,
      ownership: 'state',
      size: profile.size,
      weight: profile.weight * Math.max(1, scale * 100),
      isExisting: true,
    });
  }
  const enterprises = planEnterprises(random, divisions, counts.total, existing);
  // Existing orgs keep their row (insert is skipped) and gain an enterprise profile.
  await orgService.createEnterprises(ctx, enterprises);
  const now = ctx.now().toISOString();
  // The generator writes each worker's conversion facts for the rules in force as it goes.
  const facts = await conversionService.factsLayoutInForce(ctx);
  const factsPlan = facts.fits ? { columns: facts.columns, steps: facts.steps, baseOn: facts.baseOn } : undefined;
  const job = { counts, enterprises, keys: ctx.cipher.derivedKeys(), batchWorkers: BATCH_WORKERS, facts: factsPlan };
  const batches = generateBatches(job, options.threads ?? generatingThreads(database.kind));
  await conversionService.suspendFacts(ctx);
  let workers = 0;
  let credentials = 0;
  const load = async (copy: (table: workersService.BulkTable, columns: string[], csv: string) => Promise<number>) => {
    for await (const batch of batches) {
      workers += await copy('workers', WORKER_COLUMNS, batch.workerCsv);
      credentials += await copy('credentials', CREDENTIAL_COLUMNS, batch.credentialCsv);
      if (factsPlan && batch.factsCsv)
        await copy('conversion_facts', conversionService.factsCopyColumns(factsPlan.columns.length), batch.factsCsv);
      onProgress?.(workers, counts.total);
    }
  };
  if (options.exclusive) await workersService.bulkLoad(ctx, database, load);
  else await load((table, columns, csv) => workersService.copyRows(ctx, database.copy, table, columns, one(csv)));
  await workersService.analyzeAfterBulkLoad(ctx);
  // indicators: the COPY batches bypass the workers' triggers (replica role); rebuild the dashboard's aggregate once.
  await indicatorsService.rebuildAggregates(ctx);
  await conversionService.adoptLoadedFacts(ctx, facts, 'demo');
  const result = { scale, enterprises: enterprises.length, workers, credentials, seconds: (performance.now() - started) / 1000 };
  await ctx.db.transaction().execute(async (trx) => {
    await setSetting(trx, DEMO_SETTING, { scale, counts, loadedAt: now }, ctx.now());
    await audit(trx, ctx, { action: 'demo.load_registry', entityType: 'worker', after: result });
  });
  return result;
}

/** Claims the first-start demo load once, across instances: true for the caller that should queue it. */
export async function markQueued(ctx: Ctx, scale: number): Promise<boolean> {
  return claimSetting(ctx.db, DEMO_QUEUED_SETTING, { scale, at: ctx.now().toISOString() }, ctx.now());
}

export async function demoScale(ctx: Pick<Ctx, 'db'>): Promise<number | null> {
  const setting = (await getSetting(ctx.db, DEMO_SETTING)) as { scale?: number } | undefined;
  return setting?.scale ?? null;
}

async function* one(text: string) {
  yield text;
}

/** For the health report: the demo registry's scale and whether it is still loading. */
export async function demoStatus(ctx: Pick<Ctx, 'db'>): Promise<{ scale: number; status: 'loading' | 'ready' } | null> {
  const ready = (await getSetting(ctx.db, DEMO_SETTING)) as { scale: number } | undefined;
  if (ready) return { scale: ready.scale, status: 'ready' };
  const queued = (await getSetting(ctx.db, DEMO_QUEUED_SETTING)) as { scale: number } | undefined;
  return queued ? { scale: queued.scale, status: 'loading' } : null;
}
