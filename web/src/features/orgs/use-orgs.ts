import type { CreateOrg, MoveOrg, Org, UpdateOrg } from '@changai/contracts';
import { queryOptions, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import * as orgsApi from '../../api/orgs.api';

/** The org list endpoint's ceiling; the tree asks for one level at a time. */
const LEVEL_LIMIT = 500;

export const orgKeys = {
  all: ['orgs'] as const,
  children: (parentId: string | null, includeInactive: boolean) => ['orgs', 'children', parentId ?? 'top', includeInactive] as const,
  search: (q: string, includeInactive: boolean) => ['orgs', 'search', q, includeInactive] as const,
  detail: (orgId: string) => ['orgs', 'detail', orgId] as const,
  history: (orgId: string) => ['orgs', 'history', orgId] as const,
};

/** One level of the tree; `null` is the top of the actor's scope. */
export const orgChildrenQuery = (parentId: string | null, includeInactive: boolean) =>
  queryOptions({
    queryKey: orgKeys.children(parentId, includeInactive),
    queryFn: ({ signal }) => orgsApi.listOrgs({ parentId: parentId ?? undefined, includeInactive, limit: LEVEL_LIMIT }, signal),
  });

export function useOrgSearch(q: string, includeInactive: boolean) {
  return useQuery({
    queryKey: orgKeys.search(q, includeInactive),
    queryFn: ({ signal }) => orgsApi.listOrgs({ q, includeInactive, limit: 100 }, signal),
    enabled: q.length > 0,
  });
}

export function useOrg(orgId: string | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(orgId ?? ''),
    queryFn: ({ signal }) => orgsApi.getOrg(orgId as string, signal),
    enabled: Boolean(orgId),
  });
}

export function useOrgHistory(orgId: string | undefined) {
  return useQuery({
    queryKey: orgKeys.history(orgId ?? ''),
    queryFn: ({ signal }) => orgsApi.getOrgHistory(orgId as string, signal),
    enabled: Boolean(orgId),
  });
}

/**
 * A lazily loaded org tree: the top of the actor's scope, plus the children of every node
 * asked for with `load`. Shared by the org page's tree and every org picker.
 */
export function useOrgTree(includeInactive = false) {
  const queryClient = useQueryClient();
  const [loadedIds, setLoadedIds] = useState<string[]>([]);
  const top = useQuery(orgChildrenQuery(null, includeInactive));
  const levels = useQueries({ queries: loadedIds.map((id) => orgChildrenQuery(id, includeInactive)) });

  const childrenOf = useMemo(() => {
    const map = new Map<string, Org[]>();
    loadedIds.forEach((id, i) => {
      const data = levels[i]?.data;
      if (data) map.set(id, data);
    });
    return map;
  }, [loadedIds, levels]);

  const load = useCallback(
    async (parentId: string) => {
      setLoadedIds((ids) => (ids.includes(parentId) ? ids : [...ids, parentId]));
      await queryClient.fetchQuery(orgChildrenQuery(parentId, includeInactive));
    },
    [queryClient, includeInactive],
  );

  return { roots: top.data, isPending: top.isPending, error: top.error, childrenOf, load };
}

function useOrgMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Names, counts, parents and history all change together: re-read every org query.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

export const useCreateOrg = () => useOrgMutation((input: CreateOrg) => orgsApi.createOrg(input));
export const useUpdateOrg = () => useOrgMutation(({ orgId, ...input }: UpdateOrg & { orgId: string }) => orgsApi.updateOrg(orgId, input));
export const useMoveOrg = () => useOrgMutation(({ orgId, ...input }: MoveOrg & { orgId: string }) => orgsApi.moveOrg(orgId, input));
export const useSetOrgActive = () =>
  useOrgMutation(({ orgId, isActive }: { orgId: string; isActive: boolean }) =>
    isActive ? orgsApi.reactivateOrg(orgId) : orgsApi.deactivateOrg(orgId),
  );
export function useDeleteOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orgId: string) => orgsApi.deleteOrg(orgId),
    onSuccess: (_ok, orgId) => {
      queryClient.removeQueries({ queryKey: orgKeys.detail(orgId) });
      return queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}
