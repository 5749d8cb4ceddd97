import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACADEMIC_LEVELS,
  type AcademicLevel,
  academicLevelFor,
  CREDENTIAL_KINDS,
  CREDENTIAL_SOURCES,
  CREDENTIAL_STATUSES,
  EQUIVALENCE_PURPOSES,
  ONE_PLUS_X_LEVELS,
  parseSkillCertificateNumber,
} from './credentials.js';

describe('credential vocabularies', () => {
  it('lists the kinds, sources and statuses the registry stores', () => {
    expect(CREDENTIAL_KINDS.map((k) => k.code)).toEqual(['skill_level', 'title', 'academic', 'one_plus_x', 'honor']);
    expect(CREDENTIAL_SOURCES.map((s) => s.code)).toEqual(['import', 'manual', 'conversion', 'competition', 'training']);
    expect(CREDENTIAL_STATUSES.map((s) => s.code)).toEqual(['valid', 'revoked']);
  });

  it('gives 1+X certificates their own three levels', () => {
    expect(ONE_PLUS_X_LEVELS.map((l) => [l.code, l.zh])).toEqual([
      ['elementary', '初级'],
      ['intermediate', '中级'],
      ['advanced', '高级'],
    ]);
  });

  it('has unique academic level codes', () => {
    const codes = ACADEMIC_LEVELS.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('technical-school classes', () => {
  it.each([
    ['intermediate_worker_class', 'secondary_vocational'],
    ['senior_worker_class', 'junior_college'],
    ['preparatory_technician_class', 'bachelor'],
  ] as const)('counts %s as %s for every named purpose', (code, diploma) => {
    for (const { code: purpose } of EQUIVALENCE_PURPOSES) expect(academicLevelFor(code, purpose)).toBe(diploma);
  });

  it('never presents a technical-school class as a diploma', () => {
    for (const level of ACADEMIC_LEVELS.filter((l) => l.code.endsWith('_class'))) {
      expect(level.kind).toBe('technical_school_class');
      expect(level.zh).toMatch(/班/);
      expect(level.zh).not.toMatch(/学历|学位|本科|大专|中专/);
    }
  });

  it('gives a class no equivalent for a purpose a province has not granted', () => {
    const narrowed: AcademicLevel[] = ACADEMIC_LEVELS.map((l) =>
      l.kind === 'technical_school_class' ? { ...l, purposes: ['title_review'] } : l,
    );
    expect(academicLevelFor('senior_worker_class', 'title_review', narrowed)).toBe('junior_college');
    expect(academicLevelFor('senior_worker_class', 'conscription', narrowed)).toBeUndefined();
  });

  it('counts a diploma as itself for every purpose', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACADEMIC_LEVELS.filter((l) => l.kind === 'diploma').map((l) => l.code)),
        fc.constantFrom(...EQUIVALENCE_PURPOSES.map((p) => p.code)),
        (code, purpose) => {
          expect(academicLevelFor(code, purpose)).toBe(code);
        },
      ),
    );
  });
});

describe('parseSkillCertificateNumber', () => {
  it('reads the parts of a 22-character skill-level certificate number', () => {
    expect(parseSkillCertificateNumber('Y000042000001233000123')).toEqual({
      kind: 'skill_level_22',
      value: 'Y000042000001233000123',
      evaluator: 'Y',
      agencyCode: '0000',
      provinceCode: '42',
      siteCode: '000001',
      year: 2023,
      grade: 3,
      skillLevel: 'senior',
      serial: '000123',
    });
  });

  it.each([
    ['s123442010203211000001', 'S', 2021, 1, 'senior_technician'],
    [' S1234 42 010203 24 5 000001 ', 'S', 2024, 5, 'junior'],
    ['Ｙ１２３４４２０１０２０３２２２０００００１', 'Y', 2022, 2, 'technician'],
  ] as const)('normalises %j and reads evaluator %s, year %i, grade %i (%s)', (raw, evaluator, year, grade, skillLevel) => {
    expect(parseSkillCertificateNumber(raw)).toMatchObject({ kind: 'skill_level_22', evaluator, year, grade, skillLevel });
  });

  it('recognises a 16-digit vocational qualification certificate number', () => {
    expect(parseSkillCertificateNumber('1342000000300401')).toEqual({ kind: 'qualification_16', value: '1342000000300401' });
  });

  it.each(['', 'Y000042000001236000123', 'X000042000001233000123', 'Y00004200000123300012', '134200000030040', 'GZ-2021-0001'])(
    'keeps %j as another format instead of rejecting it',
    (raw) => {
      expect(parseSkillCertificateNumber(raw).kind).toBe('other');
    },
  );

  it('reads every well-formed 22-character number back into the same parts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Y', 'S'),
        fc.stringMatching(/^\d{4}$/),
        fc.stringMatching(/^\d{2}$/),
        fc.stringMatching(/^\d{6}$/),
        fc.stringMatching(/^\d{2}$/),
        fc.integer({ min: 1, max: 5 }),
        fc.stringMatching(/^\d{6}$/),
        (evaluator, agencyCode, provinceCode, siteCode, year, grade, serial) => {
          const value = `${evaluator}${agencyCode}${provinceCode}${siteCode}${year}${grade}${serial}`;
          expect(parseSkillCertificateNumber(value)).toMatchObject({
            kind: 'skill_level_22',
            evaluator,
            agencyCode,
            provinceCode,
            siteCode,
            year: 2000 + Number(year),
            grade,
            serial,
          });
        },
      ),
    );
  });
});
