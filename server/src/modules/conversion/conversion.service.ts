import {
  type EligibilityTable,
  type PathwayEvaluation,
  type RuleSetRef,
  RuleSetSchema,
  type RuleSetVersion,
  type SaveRuleSet,
  type WhatIf,
  type WorkerDetail,
  type WorkerEvaluation,
} from '@changai/contracts';
import {
  addYears,
  compilePlan,
  DEFAULT_RULE_SET,
  divisionsOfCategory,
  evaluateWorker,
  type ParameterValues,
  provinceDate,
  type RuleSet,
  type WorkerFacts,
} from '@changai/domain';
import { stringify } from 'yaml';
import { audit } from '../../platform/audit.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { shortLived } from '../../platform/cache.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs.js';
import * as orgService from '../org/org.service.js';
import * as workersService from '../workers/workers.service.js';
import * as repo from './conversion.repository.js';
import { eligibilityGroups, type FactsSource, layoutColumns, layoutSteps, regionNames, tuneForCounting } from './eligibility.repository.js';
import * as factsRepo from './facts.repository.js';
import { checkRuleSet, parseRuleText, type RuleProblem } from './rule-text.js';

// ——— rule sets ———

/** The national default is loaded, with its citations, the first time anyone asks for rules. */
export async function ensureDefaultRuleSet(ctx: Pick<Ctx, 'db' | 'now'>): Promise<void> {
  if (await repo.hasAnyRuleSet(ctx.db)) return;
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertRuleSet(trx, {
      code: DEFAULT_RULE_SET.code,
      version: 1,
      nameZh: DEFAULT_RULE_SET.name.zh,
      nameEn: DEFAULT_RULE_SET.name.en,
      effectiveFrom: DEFAULT_RULE_SET.effectiveFrom,
      effectiveTo: DEFAULT_RULE_SET.effectiveTo ?? null,
      definition: DEFAULT_RULE_SET,
      note: '默认规则（全国通用）',
      createdBy: null,
      now: ctx.now(),
    });
    if (inserted) {
      await audit(
        trx,
        { actor: { kind: 'system', name: 'conversion' }, now: ctx.now },
        {
          action: 'rules.load_default',
          entityType: 'rule_set',
          entityId: inserted.id,
          after: { code: DEFAULT_RULE_SET.code, version: 1, sources: DEFAULT_RULE_SET.sources.map((s) => s.number ?? s.title) },
        },
      );
    }
  });
}

const refOf = (row: { id: string; code: string; version: number; effectiveFrom: string }): RuleSetRef => ({
  id: row.id,
  code: row.code,
  version: row.version,
  effectiveFrom: row.effectiveFrom,
});

export type LoadedRuleSet = { ref: RuleSetRef; definition: RuleSet };

/** The rule set in force on a day: read by every evaluation, saved a few times a year. */
const inForce = shortLived<LoadedRuleSet | undefined>(5_000);

export async function currentRuleSet(ctx: Ctx, asOf: string): Promise<LoadedRuleSet> {
  const loaded = await inForce.get(ctx.db, asOf, async () => {
    await ensureDefaultRuleSet(ctx);
    const row = await repo.findCurrentRuleSet(ctx.db, asOf);
    return row ? { ref: refOf(row), definition: row.definition as RuleSet } : undefined;
  });
  if (!loaded) throw new RuleViolationError('rules.none_in_force', { date: asOf });
  return loaded;
}

function toVersion(row: repo.RuleSetRow, currentId: string | undefined): RuleSetVersion {
  return {
    ...refOf(row),
    name: { zh: row.nameZh, en: row.nameEn },
    effectiveTo: row.effectiveTo,
    note: row.note,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    isCurrent: row.id === currentId,
    definition: row.definition as RuleSetVersion['definition'],
  };
}

export async function listRuleSets(ctx: Ctx) {
  await ensureDefaultRuleSet(ctx);
  const current = await repo.findCurrentRuleSet(ctx.db, provinceDate(ctx.now()));
  const rows = await repo.listRuleSets(ctx.db);
  return {
    items: rows.map((r) => ({
      ...refOf(r),
      name: { zh: r.nameZh, en: r.nameEn },
      effectiveTo: r.effectiveTo,
      note: r.note,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      isCurrent: r.id === current?.id,
    })),
  };
}

