import type { Health } from '@changai/contracts';
import type { Database } from '../../platform/db/database.js';
import { migrationState } from '../../platform/db/migrate.js';
import * as demoService from '../demo/demo.service.js';

/** What the health check reads: the database handle as opened at start. */
export type HealthSource = Database;

export async function check(database: Database, version: string): Promise<Health> {
  return {
    status: 'ok',
    version,
    database: database.kind,
    migrations: await migrationState(database.db),
    demo: await demoService.demoStatus({ db: database.db }),
  };
}
