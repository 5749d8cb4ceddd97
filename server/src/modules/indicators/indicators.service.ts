import type {
  CreateIndicator,
  Dashboard,
  DashboardCard,
  DashboardQuery,
  INDUSTRY_GROUPS,
  NewIndicatorVersion,
  SaveMap,
  SaveTarget,
} from '@changai/contracts';
import { parsePeriod, provinceDate } from '@changai/domain';
import { audit } from '../../platform/audit.js';
import { isPathInScope, scopeFor } from '../../platform/auth/scope.js';
import { shortLived } from '../../platform/cache.js';
import type { Ctx } from '../../platform/context.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../../platform/errors.js';
import * as orgService from '../org/org.service.js';
import { asOfSplit, evaluate, targetFor, versionOn, yearBefore } from './indicator-formula.js';
import * as repo from './indicators.repository.js';

const userIdOf = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);
const isDivision = (kind: string) => (repo.DIVISION_KINDS as readonly string[]).includes(kind);
const idsOf = (path: string) => path.split('/').filter(Boolean);
const share = (high: number, skilled: number) => (skilled > 0 ? Math.round((high / skilled) * 1000) / 10 : null);

type Category = (typeof INDUSTRY_GROUPS)[number];
type Tally = { skilled: number; highSkilled: number; skilledBefore: number; highSkilledBefore: number };
const emptyTally = (): Tally => ({ skilled: 0, highSkilled: 0, skilledBefore: 0, highSkilledBefore: 0 });
const addTo = (t: Tally, r: Partial<Tally>) => {
  t.skilled += r.skilled ?? 0;
  t.highSkilled += r.highSkilled ?? 0;
  t.skilledBefore += r.skilledBefore ?? 0;
  t.highSkilledBefore += r.highSkilledBefore ?? 0;
};

/** The org a figure request is about: the one asked for (within scope) or the actor's top visible org. */
async function resolveOrg(ctx: Ctx, orgId: string | undefined): Promise<repo.OrgNode> {
  const scope = scopeFor(ctx.actor, 'indicators:read');
  let id = orgId;
  if (!id) {
    if (scope.kind === 'subtree') id = idsOf(scope.path).at(-1);
    else id = (await orgService.findRoot(ctx.db))?.id;
  }
  if (!id) throw new NotFoundError('org');
  await orgService.requireOrg(ctx, id, 'indicators:read');
  return (await repo.findOrg(ctx.db, id)) as repo.OrgNode;
}

type SkillFigures = {
  total: Tally;
  byChild: Map<string, Tally>;
  byCategory: Map<string, Tally>;
  /** First-skilled counts per year (before the day's month), for the trend. */
  years: { year: number; skilled: number; highSkilled: number }[];
  changedAt: Date | null;
};

/**
 * Skilled and high-skilled workers of an org subtree as of a day and a year before, by child org and
 * industry category. Divisions read the region aggregates; the orgs below them, and the employers hung
 * straight under a division, the per-org one (each plus the day count of a part month).
 */
async function skillFigures(ctx: Ctx, org: repo.OrgNode, asOf: string, children: { id: string; kind: string }[]): Promise<SkillFigures> {
  const before = yearBefore(asOf);
  const childPart = idsOf(org.path).length + 2;
  const now = asOfSplit(asOf);
  const then = asOfSplit(before);
  const result: SkillFigures = { total: emptyTally(), byChild: new Map(), byCategory: new Map(), years: [], changedAt: null };
  const tally = (map: Map<string, Tally>, key: string) => {
    let t = map.get(key);
    if (!t) {
      t = emptyTally();
      map.set(key, t);
    }
    return t;
  };
  if (isDivision(org.kind)) {
    const divisions = await repo.listDivisionsUnder(ctx.db, org.path);
    const childOf = new Map(divisions.map((d) => [d.code, d.path.split('/')[childPart - 1] || org.id]));
    // The province root holds every region: no filter to apply.
    const codes = org.parentId === null ? 'all' : divisions.map((d) => d.code);
    // Children that are not divisions (employers, departments) are counted by org: all of the subtree
    // when no child is a division (a county's enterprises), else only theirs.
    const otherChildren = children.some((c) => isDivision(c.kind))
      ? children.filter((c) => !isDivision(c.kind)).map((c) => c.id)
      : undefined;
    const [aggregate, partNow, partThen, direct] = await Promise.all([
      repo.skillCounts(
        ctx.db,
        codes,
        { year: Number(asOf.slice(0, 4)), bound: now.before },
        { year: Number(before.slice(0, 4)), bound: then.before },
      ),
      now.partial ? repo.skillCountsBetween(ctx.db, codes, now.partial.from, now.partial.to) : [],
      then.partial ? repo.skillCountsBetween(ctx.db, codes, then.partial.from, then.partial.to) : [],
      repo.orgSkillCounts(ctx.db, { path: org.path, groupPart: childPart, childIds: otherChildren, now, then }),
    ]);
    const all: (Partial<Tally> & { key: string; category: string })[] = [
      ...aggregate.rows,
      ...partNow,
      ...partThen.map((r) => ({ key: r.key, category: r.category, skilledBefore: r.skilled, highSkilledBefore: r.highSkilled })),
    ];
    for (const r of all) {
      addTo(result.total, r);
      addTo(tally(result.byCategory, r.category), r);
      const child = childOf.get(r.key);
      if (child && child !== org.id) addTo(tally(result.byChild, child), r);
    }
    for (const r of direct.rows) if (r.key) addTo(tally(result.byChild, r.key), r);
    result.years = aggregate.years;
    result.changedAt = aggregate.changedAt;
  } else {
    const { rows, years } = await repo.orgSkillCounts(ctx.db, { path: org.path, groupPart: childPart, now, then });
    for (const r of rows) {
      addTo(result.total, r);
      addTo(tally(result.byCategory, r.category), r);
      if (r.key) addTo(tally(result.byChild, r.key), r);
    }
    result.years = years;
  }
  return result;
}

