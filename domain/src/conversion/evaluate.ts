import { ACADEMIC_LEVELS, ONE_PLUS_X_LEVELS } from '../credentials.js';
import type { IsoDate } from '../normalize.js';
import { SKILL_LEVELS } from '../skill-levels.js';
import { TITLE_LEVELS } from '../titles.js';
import { addYears, laterDate, SINCE_ALWAYS } from './dates.js';
import {
  type Atom,
  atomOf,
  compilePlan,
  type Expr,
  levelRankOf,
  type ParameterValues,
  type Plan,
  parameterValues,
  risingAtoms,
} from './plan.js';
import type {
  Bilingual,
  Condition,
  CredentialFact,
  Pathway,
  PathwayChannel,
  PathwayGrant,
  RuleSet,
  WorkerFacts,
  YearsValue,
} from './rule-set.js';

/** The date from which an atom holds for this worker, or null when it never does on the present facts. */
export function atomDate(atom: Atom, facts: WorkerFacts): IsoDate | null {
  switch (atom.type) {
    case 'frontline':
      return facts.isFrontline ? SINCE_ALWAYS : null;
    case 'occupation':
      return facts.occupationCode && atom.occupationPrefixes.some((p) => facts.occupationCode!.startsWith(p)) ? SINCE_ALWAYS : null;
    case 'workYears':
      return facts.employedFrom ? addYears(facts.employedFrom, atom.years) : null;
    case 'holds': {
      let best: IsoDate | null = null;
      for (const c of facts.credentials) {
        if (!credentialMatches(atom, c, facts)) continue;
        const start = atom.fromWork ? laterDate(c.issuedOn, facts.employedFrom) : c.issuedOn;
        const date = addYears(start, atom.years);
        if (best === null || date < best) best = date;
      }
      return best;
    }
  }
}

/**
 * The (column, years) pairs the stored facts keep a truth for: per column, each distinct number of
 * years the rules in force count on it, in column order. More than 63 do not fit one mask (none kept).
 */
export function factPairs(steps: readonly (readonly number[])[]): readonly { column: number; years: number }[] {
  let pairs = pairsOf.get(steps);
  if (!pairs) {
    const all = steps.flatMap((years, column) => years.map((y) => ({ column, years: y })));
    pairs = all.length <= MAX_FACT_PAIRS ? all : [];
    pairsOf.set(steps, pairs);
  }
  return pairs;
}
/** A layout's pairs, worked out once (the demo generator asks for every worker it writes). */
const pairsOf = new WeakMap<readonly (readonly number[])[], readonly { column: number; years: number }[]>();
export const MAX_FACT_PAIRS = 63;

/** The day a facts row's second mask is taken on: the eligibility table's horizon for its base day. */
export const factsHorizon = (baseOn: IsoDate): IsoDate => addYears(baseOn, 1);

/**
 * A worker's row of the stored facts (server migrations 0011, 0017 and 0020): per column (an atom
 * whose years are ignored) the date its years count from; and which of the pairs hold (bit j: the
 * column's start + the pair's years is on or before the day), together with the days between which
 * that stays so (`from`, the latest pair's due day on or before the day; `until`, the first after it;
 * null: none, ever) — taken on `baseOn` (mask, validFrom, validUntil) and on its horizon a year later
 * (maskH, hFrom, hUntil); `mids`: when pairs come due on two days or more within (baseOn, horizon],
 * the mask on each of those days but the last (whose mask is maskH), in order, else null — a pathway
 * with a negated atom may hold on such a day only; `present`: bit c set when column c has a start date.
 */
export function factColumns(columns: readonly Atom[], steps: readonly (readonly number[])[], baseOn: IsoDate, facts: WorkerFacts) {
  const starts = startAtoms(columns).map((atom) => atomDate(atom, facts));
  const due = factPairs(steps).map((pair) => {
    const start = starts[pair.column];
    return start === null || start === undefined ? null : addYears(start, pair.years);
  });
  const now = maskOn(due, baseOn);
  const horizon = factsHorizon(baseOn);
  const then = maskOn(due, horizon);
  const days = [...new Set(due.filter((d): d is IsoDate => d !== null && d > baseOn && d <= horizon))].sort();
  const mids = days.length >= 2 ? days.slice(0, -1).map((day) => maskOn(due, day).mask) : null;
  const present = starts.reduce((bits, start, c) => (start === null ? bits : bits | presentBit(c)), 0n);
  return {
    starts,
    mask: now.mask,
    validFrom: now.from,
    validUntil: now.until,
    maskH: then.mask,
    hFrom: then.from,
    hUntil: then.until,
    mids,
    present,
  };
}

