import type { FormRule } from 'antd';
import type { z } from 'zod';

/** A translate function; i18next's `t` fits. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Contract messages that are keys for us to translate rather than text. */
const MESSAGE_KEYS = new Set([
  'username_format',
  'org_code_format',
  'phone_format',
  'date_range_order',
  'region_code_format',
  'occupation_code_format',
  'industry_division_format',
]);

/** Skill-formation contract messages, translated in the skills section. */
const SKILLS_MESSAGE_KEYS = new Set([
  'carrier_level_for_kind',
  'carrier_studio_type',
  'certificate_number_format',
  'patent_number_format',
  'assessed_on_required',
]);

type Issue = z.core.$ZodIssue;

/** One zod issue in the reader's language: our keys first, friendlier length wording, then zod's own locale. */
export function issueMessage(issue: Issue, t: Translate): string {
  if (MESSAGE_KEYS.has(issue.message)) return t(`validation.${issue.message}`);
  if (SKILLS_MESSAGE_KEYS.has(issue.message)) return t(`skills.validation.${issue.message}`);
  if (issue.code === 'too_small' && issue.origin === 'string') return t('validation.tooShort', { min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
  if (issue.code === 'invalid_format' && issue.format === 'email') return t('validation.invalidEmail');
  return issue.message;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && !value.length);

/**
 * antd Form rules from one contract field: "required" when the schema refuses an empty value
 * (so the form shows its asterisk), then the schema itself on anything entered.
 */
export function zodRules(schema: z.ZodType, t: Translate): FormRule[] {
  const isRequired = !schema.safeParse(undefined).success;
  const rules: FormRule[] = [];
  if (isRequired) rules.push({ required: true, message: t('validation.required') });
  rules.push({
    validator: async (_rule, value: unknown) => {
      if (isBlank(value)) return;
      const result = schema.safeParse(value);
      const issue = result.success ? undefined : result.error.issues[0];
      if (issue) throw new Error(issueMessage(issue, t));
    },
  });
  return rules;
}

/** Whole-object checks (refinements across fields) as antd `setFields` entries. */
export function zodFieldErrors(schema: z.ZodType, values: unknown, t: Translate): { name: (string | number)[]; errors: string[] }[] {
  const result = schema.safeParse(values);
  if (result.success) return [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of result.error.issues) {
    const name = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issueMessage(issue, t));
    byField.set(key, entry);
  }
  return [...byField.values()];
}
