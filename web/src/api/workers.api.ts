import {
  type CreateWorker,
  CredentialSchema,
  type GrantCredential,
  type RevokeCredential,
  type UpdateWorker,
  WorkerDetailSchema,
  WorkerIdentitySchema,
  type WorkerListQuery,
  WorkerPageSchema,
} from '@changai/contracts';
import { api, buildUrl, type Query } from './client';

const base = '/api/v1/workers';

/** The list filters as the server reads them (flags already booleans). */
export type WorkerFilters = Partial<Omit<WorkerListQuery, 'cursor' | 'limit'>>;
export type WorkerListParams = WorkerFilters & { cursor?: string; limit?: number };

/** Flags go out only when set: `frontline=false` would mean "not frontline", not "any". */
function toQuery({ frontline, highSkilled, ...rest }: WorkerListParams): Query {
  return { ...rest, frontline: frontline ? 'true' : undefined, highSkilled: highSkilled ? 'true' : undefined };
}

export const listWorkers = (params: WorkerListParams, signal?: AbortSignal) => api.get(base, WorkerPageSchema, toQuery(params), signal);
export const getWorker = (workerId: string, signal?: AbortSignal) => api.get(`${base}/${workerId}`, WorkerDetailSchema, undefined, signal);
/** The full ID number and phone; the server records that this actor looked. */
export const revealWorkerIdentity = (workerId: string) => api.get(`${base}/${workerId}/identity`, WorkerIdentitySchema);
export const createWorker = (input: CreateWorker) => api.post(base, WorkerDetailSchema, input);
export const updateWorker = (workerId: string, input: UpdateWorker) => api.patch(`${base}/${workerId}`, WorkerDetailSchema, input);
export const grantCredential = (workerId: string, input: GrantCredential) =>
  api.post(`${base}/${workerId}/credentials`, CredentialSchema, input);
export const revokeCredential = (credentialId: string, input: RevokeCredential) =>
  api.post(`/api/v1/credentials/${credentialId}/revoke`, CredentialSchema, input);

/** The streamed xlsx of everything the filters match: a plain link, so the browser downloads it. */
export const workersExportUrl = (filters: WorkerFilters) => buildUrl(`${base}/export`, toQuery(filters));
