import type { Credential } from '@changai/contracts';
import type { TFunction } from 'i18next';

type LabelTable =
  | 'skillLevels'
  | 'titleLevels'
  | 'academicLevels'
  | 'onePlusXLevels'
  | 'credentialKinds'
  | 'credentialSources'
  | 'workerStatuses'
  | 'industryCategories'
  | 'genders';

/** A code in words from one of the locale's label tables; an unknown code shows as stored. */
export function labelOf(t: TFunction, table: LabelTable, code: string): string {
  const labels = t(table, { returnObjects: true }) as unknown;
  const label = typeof labels === 'object' && labels !== null ? (labels as Record<string, string>)[code] : undefined;
  return label ?? code;
}

const LEVEL_TABLES: Partial<Record<Credential['kind'], LabelTable>> = {
  skill_level: 'skillLevels',
  title: 'titleLevels',
  academic: 'academicLevels',
  one_plus_x: 'onePlusXLevels',
};

/** The level of a credential in words, for the kinds that have levels. */
export function credentialLevel(t: TFunction, credential: Pick<Credential, 'kind' | 'levelCode'>): string | undefined {
  const table = LEVEL_TABLES[credential.kind];
  return table && credential.levelCode ? labelOf(t, table, credential.levelCode) : undefined;
}

/** The headline of a credential: its level, or its name for honors and 1+X certificates (which are named). */
export function credentialHeadline(t: TFunction, credential: Pick<Credential, 'kind' | 'levelCode' | 'name' | 'series'>): string {
  const level = credentialLevel(t, credential);
  switch (credential.kind) {
    case 'honor':
      return credential.name ?? labelOf(t, 'credentialKinds', 'honor');
    case 'one_plus_x':
      return [credential.name, level].filter(Boolean).join(' · ');
    case 'title':
      return [level, credential.series].filter(Boolean).join(' · ');
    default:
      return level ?? labelOf(t, 'credentialKinds', credential.kind);
  }
}

/** Newest first; on the same day, valid before revoked, then by kind, so the order never jumps. */
export function timelineOrder<C extends Pick<Credential, 'id' | 'issuedOn' | 'kind' | 'status'>>(credentials: readonly C[]): C[] {
  return [...credentials].sort(
    (a, b) =>
      b.issuedOn.localeCompare(a.issuedOn) ||
      (a.status === b.status ? 0 : a.status === 'valid' ? -1 : 1) ||
      a.kind.localeCompare(b.kind) ||
      a.id.localeCompare(b.id),
  );
}