/** The columns' atoms counting no years: their start dates. Worked out once per layout. */
function startAtoms(columns: readonly Atom[]): readonly Atom[] {
  let atoms = startAtomsOf.get(columns);
  if (!atoms) {
    atoms = columns.map((atom) => ('years' in atom ? { ...atom, years: 0 } : atom));
    startAtomsOf.set(columns, atoms);
  }
  return atoms;
}
const startAtomsOf = new WeakMap<readonly Atom[], readonly Atom[]>();

/** Column c's bit of `present`, as PostgreSQL's signed bigint holds it (column 63 is the sign bit). */
export const presentBit = (c: number) => BigInt.asIntN(64, 1n << BigInt(c));

function maskOn(due: readonly (IsoDate | null)[], on: IsoDate) {
  let mask = 0n;
  let from: IsoDate | null = null;
  let until: IsoDate | null = null;
  due.forEach((d, j) => {
    if (d === null) return;
    if (d <= on) {
      mask |= 1n << BigInt(j);
      if (from === null || d > from) from = d;
    } else if (until === null || d < until) until = d;
  });
  return { mask, from: from as IsoDate | null, until: until as IsoDate | null };
}

function credentialMatches(atom: Extract<Atom, { type: 'holds' }>, c: CredentialFact, facts: WorkerFacts): boolean {
  if (c.status !== 'valid' || c.kind !== atom.kind) return false;
  if (atom.minRank !== null && (levelRankOf(c.kind, c.levelCode) ?? 0) < atom.minRank) return false;
  if (atom.levels !== null && (c.levelCode === null || !atom.levels.includes(c.levelCode))) return false;
  if (atom.names !== null && (c.name === null || !atom.names.includes(c.name))) return false;
  if (atom.occupationPrefixes !== null) {
    const occupation = c.occupationCode ?? facts.occupationCode;
    if (!occupation || !atom.occupationPrefixes.some((p) => occupation.startsWith(p))) return false;
  }
  if (atom.seriesNames !== null && (c.series === null || !atom.seriesNames.includes(c.series))) return false;
  return true;
}

export function truthAt(expr: Expr, dates: readonly (IsoDate | null)[], at: IsoDate): boolean {
  if ('atom' in expr) {
    const d = dates[expr.atom];
    return d !== null && d !== undefined && d <= at;
  }
  if ('not' in expr) return !truthAt(expr.not, dates, at);
  if ('allOf' in expr) return expr.allOf.every((e) => truthAt(e, dates, at));
  return expr.anyOf.some((e) => truthAt(e, dates, at));
}

/**
 * Whether the expression holds on `asOf`, else the first later date it will (only an atom becoming
 * true can make it true, so those dates are the only candidates).
 */
export function firstTrue(expr: Expr, dates: readonly (IsoDate | null)[], asOf: IsoDate): { now: boolean; from: IsoDate | null } {
  if (truthAt(expr, dates, asOf)) return { now: true, from: null };
  const candidates = [...risingAtoms(expr)]
    .map((i) => dates[i])
    .filter((d): d is IsoDate => d !== null && d !== undefined && d > asOf)
    .sort();
  for (const d of candidates) if (truthAt(expr, dates, d)) return { now: false, from: d };
  return { now: false, from: null };
}

export type PathwayOutcome = 'eligible' | 'eligible_from' | 'not_eligible';

/** One pathway's outcome for one worker, as the SQL engine computes it too. */
export type PathwayVerdict = { pathwayId: string; outcome: PathwayOutcome; eligibleFrom: IsoDate | null };

/** The bare verdicts (no explanations): what the SQL engine must reproduce. */
export function verdicts(plan: Plan, facts: WorkerFacts, asOf: IsoDate): PathwayVerdict[] {
  const dates = plan.atoms.map((a) => atomDate(a, facts));
  return plan.pathways.map((p) => {
    const r = firstTrue(p.whole, dates, asOf);
    return { pathwayId: p.id, outcome: r.now ? 'eligible' : r.from ? 'eligible_from' : 'not_eligible', eligibleFrom: r.from };
  });
}

