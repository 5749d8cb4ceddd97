import { ACADEMIC_LEVELS, type CredentialKind, ONE_PLUS_X_LEVELS } from './credentials.js';
import { HUBEI_INDUSTRY_CATEGORIES, type IndustryCategory, type IndustryCategoryKind } from './industries.js';
import type { IsoDate } from './normalize.js';
import { SKILL_LEVEL_CODES } from './skill-levels.js';
import { TITLE_LEVEL_CODES } from './titles.js';

export type CredentialInput = {
  kind: CredentialKind;
  levelCode?: string | null;
  name?: string | null;
  certificateNumber?: string | null;
  issuedOn: IsoDate;
};

export type CredentialCheck =
  | { ok: true; levelRank: number | null; equivalentTo: string | null; purposes: string[] | null }
  | { ok: false; errors: { field: 'levelCode' | 'name' | 'issuedOn'; reason: string }[] };

/**
 * Whether a credential record is complete and plausible for its holder: the level belongs to the
 * kind's scale, honors and 1+X certificates are named, and it was issued between birth and today.
 * Technical-school classes carry their academic equivalent and the purposes it counts for.
 */
export function validateCredential(input: CredentialInput & { birthDate: IsoDate; today: IsoDate }): CredentialCheck {
  const errors: { field: 'levelCode' | 'name' | 'issuedOn'; reason: string }[] = [];
  if (input.issuedOn > input.today) errors.push({ field: 'issuedOn', reason: 'issued_in_future' });
  if (input.issuedOn < input.birthDate) errors.push({ field: 'issuedOn', reason: 'issued_before_birth' });
  const level = input.levelCode ?? '';
  let levelRank: number | null = null;
  let equivalentTo: string | null = null;
  let purposes: string[] | null = null;
  switch (input.kind) {
    case 'skill_level': {
      const rank = (SKILL_LEVEL_CODES as readonly string[]).indexOf(level) + 1;
      if (rank === 0) errors.push({ field: 'levelCode', reason: 'skill_level_unknown' });
      levelRank = rank || null;
      break;
    }
    case 'title': {
      const rank = (TITLE_LEVEL_CODES as readonly string[]).indexOf(level) + 1;
      if (rank === 0) errors.push({ field: 'levelCode', reason: 'title_level_unknown' });
      levelRank = rank || null;
      break;
    }
    case 'academic': {
      const academic = ACADEMIC_LEVELS.find((a) => a.code === level);
      if (!academic) errors.push({ field: 'levelCode', reason: 'academic_level_unknown' });
      else if (academic.kind === 'technical_school_class') {
        equivalentTo = academic.equivalentTo;
        purposes = [...academic.purposes];
      }
      break;
    }
    case 'one_plus_x':
      if (!ONE_PLUS_X_LEVELS.some((l) => l.code === level)) errors.push({ field: 'levelCode', reason: 'one_plus_x_level_unknown' });
      if (!input.name?.trim()) errors.push({ field: 'name', reason: 'credential_name_required' });
      break;
    case 'honor':
      if (!input.name?.trim()) errors.push({ field: 'name', reason: 'credential_name_required' });
      break;
  }
  return errors.length ? { ok: false, errors } : { ok: true, levelRank, equivalentTo, purposes };
}

/**
 * What makes a credential the same record when it arrives again (re-imports are idempotent): its
 * certificate number, or for unnumbered ones (honors, some titles) level, name and date together.
 */
export function credentialNaturalKey(input: CredentialInput): string {
  const number = input.certificateNumber?.trim().toUpperCase();
  if (number) return `no:${number}`;
  return `at:${input.levelCode ?? ''}|${input.name?.trim() ?? ''}|${input.issuedOn}`;
}

/** Every GB/T 4754 division that feeds a category kind (pillar, characteristic, emerging). */
export function divisionsOfCategory(
  kind: IndustryCategoryKind,
  categories: readonly IndustryCategory[] = HUBEI_INDUSTRY_CATEGORIES,
): string[] {
  return [...new Set(categories.filter((c) => c.kind === kind).flatMap((c) => c.divisions))].sort();
}