/** Cards in the order a leader reads them: the people first, then the reform's carriers and policies. */
const INDICATOR_CARDS = ['high_skilled_total', 'high_skilled_share', 'skilled_total'];
const ELEMENT_CARDS = [
  'policies_in_force',
  'policies_issued',
  'leading_group_units',
  'liaison_units',
  'training_bases',
  'master_studios',
  'worker_training_bases',
  'innovation_studios',
];

async function elementValues(
  ctx: Ctx,
  org: repo.OrgNode,
  asOf: string,
  skilled: number,
  highSkilled: number,
  reportedCodes: string[],
  small: repo.SmallCounts,
) {
  const values = new Map<string, number | null>([
    ['skilled_workers', skilled],
    ['high_skilled_workers', highSkilled],
    ...Object.entries(small),
  ]);
  const year = asOf.slice(0, 4);
  for (const code of reportedCodes) values.set(code, await repo.sumApproved(ctx.db, code, org.path, year));
  return values;
}

type Catalogue = {
  indicators: Awaited<ReturnType<typeof repo.listIndicators>>;
  versions: Awaited<ReturnType<typeof repo.listVersions>>;
  targets: Awaited<ReturnType<typeof repo.listTargets>>;
  elements: Awaited<ReturnType<typeof repo.listElements>>;
};
/** Indicators, versions, targets and elements: read by every dashboard, changed a few times a year. */
const catalogues = shortLived<Catalogue>(5_000);
function catalogue(ctx: Ctx): Promise<Catalogue> {
  return catalogues.get(ctx.db, 'all', async () => {
    const [indicators, versions, targets, elements] = await Promise.all([
      repo.listIndicators(ctx.db),
      repo.listVersions(ctx.db),
      repo.listTargets(ctx.db),
      repo.listElements(ctx.db),
    ]);
    return { indicators, versions, targets, elements };
  });
}
const forgetCatalogue = (ctx: Ctx) => catalogues.forget(ctx.db);

