import type { CredentialKind } from '../credentials.js';
import { SKILL_LEVEL_CODES } from '../skill-levels.js';
import { TITLE_LEVEL_CODES } from '../titles.js';
import type { Condition, RuleSet, YearsValue } from './rule-set.js';

/**
 * A rule set resolved for evaluation: every leaf condition becomes an atom with its parameters filled
 * in and its field spelled out, identical atoms shared. Each atom yields, per worker, the date from
 * which it holds (or never); a pathway is a boolean expression over "atom holds at date T". The
 * in-memory evaluator and the SQL compiler both work from this plan.
 */
export type Atom =
  | {
      type: 'holds';
      kind: CredentialKind;
      minRank: number | null;
      levels: string[] | null;
      names: string[] | null;
      /** Skill levels: the credential's occupation (else the worker's) starts with one of these. */
      occupationPrefixes: string[] | null;
      /** Titles: the credential's series is one of these names. */
      seriesNames: string[] | null;
      years: number;
      fromWork: boolean;
    }
  | { type: 'workYears'; years: number }
  | { type: 'frontline' }
  | { type: 'occupation'; occupationPrefixes: string[] };

export type Expr = { atom: number } | { allOf: Expr[] } | { anyOf: Expr[] } | { not: Expr };

export type PlannedPathway = { id: string; rule: Expr; exceptions: { id: string; expr: Expr }[]; whole: Expr };

export type Plan = { atoms: Atom[]; pathways: PlannedPathway[] };

/** Parameter values by key; a what-if passes its draft values here. */
export type ParameterValues = Record<string, number>;

export function levelRankOf(kind: CredentialKind, code: string | null | undefined): number | null {
  if (!code) return null;
  const list: readonly string[] | null = kind === 'skill_level' ? SKILL_LEVEL_CODES : kind === 'title' ? TITLE_LEVEL_CODES : null;
  if (!list) return null;
  const rank = list.indexOf(code) + 1;
  return rank || null;
}

export function parameterValues(ruleSet: RuleSet, overrides: ParameterValues = {}): ParameterValues {
  const values: ParameterValues = {};
  for (const p of ruleSet.parameters) values[p.key] = overrides[p.key] ?? p.value;
  return values;
}

export function resolveYears(value: YearsValue | undefined, params: ParameterValues): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const resolved = params[value.param];
  if (resolved === undefined) throw new Error(`Unknown parameter ${value.param}`);
  return resolved;
}

/** Resolves one leaf condition of a pathway into an atom. */
export function atomOf(condition: Condition, ruleSet: RuleSet, fieldCode: string | undefined, params: ParameterValues): Atom {
  const field = fieldCode ? ruleSet.fields.find((f) => f.code === fieldCode) : undefined;
  switch (condition.type) {
    case 'holds': {
      const related = condition.related === true;
      return {
        type: 'holds',
        kind: condition.kind,
        minRank: condition.minLevel ? levelRankOf(condition.kind, condition.minLevel) : null,
        levels: condition.levels ? [...condition.levels].sort() : null,
        names: condition.names ? [...condition.names].sort() : null,
        occupationPrefixes: related && condition.kind === 'skill_level' ? [...(field?.occupationPrefixes ?? [])].sort() : null,
        seriesNames: related && condition.kind === 'title' ? [...(field?.seriesNames ?? [])].sort() : null,
        years: resolveYears(condition.years, params),
        fromWork: condition.yearsOf === 'work',
      };
    }
    case 'workYears':
      return { type: 'workYears', years: resolveYears(condition.years, params) };
    case 'frontline':
      return { type: 'frontline' };
    case 'occupation':
      return { type: 'occupation', occupationPrefixes: [...(field?.occupationPrefixes ?? [])].sort() };
    default:
      throw new Error(`Not a leaf condition: ${condition.type}`);
  }
}

export function compilePlan(ruleSet: RuleSet, overrides: ParameterValues = {}): Plan {
  const params = parameterValues(ruleSet, overrides);
  const atoms: Atom[] = [];
  const index = new Map<string, number>();
  const toExpr = (condition: Condition, field: string | undefined): Expr => {
    switch (condition.type) {
      case 'allOf':
        return { allOf: condition.conditions.map((c) => toExpr(c, field)) };
      case 'anyOf':
        return { anyOf: condition.conditions.map((c) => toExpr(c, field)) };
      case 'not':
        return { not: toExpr(condition.condition, field) };
      default: {
        const atom = atomOf(condition, ruleSet, field, params);
        const key = JSON.stringify(atom);
        let i = index.get(key);
        if (i === undefined) {
          i = atoms.length;
          atoms.push(atom);
          index.set(key, i);
        }
        return { atom: i };
      }
    }
  };
  const pathways = ruleSet.pathways.map((p) => {
    const rule = toExpr(p.condition, p.field);
    const exceptions = (p.exceptions ?? []).map((e) => ({ id: e.id, expr: toExpr(e.condition, p.field) }));
    return { id: p.id, rule, exceptions, whole: exceptions.length ? { anyOf: [rule, ...exceptions.map((e) => e.expr)] } : rule };
  });
  return { atoms, pathways };
}

/** Atoms whose becoming true can make the expression true (an even number of `not`s above them). */
export function risingAtoms(expr: Expr, positive = true, out = new Set<number>()): Set<number> {
  if ('atom' in expr) {
    if (positive) out.add(expr.atom);
  } else if ('not' in expr) risingAtoms(expr.not, !positive, out);
  else for (const child of 'allOf' in expr ? expr.allOf : expr.anyOf) risingAtoms(child, positive, out);
  return out;
}