export async function getRuleSet(ctx: Ctx, id: string): Promise<RuleSetVersion> {
  await ensureDefaultRuleSet(ctx);
  const row = await repo.findRuleSet(ctx.db, id);
  if (!row) throw new NotFoundError('rule_set');
  const current = await repo.findCurrentRuleSet(ctx.db, provinceDate(ctx.now()));
  return toVersion(row, current?.id);
}

/** The version as editor text: pretty JSON, or YAML. */
export async function ruleSetText(ctx: Ctx, id: string, format: 'json' | 'yaml') {
  const version = await getRuleSet(ctx, id);
  // jsonb keeps keys in its own order; the schema puts them back in the document's reading order.
  const definition = RuleSetSchema.parse(version.definition);
  const text = format === 'yaml' ? stringify(definition, { lineWidth: 0 }) : `${JSON.stringify(definition, null, 2)}\n`;
  return { format, text };
}

/** Checks editor text without saving: every problem located in the text. */
export function validateText(text: string): { ok: boolean; problems: RuleProblem[] } {
  const { problems } = parseRuleText(text);
  return { ok: problems.length === 0, problems };
}

function changes(before: RuleSet | undefined, after: RuleSet) {
  const params: Record<string, [number | null, number]> = {};
  for (const p of after.parameters) {
    const old = before?.parameters.find((x) => x.key === p.key)?.value ?? null;
    if (old !== p.value) params[p.key] = [old, p.value];
  }
  const beforeIds = new Map((before?.pathways ?? []).map((p) => [p.id, JSON.stringify(p)]));
  const afterIds = new Set(after.pathways.map((p) => p.id));
  return {
    parameters: params,
    pathwaysAdded: after.pathways.filter((p) => !beforeIds.has(p.id)).map((p) => p.id),
    pathwaysRemoved: [...beforeIds.keys()].filter((id) => !afterIds.has(id)),
    pathwaysChanged: after.pathways.filter((p) => beforeIds.has(p.id) && beforeIds.get(p.id) !== JSON.stringify(p)).map((p) => p.id),
  };
}

/** Saves a new version of a rule set (its code names the set); earlier versions stay as they were. */
export async function saveRuleSet(ctx: Ctx, input: SaveRuleSet): Promise<RuleSetVersion> {
  scopeFor(ctx.actor, 'rules:manage');
  const { ruleSet, problems } = 'text' in input ? parseRuleText(input.text) : checkRuleSet(input.definition);
  if (!ruleSet) {
    const prefix = 'text' in input ? 'body.text' : 'body.definition';
    throw new ValidationError(
      problems.map((p) => ({
        path: p.path ? `${prefix}.${p.path}` : prefix,
        message: p.line !== null ? `${p.message} (${p.line}:${p.column})` : p.message,
      })),
    );
  }
  await ensureDefaultRuleSet(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const version = await repo.nextVersion(trx, ruleSet.code);
    const previous = version > 1 ? await latestOf(trx, ruleSet.code) : undefined;
    const inserted = await repo.insertRuleSet(trx, {
      code: ruleSet.code,
      version,
      nameZh: ruleSet.name.zh,
      nameEn: ruleSet.name.en,
      effectiveFrom: ruleSet.effectiveFrom,
      effectiveTo: ruleSet.effectiveTo ?? null,
      definition: ruleSet,
      note: input.note ?? null,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      now: ctx.now(),
    });
    if (!inserted) throw new ConflictError('rules.version_conflict');
    // New rules may read other columns: the facts job rebuilds them if so.
    await queueFactsJob(trx);
    await audit(trx, ctx, {
      action: 'rules.save',
      entityType: 'rule_set',
      entityId: inserted.id,
      before: previous ? { id: previous.id, version: previous.version } : undefined,
      after: {
        code: ruleSet.code,
        version,
        effectiveFrom: ruleSet.effectiveFrom,
        note: input.note ?? null,
        ...changes(previous?.definition, ruleSet),
      },
    });
    return inserted.id;
  });
  inForce.forget(ctx.db);
  return getRuleSet(ctx, id);
}

async function latestOf(db: Db, code: string) {
  const rows = await repo.listRuleSets(db);
  const row = rows.find((r) => r.code === code);
  if (!row) return undefined;
  const full = await repo.findRuleSet(db, row.id);
  return full ? { id: full.id, version: full.version, definition: full.definition as RuleSet } : undefined;
}

// ——— one worker ———

