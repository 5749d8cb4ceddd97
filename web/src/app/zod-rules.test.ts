import {
  ApplyCarrierSchema,
  AssignNetworkRoleSchema,
  CreateUserSchema,
  CreateWorkerSchema,
  SaveContactSchema,
  SubmitAchievementSchema,
} from '@changai/contracts';
import type { FormRule } from 'antd';
import { describe, expect, it } from 'vitest';
import { type Translate, zodFieldErrors, zodRules } from './zod-rules';

const t: Translate = (key, options) => (options ? `${key} ${JSON.stringify(options)}` : key);

async function check(rules: FormRule[], value: unknown): Promise<string | undefined> {
  for (const rule of rules) {
    if (typeof rule === 'function') continue;
    if (rule.required && (value === undefined || value === '')) return String(rule.message);
    if (rule.validator) {
      try {
        await rule.validator({}, value, () => {});
      } catch (e) {
        return (e as Error).message;
      }
    }
  }
  return undefined;
}

describe('zodRules', () => {
  it('marks a field required when its schema refuses an empty value', async () => {
    const rules = zodRules(CreateUserSchema.shape.username, t);
    expect(rules.some((r) => typeof r !== 'function' && r.required)).toBe(true);
    expect(await check(rules, '')).toBe('validation.required');
  });

  it('leaves optional fields unmarked and accepts them empty', async () => {
    const rules = zodRules(SaveContactSchema.shape.phone, t);
    expect(rules.some((r) => typeof r !== 'function' && r.required)).toBe(false);
    expect(await check(rules, '')).toBeUndefined();
  });

  it('translates the contract’s own message keys', async () => {
    expect(await check(zodRules(CreateUserSchema.shape.username, t), 'bad name!')).toBe('validation.username_format');
    expect(await check(zodRules(SaveContactSchema.shape.phone, t), 'call me')).toBe('validation.phone_format');
  });

  it('words length limits with the limit from the schema', async () => {
    expect(await check(zodRules(CreateUserSchema.shape.password, t), 'short')).toBe('validation.tooShort {"min":10}');
    expect(await check(zodRules(CreateUserSchema.shape.username, t), 'a'.repeat(65))).toBe('validation.tooLong {"max":64}');
  });

  it('accepts a valid value', async () => {
    expect(await check(zodRules(CreateUserSchema.shape.username, t), 'li.ming')).toBeUndefined();
  });
});

describe('zodFieldErrors', () => {
  it('puts a cross-field refinement on the field it names', () => {
    const errors = zodFieldErrors(
      AssignNetworkRoleSchema,
      { orgId: crypto.randomUUID(), role: 'member', effectiveFrom: '2026-05-01', effectiveTo: '2026-01-01' },
      t,
    );
    expect(errors).toEqual([{ name: ['effectiveTo'], errors: ['validation.date_range_order'] }]);
  });

  it('returns nothing for valid values', () => {
    expect(zodFieldErrors(AssignNetworkRoleSchema, { orgId: crypto.randomUUID(), role: 'member', effectiveFrom: '2026-05-01' }, t)).toEqual(
      [],
    );
  });
});

describe('zodRules for the worker registry', () => {
  it('translates the registry’s code formats', async () => {
    expect(await check(zodRules(CreateWorkerSchema.shape.occupationCode, t), '61801')).toBe('validation.occupation_code_format');
    expect(await check(zodRules(CreateWorkerSchema.shape.industryDivision, t), '3')).toBe('validation.industry_division_format');
    expect(await check(zodRules(CreateWorkerSchema.shape.occupationCode, t), '6-18-01-01')).toBeUndefined();
  });
});

describe('skill formation messages', () => {
  it('translates the carrier and patent contract messages from the skills section', async () => {
    expect(await check(zodRules(SubmitAchievementSchema.shape.patentNumbers, t), ['ZL20'])).toBe('skills.validation.patent_number_format');
    const errors = zodFieldErrors(
      ApplyCarrierSchema,
      { kind: 'training_base', level: 'enterprise', name: '某培训基地', hostOrgId: '00000000-0000-4000-8000-000000000000' },
      t,
    );
    expect(errors).toEqual([{ name: ['level'], errors: ['skills.validation.carrier_level_for_kind'] }]);
  });
});
