import * as conversionService from './modules/conversion/conversion.service.js';
import * as demoService from './modules/demo/demo.service.js';
import { IMPORT_JOB, runWorkerImport } from './modules/imports/imports.service.js';
import * as supervisionService from './modules/reform/supervision.service.js';
import * as carriersService from './modules/skills/carriers.service.js';
import { loadSkillsActivity } from './modules/skills/skills.demo.js';
import { runTrainingImport, TRAINING_IMPORT_JOB } from './modules/skills/training-import.service.js';
import type { Database } from './platform/db/database.js';
import type { JobHandler } from './platform/jobs.js';

export const DEMO_JOB = 'demo.registry';

/** Every kind of background job and its handler, explicitly. */
export function jobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [IMPORT_JOB]: runWorkerImport,
    [TRAINING_IMPORT_JOB]: runTrainingImport,
    [supervisionService.SWEEP_JOB]: (ctx) => supervisionService.sweep(ctx),
    [carriersService.REVIEW_SWEEP_JOB]: (ctx) => carriersService.sweepOverdueReviews(ctx),
    [conversionService.FACTS_JOB]: (ctx) => conversionService.refreshStaleFacts(ctx),
    [DEMO_JOB]: async (ctx, job, report) => {
      const result = await demoService.loadRegistry(ctx, database, (job.payload as { scale: number }).scale, (processed, total) => {
        void report({ processed, total, phase: 'loading' });
      });
      await loadSkillsActivity(ctx);
      return result;
    },
  };
}

/** Jobs every deployment queues on a schedule; one instance wins each round. */
export const RECURRING_JOBS = [
  { kind: supervisionService.SWEEP_JOB, everyMs: supervisionService.SWEEP_EVERY_MS },
  { kind: carriersService.REVIEW_SWEEP_JOB, everyMs: carriersService.REVIEW_SWEEP_EVERY_MS },
  { kind: conversionService.FACTS_JOB, everyMs: conversionService.FACTS_EVERY_MS },
];