export function factsOf(worker: WorkerDetail): WorkerFacts {
  return {
    occupationCode: worker.occupationCode,
    isFrontline: worker.isFrontline,
    employedFrom: worker.employedFrom,
    credentials: worker.credentials.map((c) => ({
      id: c.id,
      kind: c.kind,
      levelCode: c.levelCode,
      occupationCode: c.occupationCode,
      series: c.series,
      name: c.name,
      issuedOn: c.issuedOn,
      status: c.status,
    })),
  };
}

/** Every pathway for one worker, with the worker's own facts behind each condition. */
export async function evaluate(ctx: Ctx, workerId: string, asOf?: string): Promise<WorkerEvaluation> {
  scopeFor(ctx.actor, 'conversion:read');
  const worker = await workersService.get(ctx, workerId);
  const date = asOf ?? provinceDate(ctx.now());
  const rules = await currentRuleSet(ctx, date);
  const live = await repo.listLiveApplications(ctx.db, workerId);
  return {
    workerId,
    workerName: worker.name,
    asOf: date,
    ruleSet: rules.ref,
    pathways: describe(rules.definition, evaluateWorker(rules.definition, factsOf(worker), date), live),
  };
}

export function describe(
  ruleSet: RuleSet,
  evaluations: ReturnType<typeof evaluateWorker>,
  live: { id: string; pathwayId: string; status: string }[] = [],
): PathwayEvaluation[] {
  return evaluations.map((e) => {
    const pathway = ruleSet.pathways.find((p) => p.id === e.pathwayId)!;
    const source = ruleSet.sources.find((s) => s.id === pathway.source);
    const application = live.find((a) => a.pathwayId === e.pathwayId);
    return {
      ...e,
      confidence: pathway.confidence,
      note: pathway.note ?? null,
      source: { id: pathway.source, title: source?.title ?? pathway.source, number: source?.number ?? null },
      application: application ? { id: application.id, status: application.status } : null,
    };
  });
}

// ——— policy analysis ———

const CATEGORIES = {
  pillar: divisionsOfCategory('pillar'),
  characteristic: divisionsOfCategory('characteristic'),
  emerging: divisionsOfCategory('emerging'),
};

async function populationPath(ctx: Ctx, orgId: string | undefined): Promise<string | undefined> {
  const scope = scopeFor(ctx.actor, 'conversion:analyze');
  if (scope.kind === 'self') throw new ForbiddenError('forbidden', { permission: 'conversion:analyze' });
  if (orgId) return (await orgService.requireOrg(ctx, orgId, 'conversion:analyze')).path;
  return scope.kind === 'subtree' ? scope.path : undefined;
}

/** One pass over the registry for every parameter variant asked (the rules in force, a draft). */
async function tables(ctx: Ctx, rules: LoadedRuleSet, asOf: string, orgPath: string | undefined, variants: ParameterValues[]) {
  const started = performance.now();
  const plans = variants.map((overrides) => compilePlan(rules.definition, overrides));
  const source = await factsSource(ctx, plans);
  // Tens of thousands of distinct masks are counted in memory rather than sorted on disk.
  const results = await ctx.db.transaction().execute(async (trx) => {
    await tuneForCounting(trx);
    return eligibilityGroups(trx, plans, {
      asOf,
      horizon: addYears(asOf, 1),
      population: { orgPath, employedOnly: true },
      categories: CATEGORIES,
      source,
    });
  });
  const names = new Map(
    (await regionNames(ctx.db, [...new Set((results[0] ?? []).map((g) => g.regionCode))])).map((r) => [r.code, r.name] as const),
  );
  const elapsedMs = Math.round(performance.now() - started);
  return plans.map((plan, q) => fold(rules, plan, results[q]!, names, asOf, elapsedMs));
}

