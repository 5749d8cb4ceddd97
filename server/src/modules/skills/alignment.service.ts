import type { Alignment, AlignmentRow, Demand, OrgKind, SaveDemand, TrainingLevel } from '@changai/contracts';
import { HUBEI_INDUSTRY_CATEGORIES, industryCategoryOf, provinceDate } from '@changai/domain';
import { audit } from '../../platform/audit.js';
import { scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import * as orgService from '../org/org.service.js';
import * as alignment from './alignment.repository.js';
import { inScopeOf } from './carriers.service.js';

export async function listDemands(ctx: Ctx): Promise<{ items: Demand[] }> {
  const rows = await alignment.listDemands(ctx.db, inScopeOf(scopeFor(ctx.actor, 'skills:read')));
  return {
    items: rows.map((r) => ({
      id: r.id,
      org: { id: r.orgId, code: r.orgCode, name: r.orgName, kind: r.orgKind as OrgKind },
      industryDivision: r.industryDivision,
      occupationCode: r.occupationCode,
      level: r.level as TrainingLevel,
      needed: r.needed,
      asOf: r.asOf,
    })),
  };
}

/** A unit enters (or updates) how many people it needs per occupation and level. */
export async function saveDemand(ctx: Ctx, input: SaveDemand): Promise<{ items: Demand[] }> {
  scopeFor(ctx.actor, 'demand:manage');
  await ctx.db.transaction().execute(async (trx) => {
    const t = { ...ctx, db: trx };
    const org = await orgService.requireOrg(t, input.orgId, 'demand:manage');
    const values = { ...input, regionCode: await orgService.regionCodeOf(t, org.id) };
    const { id } = await alignment.upsertDemand(trx, { ...values, now: ctx.now() });
    await audit(trx, ctx, { action: 'demand.save', entityType: 'demand', entityId: id, orgId: org.id, after: values });
  });
  return listDemands(ctx);
}

/**
 * Per catalogue industry (pillar / characteristic / emerging, via its GB/T 4754 divisions) and
 * prefecture: skilled and high-skilled workers, carriers and training places against the demand units
 * entered, and the gap still open.
 */
export async function view(ctx: Ctx, query: { orgId?: string }): Promise<Alignment> {
  const scope = scopeFor(ctx.actor, 'skills:read');
  const scoped = query.orgId
    ? { kind: 'subtree' as const, path: (await orgService.requireOrg(ctx, query.orgId, 'skills:read')).path }
    : scope;
  const inScope = inScopeOf(scoped);
  const [supply, carriers, places, gaps, names] = await Promise.all([
    alignment.supply(ctx.db, inScope),
    alignment.carriersServing(ctx.db, inScope),
    alignment.trainingPlaces(ctx.db, inScope, provinceDate(ctx.now())),
    alignment.demandGaps(ctx.db, inScope),
    alignment.prefectureNames(ctx.db),
  ]);
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  const rows = new Map<string, AlignmentRow>();
  const add = (
    division: string | null,
    prefecture: string,
    values: Partial<Omit<AlignmentRow, 'industry' | 'regionCode' | 'regionName'>>,
  ) => {
    if (!division) return;
    for (const category of industryCategoryOf(division)) {
      const key = `${category.code}|${prefecture}`;
      const row = rows.get(key) ?? {
        industry: category.code,
        regionCode: prefecture,
        regionName: nameOf.get(prefecture) ?? null,
        skilled: 0,
        highSkilled: 0,
        carriers: 0,
        trainingPlaces: 0,
        demand: 0,
        gap: 0,
      };
      for (const [k, v] of Object.entries(values) as [keyof typeof values, number][]) row[k] += v;
      rows.set(key, row);
    }
  };
  for (const s of supply) add(s.industryDivision, s.prefecture, { skilled: Number(s.skilled), highSkilled: Number(s.highSkilled) });
  for (const c of carriers) add(c.division, c.prefecture, { carriers: Number(c.carriers) });
  for (const p of places) add(p.industryDivision, p.prefecture, { trainingPlaces: Number(p.places) });
  const demandRows = gaps.rows.map((g) => ({
    ...g,
    needed: Number(g.needed),
    supply: Number(g.supply),
    gap: Math.max(0, Number(g.needed) - Number(g.supply)),
  }));
  for (const g of demandRows) add(g.industryDivision, g.prefecture, { demand: g.needed, gap: g.gap });
  const order = new Map(HUBEI_INDUSTRY_CATEGORIES.map((c, i) => [c.code, i]));
  return {
    rows: [...rows.values()].sort(
      (a, b) => (order.get(a.industry) ?? 0) - (order.get(b.industry) ?? 0) || a.regionCode.localeCompare(b.regionCode),
    ),
    largestGaps: demandRows
      .filter((g) => g.gap > 0)
      .sort((a, b) => b.gap - a.gap || a.prefecture.localeCompare(b.prefecture))
      .slice(0, 15)
      .map((g) => ({
        industry: industryCategoryOf(g.industryDivision)[0]?.code ?? g.industryDivision,
        regionCode: g.prefecture,
        regionName: nameOf.get(g.prefecture) ?? null,
        occupationCode: g.occupationCode,
        level: g.level as TrainingLevel,
        needed: g.needed,
        supply: g.supply,
        gap: g.gap,
      })),
  };
}
