import type {
  ApplyCarrier,
  DecideCarrierReview,
  EvaluateAchievement,
  FileCarrierReview,
  Job,
  RankingQuery,
  RecogniseCarrier,
  RecordOutcome,
  RevokeCarrier,
  SaveDemand,
  SaveProgram,
  SubmitAchievement,
} from '@changai/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJob } from '../../api/imports.api';
import type { AchievementFilters, CarrierFilters, ProgramFilters } from '../../api/skills.api';
import * as skillsApi from '../../api/skills.api';
import { isSettled } from '../imports/import-job';
import { importKeys } from '../imports/use-imports';
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
  achievement: (id: string) => ['skills', 'achievement', id] as const,
  alignment: ['skills', 'alignment'] as const,
  demands: ['skills', 'demands'] as const,
  /** A worker's record on the profile: under 'skills', so every skills write refreshes it. */
  ofWorker: (workerId: string) => ['skills', 'worker', workerId] as const,
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

export const useAchievement = (id: string | undefined) =>
  useQuery({
    queryKey: skillsKeys.achievement(id ?? ''),
    queryFn: ({ signal }) => skillsApi.getAchievement(id as string, signal),
    enabled: Boolean(id),
  });
export const useDemands = () => useQuery({ queryKey: skillsKeys.demands, queryFn: ({ signal }) => skillsApi.listDemands(signal) });
export const useWorkerSkills = (workerId: string | undefined) =>
  useQuery({
    queryKey: skillsKeys.ofWorker(workerId ?? ''),
    queryFn: ({ signal }) => skillsApi.getWorkerSkills(workerId as string, signal),
    enabled: Boolean(workerId),
  });

export const useApplyCarrier = () => useSkillsMutation((input: ApplyCarrier) => skillsApi.applyCarrier(input));
export const useCreateProgram = () => useSkillsMutation((input: SaveProgram) => skillsApi.createProgram(input));
export const useUpdateProgram = () =>
  useSkillsMutation(({ programId, input }: { programId: string; input: SaveProgram }) => skillsApi.updateProgram(programId, input));
export const useCloseProgram = () => useSkillsMutation((programId: string) => skillsApi.closeProgram(programId));
export const useEnrollWorkers = () =>
  useSkillsMutation(({ programId, workerIds }: { programId: string; workerIds: string[] }) =>
    skillsApi.enrollWorkers(programId, { workerIds }),
  );
export const useSubmitAchievement = () => useSkillsMutation((input: SubmitAchievement) => skillsApi.submitAchievement(input));
export const useEvaluateAchievement = () =>
  useSkillsMutation(({ achievementId, input }: { achievementId: string; input: EvaluateAchievement }) =>
    skillsApi.evaluateAchievement(achievementId, input),
  );
export const useSaveDemand = () => useSkillsMutation((input: SaveDemand) => skillsApi.saveDemand(input));

/** Queues a sheet's import into the program; the job is then followed by useTrainingImportJob. */
export function useStartTrainingImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ programId, file }: { programId: string; file: File }) => skillsApi.startTrainingImport(programId, file),
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(job.id), job),
  });
}

/** The import job, polled every second until it settles; then the program (and the registry it issued into) refresh. */
export function useTrainingImportJob(jobId: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery<Job>({
    queryKey: importKeys.job(jobId ?? ''),
    queryFn: async ({ signal }) => {
      const job = await getJob(jobId as string, signal);
      if (isSettled(job)) {
        void queryClient.invalidateQueries({ queryKey: skillsKeys.all });
        void queryClient.invalidateQueries({ queryKey: workerKeys.all });
      }
      return job;
    },
    enabled: Boolean(jobId),
    staleTime: 0,
    refetchInterval: (query) => (isSettled(query.state.data) ? false : 1000),
    refetchIntervalInBackground: true,
  });
}

/** Carriers for a picker: the first few in scope, or those matching the typed text. */
export const useCarrierSearch = (q: string) =>
  useQuery({
    queryKey: ['skills', 'carrier-search', q] as const,
    queryFn: ({ signal }) => skillsApi.listCarriers({ q: q || undefined, limit: 20, offset: 0 }, signal),
    staleTime: 30_000,
  });
