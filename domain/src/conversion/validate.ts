import { ACADEMIC_LEVELS, ONE_PLUS_X_LEVELS } from '../credentials.js';
import { SKILL_LEVEL_CODES } from '../skill-levels.js';
import { TITLE_LEVEL_CODES } from '../titles.js';
import type { Condition, RuleSet } from './rule-set.js';

export type RuleSetProblem = { path: string; message: string };

const LEVELS: Record<string, readonly string[]> = {
  skill_level: SKILL_LEVEL_CODES,
  title: TITLE_LEVEL_CODES,
  academic: ACADEMIC_LEVELS.map((l) => l.code),
  one_plus_x: ONE_PLUS_X_LEVELS.map((l) => l.code),
};

/**
 * What the schema cannot see: references between parts of the rule set (parameters, fields, sources),
 * levels that exist for the credential kind, unique ids. Paths are dotted, as in the JSON document.
 */
export function validateRuleSet(ruleSet: RuleSet): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  const params = new Set(ruleSet.parameters.map((p) => p.key));
  const fields = new Set(ruleSet.fields.map((f) => f.code));
  const sources = new Set(ruleSet.sources.map((s) => s.id));
  const duplicates = (items: string[], path: string, what: string) => {
    const seen = new Set<string>();
    items.forEach((id, i) => {
      if (seen.has(id)) problems.push({ path: `${path}.${i}.${what}`, message: 'rules.duplicate_id' });
      seen.add(id);
    });
  };
  duplicates(
    ruleSet.sources.map((s) => s.id),
    'sources',
    'id',
  );
  duplicates(
    ruleSet.parameters.map((p) => p.key),
    'parameters',
    'key',
  );
  duplicates(
    ruleSet.fields.map((f) => f.code),
    'fields',
    'code',
  );
  duplicates(
    ruleSet.pathways.map((p) => p.id),
    'pathways',
    'id',
  );
  if (ruleSet.effectiveTo && ruleSet.effectiveTo <= ruleSet.effectiveFrom)
    problems.push({ path: 'effectiveTo', message: 'date_range_order' });
  ruleSet.parameters.forEach((p, i) => {
    if (!sources.has(p.source)) problems.push({ path: `parameters.${i}.source`, message: 'rules.unknown_source' });
  });

  const check = (c: Condition, path: string, field: string | undefined) => {
    switch (c.type) {
      case 'allOf':
      case 'anyOf':
        c.conditions.forEach((child, i) => {
          check(child, `${path}.conditions.${i}`, field);
        });
        return;
      case 'not':
        check(c.condition, `${path}.condition`, field);
        return;
      case 'workYears':
        if (typeof c.years === 'object' && !params.has(c.years.param))
          problems.push({ path: `${path}.years.param`, message: 'rules.unknown_parameter' });
        return;
      case 'occupation':
        if (!field) problems.push({ path, message: 'rules.needs_field' });
        return;
      case 'frontline':
        return;
      case 'holds': {
        if (typeof c.years === 'object' && !params.has(c.years.param))
          problems.push({ path: `${path}.years.param`, message: 'rules.unknown_parameter' });
        const levels = LEVELS[c.kind];
        const ranked = c.kind === 'skill_level' || c.kind === 'title';
        if (c.minLevel !== undefined && !(ranked && levels?.includes(c.minLevel))) {
          problems.push({ path: `${path}.minLevel`, message: 'rules.level_unknown' });
        }
        c.levels?.forEach((l, i) => {
          if (!levels?.includes(l)) problems.push({ path: `${path}.levels.${i}`, message: 'rules.level_unknown' });
        });
        if (c.names !== undefined && c.kind !== 'honor') problems.push({ path: `${path}.names`, message: 'rules.names_only_for_honors' });
        if (c.related) {
          if (c.kind !== 'skill_level' && c.kind !== 'title') problems.push({ path: `${path}.related`, message: 'rules.related_kind' });
          else if (!field) problems.push({ path: `${path}.related`, message: 'rules.needs_field' });
        }
        return;
      }
    }
  };
  ruleSet.pathways.forEach((p, i) => {
    const path = `pathways.${i}`;
    if (p.field !== undefined && !fields.has(p.field)) problems.push({ path: `${path}.field`, message: 'rules.unknown_field' });
    if (!sources.has(p.source)) problems.push({ path: `${path}.source`, message: 'rules.unknown_source' });
    const grantLevels = LEVELS[p.grants.kind];
    if (!grantLevels?.includes(p.grants.level)) problems.push({ path: `${path}.grants.level`, message: 'rules.level_unknown' });
    if (p.issuesCredential && p.grants.kind === 'academic')
      problems.push({ path: `${path}.issuesCredential`, message: 'rules.equivalence_not_issued' });
    const field = p.field !== undefined && fields.has(p.field) ? p.field : undefined;
    check(p.condition, `${path}.condition`, field);
    const exceptionIds = new Set<string>();
    p.exceptions?.forEach((e, j) => {
      if (exceptionIds.has(e.id)) problems.push({ path: `${path}.exceptions.${j}.id`, message: 'rules.duplicate_id' });
      exceptionIds.add(e.id);
      if (e.source !== undefined && !sources.has(e.source))
        problems.push({ path: `${path}.exceptions.${j}.source`, message: 'rules.unknown_source' });
      check(e.condition, `${path}.exceptions.${j}.condition`, field);
    });
  });
  return problems;
}
