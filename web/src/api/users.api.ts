import {
  type CreateUser,
  type ResetPassword,
  type Role,
  RoleCatalogSchema,
  type UpdateUser,
  UserPageSchema,
  UserSchema,
} from '@changai/contracts';
import { api } from './client';

const base = '/api/v1/users';

export type UserListParams = { q?: string; role?: Role; orgId?: string; includeInactive?: boolean; cursor?: string; limit?: number };

export const listUsers = (params: UserListParams, signal?: AbortSignal) =>
  api.get(base, UserPageSchema, { ...params, includeInactive: params.includeInactive ? 'true' : undefined }, signal);
export const getUser = (userId: string, signal?: AbortSignal) => api.get(`${base}/${userId}`, UserSchema, undefined, signal);
export const createUser = (input: CreateUser) => api.post(base, UserSchema, input);
export const updateUser = (userId: string, input: UpdateUser) => api.patch(`${base}/${userId}`, UserSchema, input);
export const resetUserPassword = (userId: string, input: ResetPassword) => api.post(`${base}/${userId}/reset-password`, UserSchema, input);
export const getRoleCatalog = (signal?: AbortSignal) => api.get('/api/v1/roles', RoleCatalogSchema, undefined, signal).then((r) => r.roles);