function fold(
  rules: LoadedRuleSet,
  plan: ReturnType<typeof compilePlan>,
  groups: Awaited<ReturnType<typeof eligibilityGroups>>[number],
  names: Map<string, string>,
  asOf: string,
  elapsedMs: number,
): EligibilityTable {
  const horizon = addYears(asOf, 1);
  const byRegion = new Map<string, { now: number[]; soon: number[] }>();
  const byCategory = {
    pillar: plan.pathways.map(() => [0, 0]),
    characteristic: plan.pathways.map(() => [0, 0]),
    emerging: plan.pathways.map(() => [0, 0]),
  };
  let workers = 0;
  for (const g of groups) {
    workers += g.workers;
    const region = byRegion.get(g.regionCode) ?? { now: plan.pathways.map(() => 0), soon: plan.pathways.map(() => 0) };
    plan.pathways.forEach((_, k) => {
      region.now[k]! += g.now[k]!;
      region.soon[k]! += g.soon[k]!;
      for (const [flag, category] of [
        [g.isPillar, 'pillar'],
        [g.isCharacteristic, 'characteristic'],
        [g.isEmerging, 'emerging'],
      ] as const) {
        if (!flag) continue;
        byCategory[category][k]![0]! += g.now[k]!;
        byCategory[category][k]![1]! += g.soon[k]!;
      }
    });
    byRegion.set(g.regionCode, region);
  }
  const result: EligibilityTable = {
    asOf,
    horizon,
    ruleSet: rules.ref,
    workers,
    pathways: rules.definition.pathways.map((p) => ({ id: p.id, name: p.name, channel: p.channel })),
    byRegion: [...byRegion.entries()].flatMap(([regionCode, r]) =>
      plan.pathways.map((p, k) => ({
        pathwayId: p.id,
        regionCode,
        regionName: names.get(regionCode) ?? null,
        eligibleNow: r.now[k]!,
        eligibleSoon: r.soon[k]!,
      })),
    ),
    byCategory: (['pillar', 'characteristic', 'emerging'] as const).flatMap((category) =>
      plan.pathways.map((p, k) => ({
        pathwayId: p.id,
        category,
        eligibleNow: byCategory[category][k]![0]!,
        eligibleSoon: byCategory[category][k]![1]!,
      })),
    ),
    totals: plan.pathways.map((p, k) => ({
      pathwayId: p.id,
      eligibleNow: [...byRegion.values()].reduce((n, r) => n + r.now[k]!, 0),
      eligibleSoon: [...byRegion.values()].reduce((n, r) => n + r.soon[k]!, 0),
    })),
    elapsedMs,
  };
  return result;
}

/** Eligible workers per pathway × prefecture and industry category, now and within the next 12 months. */
export async function eligibility(ctx: Ctx, query: { orgId?: string; asOf?: string }): Promise<EligibilityTable> {
  const orgPath = await populationPath(ctx, query.orgId);
  const asOf = query.asOf ?? provinceDate(ctx.now());
  const [result] = await tables(ctx, await currentRuleSet(ctx, asOf), asOf, orgPath, [{}]);
  return result!;
}

/** The same table under draft parameter values, beside the rule set in force. Nothing is saved. */
export async function whatIf(ctx: Ctx, input: WhatIf) {
  const orgPath = await populationPath(ctx, input.orgId);
  const asOf = input.asOf ?? provinceDate(ctx.now());
  const rules = await currentRuleSet(ctx, asOf);
  const known = new Set(rules.definition.parameters.map((p) => p.key));
  const unknown = Object.keys(input.parameters).filter((k) => !known.has(k));
  if (unknown.length) throw new ValidationError(unknown.map((k) => ({ path: `body.parameters.${k}`, message: 'rules.unknown_parameter' })));
  const [current, draft] = await tables(ctx, rules, asOf, orgPath, [{}, input.parameters]);
  return { current: current!, draft: draft! };
}

// ——— per-worker facts ———

export const FACTS_JOB = 'conversion.facts';

/**
 * The stored facts when they hold every column the plans read (a what-if changes years only, so it
 * reads them too); else the registry itself — exact, slower — until the facts job rebuilds them for
 * the rules in force (queued by a save, and every few minutes by the scheduler for rules that came
 * into force on a date).
 */
async function factsSource(ctx: Ctx, plans: ReturnType<typeof compilePlan>[]): Promise<FactsSource> {
  const layout = await factsRepo.findLayout(ctx.db);
  const stored = layout && factsRepo.storedColumns(layout, layoutColumns(plans));
  return stored ? { kind: 'stored', stored, steps: layout.steps, baseOn: layout.baseOn } : { kind: 'live' };
}

export const FACTS_EVERY_MS = 10 * 60_000;

async function queueFactsJob(db: Db) {
  const pending = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', FACTS_JOB)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (!pending) await enqueue(db, { kind: FACTS_JOB, payload: {} });
}

/**
 * The facts job: rebuilds them when they do not hold the columns and years of the rules in force;
 * else folds the tally's appended rows and, once a day, takes anew the masks of the rows whose span
 * has ended (facts.repository `rebase`).
 */
