import type { TFunction } from 'i18next';

function table(t: TFunction, key: 'auditActions' | 'entityTypes'): Record<string, string> {
  const value = t(key, { returnObjects: true }) as unknown;
  return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
}

/** The action in words; an action we have no words for shows as recorded. */
export const auditActionLabel = (t: TFunction, action: string) => table(t, 'auditActions')[action] ?? action;

export const entityTypeLabel = (t: TFunction, entityType: string) => table(t, 'entityTypes')[entityType] ?? entityType;

export const knownAuditActions = (t: TFunction) => Object.entries(table(t, 'auditActions'));
export const knownEntityTypes = (t: TFunction) => Object.entries(table(t, 'entityTypes'));