async function computeCards(ctx: Ctx, org: repo.OrgNode, asOf: string, skills: Tally): Promise<DashboardCard[]> {
  const { indicators, versions, targets, elements } = await catalogue(ctx);
  const reported = elements.filter((e) => e.kind === 'reported').map((e) => e.code);
  const used = new Set(versions.flatMap((v) => [v.numeratorCode, v.denominatorCode]).filter((c): c is string => c !== null));
  const reportedUsed = reported.filter((c) => used.has(c));
  const before = yearBefore(asOf);
  const [smallNow, smallThen] = await repo.smallCounts(ctx.db, { path: org.path, isRoot: org.parentId === null, days: [asOf, before] });
  const [now, then] = await Promise.all([
    elementValues(ctx, org, asOf, skills.skilled, skills.highSkilled, reportedUsed, smallNow as repo.SmallCounts),
    elementValues(ctx, org, before, skills.skilledBefore, skills.highSkilledBefore, reportedUsed, smallThen as repo.SmallCounts),
  ]);
  const year = Number(asOf.slice(0, 4));
  const cards: DashboardCard[] = [];
  const ordered = [
    ...INDICATOR_CARDS.flatMap((c) => indicators.filter((i) => i.code === c)),
    ...indicators.filter((i) => !INDICATOR_CARDS.includes(i.code)),
  ];
  for (const indicator of ordered) {
    const own = versions.filter((v) => v.indicatorCode === indicator.code);
    // Each day with the version in force on it: a later formula change never rewrites the past.
    const vNow = versionOn(own, asOf);
    const vThen = versionOn(own, before);
    const target = targetFor(
      targets.filter((t) => t.indicatorCode === indicator.code),
      year,
    );
    cards.push({
      code: indicator.code,
      kind: 'indicator',
      nameZh: indicator.nameZh,
      nameEn: indicator.nameEn,
      unitZh: indicator.unitZh,
      unitEn: indicator.unitEn,
      decimals: indicator.decimals,
      value: vNow ? round(evaluate(vNow, now), indicator.decimals) : null,
      lastYear: vThen ? round(evaluate(vThen, then), indicator.decimals) : null,
      target: target ? { year: target.year, value: target.value, isUncertain: target.isUncertain, source: target.source } : null,
      version: vNow?.version ?? null,
    });
  }
  for (const code of ELEMENT_CARDS) {
    const element = elements.find((e) => e.code === code);
    if (!element) continue;
    cards.push({
      code,
      kind: 'element',
      nameZh: element.nameZh,
      nameEn: element.nameEn,
      unitZh: element.unitZh,
      unitEn: element.unitEn,
      decimals: 0,
      value: now.get(code) ?? null,
      lastYear: then.get(code) ?? null,
      target: null,
      version: null,
    });
  }
  return cards;
}

const round = (n: number | null, decimals: number) => (n === null ? null : Math.round(n * 10 ** decimals) / 10 ** decimals);

async function trailOf(ctx: Ctx, org: repo.OrgNode) {
  const scope = scopeFor(ctx.actor, 'indicators:read');
  const ancestors = await repo.findOrgsByIds(ctx.db, idsOf(org.path));
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  return idsOf(org.path)
    .map((id) => byId.get(id))
    .filter((a): a is repo.OrgNode => a !== undefined && isPathInScope(scope, a.path))
    .map((a) => ({ id: a.id, code: a.code, name: a.name, kind: a.kind }));
}

const CATEGORY_ORDER: Category[] = ['pillar', 'characteristic', 'emerging', 'other'];

/** The leaders' dashboard of an org subtree as of a day: cards, trend, breakdowns, drill-down. */
export async function dashboard(ctx: Ctx, query: DashboardQuery): Promise<Dashboard> {
  const org = await resolveOrg(ctx, query.orgId);
  const asOf = query.asOf ?? provinceDate(ctx.now());
  const children = await repo.listChildren(ctx.db, org.id);
  const skills = await skillFigures(ctx, org, asOf, children);
  const [cards, trail, mapped] = await Promise.all([
    computeCards(ctx, org, asOf, skills.total),
    trailOf(ctx, org),
    repo.hasMap(ctx.db, org.id),
  ]);
  // Year-end points for the last years, then the day itself.
  const year = Number(asOf.slice(0, 4));
  const trend: Dashboard['trend'] = [];
  let skilled = 0;
  let highSkilled = 0;
  for (const y of skills.years) {
    if (y.year >= year - 7) break;
    skilled += y.skilled;
    highSkilled += y.highSkilled;
  }
  for (let y = year - 7; y < year; y++) {
    const found = skills.years.find((r) => r.year === y);
    skilled += found?.skilled ?? 0;
    highSkilled += found?.highSkilled ?? 0;
    trend.push({ asOf: `${y}-12-31`, label: String(y), skilled, highSkilled, share: share(highSkilled, skilled) });
  }
  trend.push({
    asOf,
    label: asOf.slice(0, 7),
    skilled: skills.total.skilled,
    highSkilled: skills.total.highSkilled,
    share: share(skills.total.highSkilled, skills.total.skilled),
  });
  const childRows = children
    .map((c) => {
      const t = skills.byChild.get(c.id) ?? emptyTally();
      return {
        org: { id: c.id, code: c.code, name: c.name, kind: c.kind },
        canDrill: Boolean(c.hasChildren) || c.kind === 'enterprise' || isDivision(c.kind),
        skilled: t.skilled,
        highSkilled: t.highSkilled,
        share: share(t.highSkilled, t.skilled),
      };
    })
    // Divisions in code order; other children (employers, departments) by size, the largest 50.
    .filter((c, _i, all) => isDivision(c.org.kind) || c.skilled > 0 || all.length <= 50)
    .sort((a, b) => (isDivision(a.org.kind) && isDivision(b.org.kind) ? a.org.code.localeCompare(b.org.code) : b.skilled - a.skilled))
    .slice(0, 50);
  const industries = CATEGORY_ORDER.map((category) => {
    const t = skills.byCategory.get(category) ?? emptyTally();
    return { category, skilled: t.skilled, highSkilled: t.highSkilled, share: share(t.highSkilled, t.skilled) };
  }).filter((r) => r.category !== 'other' || r.skilled > 0);
  return {
    org: { id: org.id, code: org.code, name: org.name, kind: org.kind },
    trail,
    asOf,
    computedAt: ctx.now(),
    dataChangedAt: skills.changedAt,
    cards,
    totals: {
      skilled: skills.total.skilled,
      highSkilled: skills.total.highSkilled,
      skilledLastYear: skills.total.skilledBefore,
      highSkilledLastYear: skills.total.highSkilledBefore,
    },
    trend,
    children: childRows,
    industries,
    hasMap: mapped,
  };
}

