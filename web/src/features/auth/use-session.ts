import type { ChangePassword, Login, Permission, Setup } from '@changai/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as authApi from '../../api/auth.api';
import { setCsrfToken } from '../../api/client';

export const sessionKey = ['session'] as const;

async function fetchSession() {
  const session = await authApi.getSession();
  setCsrfToken(session?.csrfToken);
  return session;
}

/** The signed-in session, or null. Fetched once and kept until sign-in, sign-out or a 401. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

/** The actor inside the signed-in shell (the session guard guarantees one). */
export function useActor() {
  const { data } = useSession();
  if (!data) throw new Error('useActor is used outside the signed-in shell');
  return data.actor;
}

export function useCan(permission: Permission): boolean {
  const { data } = useSession();
  return data?.actor.permissions.includes(permission) ?? false;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Login) => authApi.login(input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Nothing cached for a previous user may show to this one.
      queryClient.removeQueries();
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => authApi.logout(),
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.removeQueries();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePassword) => authApi.changePassword(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useSetupStatus() {
  return useQuery({ queryKey: ['setup'], queryFn: authApi.getSetupStatus, staleTime: Number.POSITIVE_INFINITY });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Setup) => authApi.setup(input),
    onSuccess: () => queryClient.setQueryData(['setup'], { needsSetup: false }),
  });
}