export type ConditionExplanation = {
  type: Condition['type'];
  /** What the rule requires. */
  requirement: Bilingual;
  /** The worker's own facts and the verdict. */
  facts: Bilingual;
  met: boolean;
  /** When not met now: the date it will be met on the present facts. When met: the date it was met (atoms). */
  metFrom: IsoDate | null;
  children?: ConditionExplanation[];
};

export type PathwayEvaluation = PathwayVerdict & {
  name: Bilingual;
  channel: PathwayChannel;
  grants: PathwayGrant;
  issuesCredential: boolean;
  /** 'rule' or the id of the exception (破格) that makes the worker eligible. */
  via: string | null;
  condition: ConditionExplanation;
  exceptions: { id: string; name: Bilingual; explanation: ConditionExplanation }[];
  summary: Bilingual;
};

/** Every pathway of the rule set for one worker, each condition explained with the worker's facts. */
export function evaluateWorker(ruleSet: RuleSet, facts: WorkerFacts, asOf: IsoDate, overrides: ParameterValues = {}): PathwayEvaluation[] {
  const plan = compilePlan(ruleSet, overrides);
  const params = parameterValues(ruleSet, overrides);
  const dates = plan.atoms.map((a) => atomDate(a, facts));
  return ruleSet.pathways.map((pathway, i) => {
    const planned = plan.pathways[i]!;
    const whole = firstTrue(planned.whole, dates, asOf);
    const ruleNow = truthAt(planned.rule, dates, asOf);
    const exceptionNow = planned.exceptions.find((e) => truthAt(e.expr, dates, asOf));
    const outcome: PathwayOutcome = whole.now ? 'eligible' : whole.from ? 'eligible_from' : 'not_eligible';
    const explainer = new Explainer(ruleSet, facts, asOf, pathway.field, params);
    const condition = explainer.explain(pathway.condition);
    const exceptions = (pathway.exceptions ?? []).map((e) => ({ id: e.id, name: e.name, explanation: explainer.explain(e.condition) }));
    return {
      pathwayId: pathway.id,
      outcome,
      eligibleFrom: whole.from,
      name: pathway.name,
      channel: pathway.channel,
      grants: pathway.grants,
      issuesCredential: pathway.issuesCredential,
      via: ruleNow ? 'rule' : (exceptionNow?.id ?? null),
      condition,
      exceptions,
      summary: summarize(outcome, whole.from, ruleNow ? null : (pathway.exceptions?.find((e) => e.id === exceptionNow?.id)?.name ?? null)),
    };
  });
}

function summarize(outcome: PathwayOutcome, from: IsoDate | null, exception: Bilingual | null): Bilingual {
  if (outcome === 'eligible') {
    return exception
      ? { zh: `现在即符合条件（破格：${exception.zh}）`, en: `Eligible now (exception: ${exception.en})` }
      : { zh: '现在即符合条件', en: 'Eligible now' };
  }
  if (outcome === 'eligible_from') return { zh: `按现有记录，自 ${from} 起符合条件`, en: `Eligible from ${from} on the present records` };
  return { zh: '按现有记录不符合条件', en: 'Not eligible on the present records' };
}

// ——— explanations ———

function levelLabel(kind: string, code: string): Bilingual {
  const found =
    kind === 'skill_level'
      ? SKILL_LEVELS.find((l) => l.code === code)
      : kind === 'title'
        ? TITLE_LEVELS.find((l) => l.code === code)
        : kind === 'academic'
          ? ACADEMIC_LEVELS.find((l) => l.code === code)
          : kind === 'one_plus_x'
            ? ONE_PLUS_X_LEVELS.find((l) => l.code === code)
            : undefined;
  return found ? { zh: found.zh, en: found.en } : { zh: code, en: code };
}

const KIND_LABEL: Record<string, Bilingual> = {
  skill_level: { zh: '职业技能等级', en: 'skill level' },
  title: { zh: '职称', en: 'professional title' },
  academic: { zh: '学历', en: 'education' },
  one_plus_x: { zh: '1+X 证书', en: '1+X certificate' },
  honor: { zh: '荣誉', en: 'honour' },
};

