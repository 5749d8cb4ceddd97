import { IMPORT_JOB, runWorkerImport } from './modules/imports/imports.service.js';
import type { JobHandler } from './platform/jobs.js';

/** Every kind of background job and its handler, explicitly. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [IMPORT_JOB]: runWorkerImport,
};
