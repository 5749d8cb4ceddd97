import { type ChangePassword, type Login, OkSchema, type Session, SessionSchema, type Setup, SetupStatusSchema } from '@changai/contracts';
import { ApiError, api } from './client';

const base = '/api/v1/auth';

/** The current session, or null when signed out. */
export async function getSession(): Promise<Session | null> {
  try {
    return await api.get(`${base}/session`, SessionSchema);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export const login = (input: Login) => api.post(`${base}/login`, SessionSchema, input);
export const logout = () => api.post(`${base}/logout`, OkSchema);
export const changePassword = (input: ChangePassword) => api.post(`${base}/password`, OkSchema, input);
export const getSetupStatus = () => api.get('/api/v1/setup', SetupStatusSchema);
export const setup = (input: Setup) => api.post('/api/v1/setup', OkSchema, input);
