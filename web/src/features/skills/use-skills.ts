import type {
  DecideCarrierReview,
  FileCarrierReview,
  RankingQuery,
  RecogniseCarrier,
  RecordOutcome,
  RevokeCarrier,
} from '@changai/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AchievementFilters, CarrierFilters, ProgramFilters } from '../../api/skills.api';
import * as skillsApi from '../../api/skills.api';
import { workerKeys } from '../workers/use-workers';

export const PAGE_SIZE = 20;

/** Carriers, programs and the overview count one another: a write refreshes them all. */
export const skillsKeys = {
  all: ['skills'] as const,
  overview: ['skills', 'overview'] as const,
  carriers: (f: CarrierFilters, page: number) => ['skills', 'carriers', f, page] as const,
  carrier: (id: string) => ['skills', 'carrier', id] as const,
  programs: (f: ProgramFilters, page: number) => ['skills', 'programs', f, page] as const,
  program: (id: string) => ['skills', 'program', id] as const,
  achievements: (f: AchievementFilters, page: number) => ['skills', 'achievements', f, page] as const,
  rankings: (by: RankingQuery['by']) => ['skills', 'rankings', by] as const,
  alignment: ['skills', 'alignment'] as const,
};

const pageOf = (page: number) => ({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

export const useCarrierOverview = () =>
  useQuery({ queryKey: skillsKeys.overview, queryFn: ({ signal }) => skillsApi.getCarrierOverview(signal) });
export const useCarriers = (filters: CarrierFilters, page: number) =>
  useQuery({
    queryKey: skillsKeys.carriers(filters, page),
    queryFn: ({ signal }) => skillsApi.listCarriers({ ...filters, ...pageOf(page) }, signal),
    placeholderData: keepPreviousData,
  });
export const useCarrier = (id: string | undefined) =>
  useQuery({
    queryKey: skillsKeys.carrier(id ?? ''),
    queryFn: ({ signal }) => skillsApi.getCarrier(id as string, signal),
    enabled: Boolean(id),
  });
export const usePrograms = (filters: ProgramFilters, page: number) =>
  useQuery({
    queryKey: skillsKeys.programs(filters, page),
    queryFn: ({ signal }) => skillsApi.listPrograms({ ...filters, ...pageOf(page) }, signal),
    placeholderData: keepPreviousData,
  });
export const useProgram = (id: string | undefined) =>
  useQuery({
    queryKey: skillsKeys.program(id ?? ''),
    queryFn: ({ signal }) => skillsApi.getProgram(id as string, signal),
    enabled: Boolean(id),
  });
export const useAchievements = (filters: AchievementFilters, page: number) =>
  useQuery({
    queryKey: skillsKeys.achievements(filters, page),
    queryFn: ({ signal }) => skillsApi.listAchievements({ ...filters, ...pageOf(page) }, signal),
    placeholderData: keepPreviousData,
  });
export const useRankings = (by: RankingQuery['by']) =>
  useQuery({
    queryKey: skillsKeys.rankings(by),
    queryFn: ({ signal }) => skillsApi.getRankings({ by, limit: 10 }, signal),
    placeholderData: keepPreviousData,
  });
export const useAlignment = () => useQuery({ queryKey: skillsKeys.alignment, queryFn: ({ signal }) => skillsApi.getAlignment(signal) });

function useSkillsMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>, alsoWorkers = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: skillsKeys.all });
      // A passed assessment issues a credential into the registry.
      if (alsoWorkers) await queryClient.invalidateQueries({ queryKey: workerKeys.all });
    },
  });
}

export const useRecogniseCarrier = () =>
  useSkillsMutation(({ carrierId, input }: { carrierId: string; input: RecogniseCarrier }) => skillsApi.recogniseCarrier(carrierId, input));
export const useFileCarrierReview = () =>
  useSkillsMutation(({ carrierId, input }: { carrierId: string; input: FileCarrierReview }) =>
    skillsApi.fileCarrierReview(carrierId, input),
  );
export const useDecideCarrierReview = () =>
  useSkillsMutation(({ carrierId, input }: { carrierId: string; input: DecideCarrierReview }) =>
    skillsApi.decideCarrierReview(carrierId, input),
  );
export const useRevokeCarrier = () =>
  useSkillsMutation(({ carrierId, input }: { carrierId: string; input: RevokeCarrier }) => skillsApi.revokeCarrier(carrierId, input));
export const useRecordOutcome = () =>
  useSkillsMutation(
    ({ enrollmentId, input }: { enrollmentId: string; input: RecordOutcome }) => skillsApi.recordOutcome(enrollmentId, input),
    true,
  );
