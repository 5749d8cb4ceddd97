import {
  type AssignNetworkRole,
  ContactSchema,
  type EndNetworkRole,
  NetworkAssignmentSchema,
  NetworkSchema,
  NetworkUnitDetailSchema,
  OkSchema,
  RevealedPhoneSchema,
  type SaveContact,
} from '@changai/contracts';
import { api } from './client';

const base = '/api/v1/network';

export const getNetwork = (params: { asOf?: string }, signal?: AbortSignal) => api.get(base, NetworkSchema, params, signal);
export const getNetworkUnit = (orgId: string, signal?: AbortSignal) =>
  api.get(`${base}/units/${orgId}`, NetworkUnitDetailSchema, undefined, signal);
export const assignNetworkRole = (input: AssignNetworkRole) => api.post(`${base}/assignments`, NetworkAssignmentSchema, input);
export const endNetworkRole = (assignmentId: string, input: EndNetworkRole) =>
  api.post(`${base}/assignments/${assignmentId}/end`, NetworkAssignmentSchema, input);
export const addContact = (orgId: string, input: SaveContact) => api.post(`${base}/units/${orgId}/contacts`, ContactSchema, input);
export const updateContact = (contactId: string, input: SaveContact) => api.put(`${base}/contacts/${contactId}`, ContactSchema, input);
export const deleteContact = (contactId: string) => api.delete(`${base}/contacts/${contactId}`, OkSchema);
/** Shows the full number; the server records that this actor looked. */
export const revealContactPhone = (contactId: string) => api.get(`${base}/contacts/${contactId}/phone`, RevealedPhoneSchema);