function credentialLabel(c: CredentialFact): Bilingual {
  if (c.kind === 'honor') return { zh: c.name ?? '荣誉', en: c.name ?? 'honour' };
  const level = c.levelCode ? levelLabel(c.kind, c.levelCode) : KIND_LABEL[c.kind]!;
  return c.kind === 'title' ? { zh: `${level.zh}职称`, en: `${level.en} title` } : level;
}

class Explainer {
  constructor(
    private readonly ruleSet: RuleSet,
    private readonly facts: WorkerFacts,
    private readonly asOf: IsoDate,
    private readonly field: string | undefined,
    private readonly params: ParameterValues,
  ) {}

  private fieldName(): Bilingual {
    const f = this.ruleSet.fields.find((x) => x.code === this.field);
    return f?.name ?? { zh: this.field ?? '', en: this.field ?? '' };
  }

  /** Explains a node; also computes it (a sub-plan of its own), so every node says met/unmet and when. */
  explain(condition: Condition): ConditionExplanation {
    const plan = compilePlan({ ...this.ruleSet, pathways: [{ ...PLACEHOLDER, field: this.field, condition }] }, this.params);
    const dates = plan.atoms.map((a) => atomDate(a, this.facts));
    const result = firstTrue(plan.pathways[0]!.whole, dates, this.asOf);
    const met = result.now;
    const metFrom = met && plan.atoms.length === 1 && 'atom' in plan.pathways[0]!.whole ? (dates[0] ?? null) : result.from;
    const base = { type: condition.type, met, metFrom };
    switch (condition.type) {
      case 'allOf':
      case 'anyOf': {
        const children = condition.conditions.map((c) => this.explain(c));
        const count = children.filter((c) => c.met).length;
        const requirement =
          condition.label ??
          (condition.type === 'allOf'
            ? { zh: `同时满足以下 ${children.length} 项`, en: `All of the following ${children.length}` }
            : { zh: `满足以下任一项`, en: 'Any one of the following' });
        const tally = { zh: `${children.length} 项中已满足 ${count} 项`, en: `${count} of ${children.length} met` };
        return { ...base, requirement, facts: this.verdict(met, metFrom, tally), children };
      }
      case 'not': {
        const child = this.explain(condition.condition);
        const requirement = condition.label ?? { zh: `不得：${child.requirement.zh}`, en: `Must not: ${child.requirement.en}` };
        const facts = {
          zh: `${child.facts.zh}；本项要求其不成立：${met ? '满足' : metFrom ? `将于 ${metFrom} 满足` : '不满足'}`,
          en: `${child.facts.en}; required not to hold: ${met ? 'met' : metFrom ? `will be met on ${metFrom}` : 'not met'}`,
        };
        return { ...base, requirement, facts, children: [child] };
      }
      case 'frontline':
        return {
          ...base,
          requirement: condition.label ?? { zh: '一线生产岗位职工', en: 'Works on the front line' },
          facts: this.facts.isFrontline
            ? { zh: '一线职工：满足', en: 'Frontline worker: met' }
            : { zh: '非一线职工：不满足', en: 'Not a frontline worker: not met' },
        };
      case 'occupation': {
        const name = this.fieldName();
        const occ = this.facts.occupationCode;
        return {
          ...base,
          requirement: condition.label ?? { zh: `职业与${name.zh}领域对应`, en: `Occupation corresponds to ${name.en}` },
          facts: occ
            ? met
              ? { zh: `职业 ${occ}：满足`, en: `Occupation ${occ}: met` }
              : { zh: `职业 ${occ} 不属于${name.zh}：不满足`, en: `Occupation ${occ} is outside ${name.en}: not met` }
            : { zh: '未登记职业：不满足', en: 'No occupation recorded: not met' },
        };
      }
      case 'workYears': {
        const years = resolveYearsLabel(condition.years, this.params);
        const from = this.facts.employedFrom;
        return {
          ...base,
          requirement: condition.label ?? { zh: `本职业（工种）工作满 ${years} 年`, en: `${years} years of work in the trade` },
          facts: from
            ? this.verdict(met, metFrom, { zh: `${from} 起参加工作；需满 ${years} 年`, en: `Working since ${from}; needs ${years} years` })
            : { zh: '未登记参加工作日期：不满足', en: 'No employment start date recorded: not met' },
        };
      }
      case 'holds':
        return { ...base, ...this.holds(condition) };
    }
  }

