import type { CreateUser, UpdateUser } from '@changai/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserListParams } from '../../api/users.api';
import * as usersApi from '../../api/users.api';

const PAGE_SIZE = 50;

export const userKeys = {
  all: ['users'] as const,
  list: (filters: Omit<UserListParams, 'cursor' | 'limit'>) => ['users', 'list', filters] as const,
  roles: ['roles'] as const,
};

/** Users matching the filters, a page at a time (keyset paging: "load more" follows `nextCursor`). */
export function useUserList(filters: Omit<UserListParams, 'cursor' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam, signal }) => usersApi.listUsers({ ...filters, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useRoleCatalog() {
  return useQuery({ queryKey: userKeys.roles, queryFn: ({ signal }) => usersApi.getRoleCatalog(signal), staleTime: 5 * 60_000 });
}

function useUserMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all }),
        // Org detail pages show how many accounts each org has.
        queryClient.invalidateQueries({ queryKey: ['orgs', 'detail'] }),
      ]),
  });
}

export const useCreateUser = () => useUserMutation((input: CreateUser) => usersApi.createUser(input));
export const useUpdateUser = () =>
  useUserMutation(({ userId, ...input }: UpdateUser & { userId: string }) => usersApi.updateUser(userId, input));
export const useResetPassword = () =>
  useUserMutation(({ userId, password }: { userId: string; password: string }) => usersApi.resetUserPassword(userId, { password }));
