import { describe, expect, it } from 'vitest';
import { credentialNaturalKey, divisionsOfCategory, validateCredential } from './registry-rules.js';

const person = { birthDate: '1990-01-01', today: '2026-11-26' };

describe('credential rules', () => {
  it.each([
    ['skill_level', 'technician', 5],
    ['skill_level', 'chief_technician', 8],
    ['title', 'deputy_senior', 4],
  ] as const)('ranks %s %s as %i', (kind, levelCode, rank) => {
    expect(validateCredential({ kind, levelCode, issuedOn: '2019-06-30', ...person })).toMatchObject({ ok: true, levelRank: rank });
  });

  it('refuses a level outside the kind’s scale', () => {
    expect(validateCredential({ kind: 'skill_level', levelCode: 'deputy_senior', issuedOn: '2019-06-30', ...person })).toEqual({
      ok: false,
      errors: [{ field: 'levelCode', reason: 'skill_level_unknown' }],
    });
  });

  it('refuses a credential issued before birth or in the future', () => {
    const before = validateCredential({ kind: 'honor', name: '荆楚工匠', issuedOn: '1980-01-01', ...person });
    const future = validateCredential({ kind: 'honor', name: '荆楚工匠', issuedOn: '2030-01-01', ...person });
    expect(before.ok || before.errors[0]?.reason).toBe('issued_before_birth');
    expect(future.ok || future.errors[0]?.reason).toBe('issued_in_future');
  });

  it('records a technical-school class with its equivalent and purposes, never as a degree', () => {
    const check = validateCredential({ kind: 'academic', levelCode: 'senior_worker_class', issuedOn: '2010-07-01', ...person });
    expect(check).toMatchObject({ ok: true, equivalentTo: 'junior_college' });
    expect(check.ok && check.purposes?.length).toBeGreaterThan(0);
  });

  it('requires a name for honors and 1+X certificates', () => {
    const check = validateCredential({ kind: 'one_plus_x', levelCode: 'advanced', issuedOn: '2021-01-01', ...person });
    expect(check.ok || check.errors.map((e) => e.reason)).toEqual(['credential_name_required']);
  });

  it('keys numbered credentials by number, case-insensitively, and others by level, name and date', () => {
    expect(credentialNaturalKey({ kind: 'skill_level', certificateNumber: ' s000042000001203000123 ', issuedOn: '2020-01-01' })).toBe(
      'no:S000042000001203000123',
    );
    expect(credentialNaturalKey({ kind: 'honor', name: '湖北五一劳动奖章', issuedOn: '2020-04-28' })).toBe(
      'at:|湖北五一劳动奖章|2020-04-28',
    );
  });

  it('lists the divisions of the pillar industries', () => {
    expect(divisionsOfCategory('pillar')).toEqual(expect.arrayContaining(['36', '31', '39']));
  });
});