  private holds(condition: Extract<Condition, { type: 'holds' }>) {
    const atom = atomOf(condition, this.ruleSet, this.field, this.params) as Extract<Atom, { type: 'holds' }>;
    const years = atom.years;
    const what: Bilingual = condition.minLevel
      ? (() => {
          const l = levelLabel(condition.kind, condition.minLevel);
          return condition.kind === 'title'
            ? { zh: `${l.zh}及以上职称`, en: `a title of ${l.en} or higher` }
            : { zh: `${l.zh}及以上`, en: `${l.en} or higher` };
        })()
      : condition.levels
        ? {
            zh: condition.levels.map((c) => levelLabel(condition.kind, c).zh).join('或'),
            en: condition.levels.map((c) => levelLabel(condition.kind, c).en).join(' or '),
          }
        : condition.names
          ? { zh: condition.names.join('或'), en: condition.names.join(' or ') }
          : KIND_LABEL[condition.kind]!;
    const field = this.fieldName();
    const related = condition.related ? { zh: `（与${field.zh}对应）`, en: ` (corresponding to ${field.en})` } : { zh: '', en: '' };
    const after =
      years > 0
        ? atom.fromWork
          ? { zh: `，取得后从事技术工作满 ${years} 年`, en: `, with ${years} years of technical work after it` }
          : { zh: `，取得满 ${years} 年`, en: `, held for ${years} years` }
        : { zh: '', en: '' };
    const requirement = condition.label ?? { zh: `持有${what.zh}${related.zh}${after.zh}`, en: `Holds ${what.en}${related.en}${after.en}` };

    // The credential that meets it earliest (the one the verdict rests on).
    let best: { c: CredentialFact; date: IsoDate; start: IsoDate } | undefined;
    for (const c of this.facts.credentials) {
      if (!credentialMatches(atom, c, this.facts)) continue;
      const start = atom.fromWork ? laterDate(c.issuedOn, this.facts.employedFrom) : c.issuedOn;
      const date = addYears(start, years);
      if (!best || date < best.date) best = { c, date, start };
    }
    if (!best) {
      return {
        requirement,
        facts: { zh: '无符合条件的证书：不满足', en: 'No such credential: not met' },
      };
    }
    const label = credentialLabel(best.c);
    const obtained = { zh: `${label.zh} ${best.c.issuedOn} 取得`, en: `${label.en} obtained ${best.c.issuedOn}` };
    const fromWorkNote =
      atom.fromWork && best.start !== best.c.issuedOn
        ? { zh: `（${best.start} 起在岗）`, en: ` (employed from ${best.start})` }
        : { zh: '', en: '' };
    const needs =
      years > 0
        ? atom.fromWork
          ? {
              zh: `；需取得后从事技术工作满 ${years} 年${fromWorkNote.zh}`,
              en: `; needs ${years} years of technical work after it${fromWorkNote.en}`,
            }
          : { zh: `；需取得满 ${years} 年`, en: `; needs to have held it ${years} years` }
        : { zh: '', en: '' };
    const verdict =
      best.date <= this.asOf
        ? { zh: `：${best.date} 起满足`, en: `: met on ${best.date}` }
        : { zh: `：将于 ${best.date} 满足`, en: `: will be met on ${best.date}` };
    return { requirement, facts: { zh: `${obtained.zh}${needs.zh}${verdict.zh}`, en: `${obtained.en}${needs.en}${verdict.en}` } };
  }

  private verdict(met: boolean, metFrom: IsoDate | null, facts: Bilingual): Bilingual {
    if (met) return { zh: `${facts.zh}：满足`, en: `${facts.en}: met` };
    if (metFrom) return { zh: `${facts.zh}：将于 ${metFrom} 满足`, en: `${facts.en}: will be met on ${metFrom}` };
    return { zh: `${facts.zh}：不满足`, en: `${facts.en}: not met` };
  }
}

function resolveYearsLabel(value: YearsValue, params: ParameterValues): number {
  return typeof value === 'number' ? value : (params[value.param] ?? 0);
}

const PLACEHOLDER: Pathway = {
  id: '_',
  name: { zh: '', en: '' },
  channel: 'skill_ladder',
  grants: { kind: 'skill_level', level: 'junior' },
  issuesCredential: false,
  condition: { type: 'frontline' },
  source: '_',
  confidence: 'H',
};
