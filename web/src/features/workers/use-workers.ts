import type { CreateWorker, GrantCredential, RevokeCredential, UpdateWorker } from '@changai/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkerFilters } from '../../api/workers.api';
import * as workersApi from '../../api/workers.api';

const PAGE_SIZE = 50;

export const workerKeys = {
  all: ['workers'] as const,
  list: (filters: WorkerFilters) => ['workers', 'list', filters] as const,
  detail: (workerId: string) => ['workers', 'detail', workerId] as const,
};

/** Workers matching the filters, a page at a time (keyset paging: "load more" follows `nextCursor`). */
export function useWorkerList(filters: WorkerFilters, { enabled = true } = {}) {
  return useInfiniteQuery({
    queryKey: workerKeys.list(filters),
    queryFn: ({ pageParam, signal }) => workersApi.listWorkers({ ...filters, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

export function useWorker(workerId: string | undefined) {
  return useQuery({
    queryKey: workerKeys.detail(workerId ?? ''),
    queryFn: ({ signal }) => workersApi.getWorker(workerId as string, signal),
    enabled: Boolean(workerId),
  });
}

/** The full identity of one worker; the server audits each reveal, so it is an explicit action, never cached. */
export const useRevealIdentity = () => useMutation({ mutationFn: (workerId: string) => workersApi.revealWorkerIdentity(workerId) });

function useWorkerMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  // Lists carry derived levels and tags, so any change refreshes them as well as the profile.
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: workerKeys.all }) });
}

export const useCreateWorker = () => useWorkerMutation((input: CreateWorker) => workersApi.createWorker(input));
export const useUpdateWorker = () =>
  useWorkerMutation(({ workerId, ...input }: UpdateWorker & { workerId: string }) => workersApi.updateWorker(workerId, input));
export const useGrantCredential = () =>
  useWorkerMutation(({ workerId, input }: { workerId: string; input: GrantCredential }) => workersApi.grantCredential(workerId, input));
export const useRevokeCredential = () =>
  useWorkerMutation(({ credentialId, input }: { credentialId: string; input: RevokeCredential }) =>
    workersApi.revokeCredential(credentialId, input),
  );

/** Registry workers for a picker: the first few of the org (or the scope), or those matching the typed text. */
export function useWorkerSearch(q: string, orgId?: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: ['workers', 'search', q, orgId ?? ''] as const,
    queryFn: ({ signal }) => workersApi.listWorkers({ q: q || undefined, orgId, limit: 20 }, signal),
    enabled,
    staleTime: 30_000,
  });
}