export async function refreshStaleFacts(ctx: Ctx) {
  const inForce = await factsLayoutInForce(ctx);
  const layout = await factsRepo.findLayout(ctx.db);
  const stored = layout && factsRepo.storedColumns(layout, inForce.columns);
  const same = stored?.every((s, i) => JSON.stringify(layout!.steps[s]) === JSON.stringify(inForce.steps[i]));
  if (!layout || !same) return { rebuilt: true, ...(await buildFacts(ctx)) };
  await factsRepo.compactTally(ctx.db);
  if (layout.baseOn >= inForce.baseOn) return { rebuilt: false };
  const rebased = await ctx.db.transaction().execute((trx) =>
    factsRepo.rebase(trx, {
      ruleSetId: inForce.rules.id,
      columns: inForce.columns,
      steps: inForce.steps,
      baseOn: inForce.baseOn,
      now: ctx.now(),
    }),
  );
  return { rebuilt: false, rebased };
}

/**
 * The stored facts' layout for the rules in force: their columns, the years counted on each, and the
 * day their masks are taken on (today).
 */
export async function factsLayoutInForce(ctx: Ctx) {
  const today = provinceDate(ctx.now());
  const rules = await currentRuleSet(ctx, today);
  const plan = compilePlan(rules.definition);
  const columns = layoutColumns([plan]);
  // Rules wider than the table are answered from the registry itself.
  const fits = columns.length <= factsRepo.FACT_COLUMNS;
  return { rules: rules.ref, columns, steps: layoutSteps([plan]), baseOn: today, fits };
}
export type FactsLayoutInForce = Awaited<ReturnType<typeof factsLayoutInForce>>;
/** The columns, in order, of the facts rows a bulk load writes itself (then `adoptLoadedFacts`). */
export const factsCopyColumns = factsRepo.copyColumns;

/**
 * Rebuilds every worker's facts for the rules in force, set-based, in one transaction; from then on
 * the triggers keep them fresh. Run after a bulk load and by the job a stale layout queues.
 */
export async function buildFacts(ctx: Ctx): Promise<{ workers: number; columns: number; ms: number }> {
  return storeFacts(ctx, await factsLayoutInForce(ctx), (trx, input) => factsRepo.rebuild(trx, input));
}

/**
 * After a bulk load that wrote the facts of its workers (those of `source`) for `layout`: the layout
 * goes live and every other worker's facts are recomputed. Without a fitting layout, as buildFacts.
 */
export async function adoptLoadedFacts(ctx: Ctx, layout: FactsLayoutInForce, source: string) {
  return storeFacts(ctx, layout, async (trx, input) => {
    const n = await factsRepo.adopt(trx, input, source);
    // The load's own rows went in with the triggers off: the tally is counted afresh.
    await factsRepo.rebuildTally(trx);
    return n;
  });
}

async function storeFacts(ctx: Ctx, layout: FactsLayoutInForce, write: (trx: Db, input: factsRepo.FactsInput) => Promise<number>) {
  const started = performance.now();
  const { rules, columns, steps, baseOn } = layout;
  if (!layout.fits) {
    await factsRepo.invalidate(ctx.db);
    return { workers: 0, columns: columns.length, ms: 0 };
  }
  const workers = await ctx.db.transaction().execute(async (trx) => {
    const n = await write(trx, { ruleSetId: rules.id, columns, steps, baseOn, now: ctx.now() });
    await audit(trx, ctx, {
      action: 'conversion.facts_build',
      entityType: 'rule_set',
      entityId: rules.id,
      after: { version: rules.version, columns: columns.length, workers: n },
    });
    return n;
  });
  await factsRepo.compactTally(ctx.db);
  await factsRepo.analyze(ctx.db);
  return { workers, columns: columns.length, ms: Math.round(performance.now() - started) };
}

/**
 * For a writer that touches many workers in one transaction (an import chunk): the facts triggers
 * stand down until its end, and `refreshFactsOf` recomputes each worker it touched once.
 */
export async function deferFacts(trx: Db): Promise<void> {
  await factsRepo.deferRefresh(trx);
}

/** After `deferFacts`: the facts of the workers the transaction touched; those it created are worked out from `created`. */
export async function refreshFactsOf(trx: Db, workerIds: string[], created: readonly factsRepo.CreatedWorker[] = []): Promise<void> {
  await factsRepo.refreshWorkers(trx, workerIds, created);
}

/** Before a bulk load: the triggers stand down (buildFacts follows it, once). */
export async function suspendFacts(ctx: Ctx): Promise<void> {
  await factsRepo.invalidate(ctx.db);
}