/** The figures (cards) of an org subtree for a period, stated as of its last day. */
export async function figures(ctx: Ctx, query: { orgId?: string; period: string }) {
  const period = parsePeriod(query.period);
  if (!period) throw new ValidationError([{ path: 'querystring.period', message: 'period.invalid' }]);
  const org = await resolveOrg(ctx, query.orgId);
  const skills = await skillFigures(ctx, org, period.endsOn, await repo.listChildren(ctx.db, org.id));
  return {
    org: { id: org.id, code: org.code, name: org.name, kind: org.kind },
    period: period.code,
    asOf: period.endsOn,
    computedAt: ctx.now(),
    cards: await computeCards(ctx, org, period.endsOn, skills.total),
  };
}

/** Skill figures straight from the credentials, for checking the aggregates (tests and the bench). */
export async function verifyAggregates(ctx: Ctx, asOf: string) {
  scopeFor(ctx.actor, 'indicators:manage');
  const bound = asOfSplit(asOf).before;
  const [fromScratch, fromAggregate, byOrgFromScratch, byOrgFromAggregate] = await Promise.all([
    repo.skillCountsFromScratch(ctx.db, asOf),
    repo.skillCountsAsOf(ctx.db, asOf, bound),
    repo.orgCountsFromScratch(ctx.db, asOf),
    repo.orgCountsAsOf(ctx.db, asOf, bound),
  ]);
  const same = <T>(a: T[], b: T[], key: (r: T) => string) => a.map(key).join('\n') === b.map(key).join('\n');
  const byRegion = (r: { key: string; category: string; skilled: number; highSkilled: number }) =>
    `${r.key}|${r.category}|${r.skilled}|${r.highSkilled}`;
  const byOrg = (r: { orgId: string; skilled: number; highSkilled: number }) => `${r.orgId}|${r.skilled}|${r.highSkilled}`;
  return {
    matches: same(fromScratch, fromAggregate, byRegion) && same(byOrgFromScratch, byOrgFromAggregate, byOrg),
    fromScratch,
    fromAggregate,
    byOrgMatches: same(byOrgFromScratch, byOrgFromAggregate, byOrg),
  };
}

/** After a bulk load that bypassed the workers' triggers: one set-based rebuild of the aggregate. */
export async function rebuildAggregates(ctx: Ctx) {
  scopeFor(ctx.actor, 'workers:manage');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.rebuildSkillCounts(trx);
  });
}

// ——— indicators and targets ———

export async function listIndicators(ctx: Ctx) {
  scopeFor(ctx.actor, 'indicators:read');
  const [indicators, versions, targets, elements] = await Promise.all([
    repo.listIndicators(ctx.db),
    repo.listVersions(ctx.db),
    repo.listTargets(ctx.db),
    repo.listElements(ctx.db),
  ]);
  return {
    items: indicators.map((i) => ({
      ...i,
      versions: versions
        .filter((v) => v.indicatorCode === i.code)
        .map(({ indicatorCode: _, ...v }) => v)
        .reverse(),
      targets: targets.filter((t) => t.indicatorCode === i.code).map(({ indicatorCode: _, ...t }) => t),
    })),
    elements: elements.map((e) => ({ code: e.code, kind: e.kind as 'computed' | 'reported', nameZh: e.nameZh, nameEn: e.nameEn })),
  };
}

async function oneIndicator(ctx: Ctx, code: string) {
  const found = (await listIndicators(ctx)).items.find((i) => i.code === code);
  if (!found) throw new NotFoundError('indicator');
  return found;
}

