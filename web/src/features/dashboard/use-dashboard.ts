import type { DashboardQuery, NewIndicatorVersion, SaveMap, SaveTarget } from '@changai/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as dashboardApi from '../../api/dashboard.api';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  dashboard: (q: DashboardQuery) => ['dashboard', 'figures', q] as const,
  bulletin: (q: DashboardQuery) => ['dashboard', 'bulletin', q] as const,
  map: (orgId: string | undefined) => ['dashboard', 'map', orgId ?? ''] as const,
  indicators: ['dashboard', 'indicators'] as const,
};

/** Figures are live: refetched every 30 s while the page is open, so a registry change shows by itself. */
export const useDashboard = (query: DashboardQuery) =>
  useQuery({
    queryKey: dashboardKeys.dashboard(query),
    queryFn: ({ signal }) => dashboardApi.getDashboard(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
export const useBulletin = (query: DashboardQuery) =>
  useQuery({ queryKey: dashboardKeys.bulletin(query), queryFn: ({ signal }) => dashboardApi.getBulletin(query, signal) });
export const useDashboardMap = (orgId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: dashboardKeys.map(orgId),
    queryFn: ({ signal }) => dashboardApi.getMap(orgId, signal),
    enabled,
    staleTime: Infinity,
  });
export const useIndicators = () =>
  useQuery({ queryKey: dashboardKeys.indicators, queryFn: ({ signal }) => dashboardApi.listIndicators(signal) });

function useDashboardMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: dashboardKeys.all }) });
}

export const useNewVersion = () =>
  useDashboardMutation(({ code, input }: { code: string; input: NewIndicatorVersion }) => dashboardApi.newIndicatorVersion(code, input));
export const useSaveTarget = () =>
  useDashboardMutation(({ code, year, input }: { code: string; year: number; input: SaveTarget }) =>
    dashboardApi.saveTarget(code, year, input),
  );
export const useSaveMap = () => useDashboardMutation((input: SaveMap) => dashboardApi.saveMap(input));
