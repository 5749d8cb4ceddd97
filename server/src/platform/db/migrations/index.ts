import type { Migration } from 'kysely/migration';
import * as foundation from './202611260001_foundation.js';

/** Every migration, in order. Names are timestamps; a migration is frozen once merged. */
export const migrations: Record<string, Migration> = {
  '202611260001_foundation': foundation,
};