async function assertElements(ctx: Ctx, numeratorCode: string, denominatorCode: string | null) {
  if (!(await repo.findElement(ctx.db, numeratorCode)))
    throw new ValidationError([{ path: 'body.numeratorCode', message: 'data_element.unknown' }]);
  if (denominatorCode && !(await repo.findElement(ctx.db, denominatorCode))) {
    throw new ValidationError([{ path: 'body.denominatorCode', message: 'data_element.unknown' }]);
  }
}

export async function createIndicator(ctx: Ctx, input: CreateIndicator) {
  scopeFor(ctx.actor, 'indicators:manage');
  await assertElements(ctx, input.numeratorCode, input.denominatorCode);
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findIndicator(trx, input.code)) throw new ConflictError('indicator.code_taken');
    const { numeratorCode, denominatorCode, factor, ...indicator } = input;
    await repo.insertIndicator(trx, indicator);
    await repo.insertVersion(trx, {
      indicatorCode: input.code,
      effectiveFrom: '2000-01-01',
      numeratorCode,
      denominatorCode,
      factor,
      note: null,
      createdBy: userIdOf(ctx),
    });
    await audit(trx, ctx, { action: 'indicator.create', entityType: 'indicator', after: input });
  });
  forgetCatalogue(ctx);
  return oneIndicator(ctx, input.code);
}

/** A formula change from a day on: a new version; the days before it keep theirs. */
export async function newVersion(ctx: Ctx, code: string, input: NewIndicatorVersion) {
  scopeFor(ctx.actor, 'indicators:manage');
  await assertElements(ctx, input.numeratorCode, input.denominatorCode);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findIndicator(trx, code))) throw new NotFoundError('indicator');
    if (await repo.findVersionFrom(trx, code, input.effectiveFrom)) throw new ConflictError('indicator.version_exists');
    const version = await repo.insertVersion(trx, { indicatorCode: code, ...input, createdBy: userIdOf(ctx) });
    await audit(trx, ctx, { action: 'indicator.new_version', entityType: 'indicator', after: { code, version, ...input } });
  });
  forgetCatalogue(ctx);
  return oneIndicator(ctx, code);
}

export async function saveTarget(ctx: Ctx, code: string, year: number, input: SaveTarget) {
  scopeFor(ctx.actor, 'indicators:manage');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findIndicator(trx, code))) throw new NotFoundError('indicator');
    const before = await repo.findTarget(trx, code, year);
    await repo.upsertTarget(trx, { indicatorCode: code, year, ...input, updatedBy: userIdOf(ctx), now: ctx.now() });
    await audit(trx, ctx, {
      action: 'indicator.target',
      entityType: 'indicator',
      before: before ? { code, year, ...before, value: Number(before.value) } : undefined,
      after: { code, year, ...input },
    });
  });
  forgetCatalogue(ctx);
  return oneIndicator(ctx, code);
}

// ——— map ———

const featureCode = (f: Record<string, unknown>) => {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const raw = p.code ?? p.adcode ?? p.division_code ?? f.id;
  return raw === undefined || raw === null ? undefined : String(raw);
};

/** An administrator's GeoJSON of an org's children, keyed by division code (official maps need a review number: none is bundled). */
export async function saveMap(ctx: Ctx, orgId: string | undefined, input: SaveMap) {
  scopeFor(ctx.actor, 'indicators:manage');
  const org = await resolveOrg(ctx, orgId);
  const codes = input.geojson.features.map(featureCode);
  const missing = codes.findIndex((c) => c === undefined || !/^[0-9]{6}$/.test(c));
  if (missing >= 0)
    throw new ValidationError([{ path: `body.geojson.features.${missing}.properties.code`, message: 'map.feature_code_missing' }]);
  const children = await repo.listChildren(ctx.db, org.id);
  const known = new Set(children.map((c) => c.code));
  if (!codes.some((c) => known.has(c as string))) throw new RuleViolationError('map.no_matching_division');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertMap(trx, {
      orgId: org.id,
      name: input.name,
      geojson: input.geojson,
      featureCodes: codes as string[],
      uploadedBy: userIdOf(ctx),
      now: ctx.now(),
    });
    await audit(trx, ctx, {
      action: 'indicator.map_upload',
      entityType: 'org',
      entityId: org.id,
      orgId: org.id,
      after: { name: input.name, features: codes.length },
    });
  });
  return getMap(ctx, org.id);
}

export async function getMap(ctx: Ctx, orgId: string | undefined) {
  const org = await resolveOrg(ctx, orgId);
  const row = await repo.findMap(ctx.db, org.id);
  return { map: row ? { ...row, geojson: row.geojson as Record<string, unknown> } : null };
}
