import { type RuleSetInput, RuleSetSchema } from '@changai/contracts';
import { type RuleSet, validateRuleSet } from '@changai/domain';
import { isNode, LineCounter, parseDocument } from 'yaml';

export type RuleProblem = {
  path: string;
  /** A message key, or zod's own message when `issue` is set (translated by the route). */
  message: string;
  line: number | null;
  column: number | null;
  issue?: { code: string; message: string; [key: string]: unknown };
};

// Deeper documents are refused before the recursive schema walks them (and the stack with it).
const MAX_DEPTH = 40;

function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_DEPTH) return d;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Reads a rule set from an editor's JSON or YAML text and checks it against the schema and the
 * domain's cross-references; every problem carries its line and column in the text.
 */
export function parseRuleText(text: string): { ruleSet?: RuleSet; problems: RuleProblem[] } {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch {
    return { problems: [{ path: '', message: 'rules.unreadable', line: null, column: null }] };
  }
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((e) => ({
        path: '',
        message: 'rules.syntax',
        line: e.linePos?.[0]?.line ?? null,
        column: e.linePos?.[0]?.col ?? null,
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return { problems: [{ path: '', message: 'rules.unreadable', line: null, column: null }] };
  }
  const locate = (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: null, column: null };
  };
  return checkRuleSet(value, locate);
}

/** Schema and cross-reference checks of a rule set object; `locate` places each problem in the source text. */
export function checkRuleSet(
  value: unknown,
  locate: (path: (string | number)[]) => { line: number | null; column: number | null } = () => ({ line: null, column: null }),
): { ruleSet?: RuleSet; problems: RuleProblem[] } {
  if (depthOf(value) > MAX_DEPTH) return { problems: [{ path: '', message: 'rules.too_deep', line: null, column: null }] };
  const parsed = RuleSetSchema.safeParse(value);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        return { path: path.join('.'), message: issue.message, issue: issue as unknown as RuleProblem['issue'], ...locate(path) };
      }),
    };
  }
  const ruleSet = toRuleSet(parsed.data);
  const problems = validateRuleSet(ruleSet).map((p) => ({
    ...p,
    ...locate(p.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))),
  }));
  return problems.length ? { problems } : { ruleSet, problems: [] };
}

/** The contract's inferred type is the domain's rule set (both describe the same document). */
export function toRuleSet(input: RuleSetInput): RuleSet {
  return input satisfies RuleSet;
}
