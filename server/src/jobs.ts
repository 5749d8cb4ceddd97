import * as demoService from './modules/demo/demo.service.js';
import { IMPORT_JOB, runWorkerImport } from './modules/imports/imports.service.js';
import type { Database } from './platform/db/database.js';
import type { JobHandler } from './platform/jobs.js';

export const DEMO_JOB = 'demo.registry';

/** Every kind of background job and its handler, explicitly. */
export function jobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [IMPORT_JOB]: runWorkerImport,
    [DEMO_JOB]: (ctx, job, report) =>
      demoService.loadRegistry(ctx, database, (job.payload as { scale: number }).scale, (processed, total) => {
        void report({ processed, total, phase: 'loading' });
      }),
  };
}
