import { ImportPreviewSchema, JobSchema, type StartImport } from '@changai/contracts';
import { api } from './client';

const base = '/api/v1/imports';

/** Stores the file and answers with its header row and a proposed column mapping. */
export const uploadWorkersFile = (file: File) => api.upload(`${base}/workers`, ImportPreviewSchema, file, file.name);
/** The same preview again, for an upload already stored (a reload of the mapping step). */
export const getImportPreview = (uploadId: string, signal?: AbortSignal) =>
  api.get(`${base}/uploads/${uploadId}`, ImportPreviewSchema, undefined, signal);
export const startImport = (uploadId: string, input: StartImport) => api.post(`${base}/uploads/${uploadId}/start`, JobSchema, input);
export const getJob = (jobId: string, signal?: AbortSignal) => api.get(`/api/v1/jobs/${jobId}`, JobSchema, undefined, signal);

export const workersTemplateUrl = `${base}/workers/template`;
/** A stored file of the actor's own (the error report of an import). */
export const uploadContentUrl = (uploadId: string) => `/api/v1/uploads/${uploadId}/content`;
