import {
  type CreateOrg,
  type MoveOrg,
  OkSchema,
  OrgDetailSchema,
  OrgHistorySchema,
  type OrgKind,
  OrgListSchema,
  OrgSchema,
  type UpdateOrg,
} from '@changai/contracts';
import { api } from './client';

const base = '/api/v1/orgs';

export type OrgListParams = { parentId?: string; q?: string; kind?: OrgKind; includeInactive?: boolean; limit?: number };

/** Without parentId, q or kind: the top of the actor's scope. */
export const listOrgs = (params: OrgListParams, signal?: AbortSignal) =>
  api.get(base, OrgListSchema, { ...params, includeInactive: params.includeInactive ? 'true' : undefined }, signal).then((r) => r.items);
export const getOrg = (orgId: string, signal?: AbortSignal) => api.get(`${base}/${orgId}`, OrgDetailSchema, undefined, signal);
export const getOrgHistory = (orgId: string, signal?: AbortSignal) =>
  api.get(`${base}/${orgId}/history`, OrgHistorySchema, undefined, signal).then((r) => r.items);
export const createOrg = (input: CreateOrg) => api.post(base, OrgSchema, input);
export const updateOrg = (orgId: string, input: UpdateOrg) => api.patch(`${base}/${orgId}`, OrgSchema, input);
export const moveOrg = (orgId: string, input: MoveOrg) => api.post(`${base}/${orgId}/move`, OrgSchema, input);
export const deactivateOrg = (orgId: string) => api.post(`${base}/${orgId}/deactivate`, OrgSchema);
export const reactivateOrg = (orgId: string) => api.post(`${base}/${orgId}/reactivate`, OrgSchema);
export const deleteOrg = (orgId: string) => api.delete(`${base}/${orgId}`, OkSchema);
