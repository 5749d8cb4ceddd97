import {
  AchievementDetailSchema,
  type AchievementListQuery,
  AchievementPageSchema,
  AlignmentSchema,
  type ApplyCarrier,
  CarrierDetailSchema,
  type CarrierListQuery,
  CarrierOverviewSchema,
  CarrierPageSchema,
  type DecideCarrierReview,
  DemandListSchema,
  EnrollmentSchema,
  type EnrollWorkers,
  type EvaluateAchievement,
  type FileCarrierReview,
  JobSchema,
  ProgramDetailSchema,
  type ProgramListQuery,
  ProgramPageSchema,
  type RankingQuery,
  RankingSchema,
  type RecogniseCarrier,
  type RecordOutcome,
  type RevokeCarrier,
  type SaveDemand,
  type SaveProgram,
  type SubmitAchievement,
  WorkerSkillsSchema,
} from '@changai/contracts';
import { api } from './client';

type Params<T> = { [K in keyof T]?: T[K] | undefined };

export type CarrierFilters = Params<Omit<CarrierListQuery, 'limit' | 'offset'>>;
export type ProgramFilters = Params<Omit<ProgramListQuery, 'limit' | 'offset'>>;
export type AchievementFilters = Params<Omit<AchievementListQuery, 'limit' | 'offset'>>;

export const getCarrierOverview = (signal?: AbortSignal) => api.get('/api/v1/carriers/overview', CarrierOverviewSchema, undefined, signal);
export const listCarriers = (query: Params<CarrierListQuery>, signal?: AbortSignal) =>
  api.get('/api/v1/carriers', CarrierPageSchema, query, signal);
export const getCarrier = (carrierId: string, signal?: AbortSignal) =>
  api.get(`/api/v1/carriers/${carrierId}`, CarrierDetailSchema, undefined, signal);
export const recogniseCarrier = (carrierId: string, input: RecogniseCarrier) =>
  api.post(`/api/v1/carriers/${carrierId}/recognition`, CarrierDetailSchema, input);
export const fileCarrierReview = (carrierId: string, input: FileCarrierReview) =>
  api.post(`/api/v1/carriers/${carrierId}/reviews`, CarrierDetailSchema, input);
export const decideCarrierReview = (carrierId: string, input: DecideCarrierReview) =>
  api.post(`/api/v1/carriers/${carrierId}/reviews/decision`, CarrierDetailSchema, input);
export const revokeCarrier = (carrierId: string, input: RevokeCarrier) =>
  api.post(`/api/v1/carriers/${carrierId}/revoke`, CarrierDetailSchema, input);

export const listPrograms = (query: Params<ProgramListQuery>, signal?: AbortSignal) =>
  api.get('/api/v1/training/programs', ProgramPageSchema, query, signal);
export const getProgram = (programId: string, signal?: AbortSignal) =>
  api.get(`/api/v1/training/programs/${programId}`, ProgramDetailSchema, undefined, signal);
export const recordOutcome = (enrollmentId: string, input: RecordOutcome) =>
  api.post(`/api/v1/training/enrollments/${enrollmentId}/outcome`, EnrollmentSchema, input);

export const listAchievements = (query: Params<AchievementListQuery>, signal?: AbortSignal) =>
  api.get('/api/v1/innovation/achievements', AchievementPageSchema, query, signal);
export const getRankings = (query: Params<RankingQuery>, signal?: AbortSignal) =>
  api.get('/api/v1/innovation/rankings', RankingSchema, query, signal);

export const getAlignment = (signal?: AbortSignal) => api.get('/api/v1/skills/alignment', AlignmentSchema, undefined, signal);

export const applyCarrier = (input: ApplyCarrier) => api.post('/api/v1/carriers', CarrierDetailSchema, input);

export const createProgram = (input: SaveProgram) => api.post('/api/v1/training/programs', ProgramDetailSchema, input);
export const updateProgram = (programId: string, input: SaveProgram) =>
  api.put(`/api/v1/training/programs/${programId}`, ProgramDetailSchema, input);
export const closeProgram = (programId: string) => api.post(`/api/v1/training/programs/${programId}/close`, ProgramDetailSchema, undefined);
export const enrollWorkers = (programId: string, input: EnrollWorkers) =>
  api.post(`/api/v1/training/programs/${programId}/enrollments`, ProgramDetailSchema, input);
/** Stores the enrollment/result sheet and answers with the queued import job. */
export const startTrainingImport = (programId: string, file: File) =>
  api.upload(`/api/v1/training/programs/${programId}/import`, JobSchema, file, file.name);
export const trainingTemplateUrl = '/api/v1/training/import-template';

export const getAchievement = (achievementId: string, signal?: AbortSignal) =>
  api.get(`/api/v1/innovation/achievements/${achievementId}`, AchievementDetailSchema, undefined, signal);
export const submitAchievement = (input: SubmitAchievement) => api.post('/api/v1/innovation/achievements', AchievementDetailSchema, input);
export const evaluateAchievement = (achievementId: string, input: EvaluateAchievement) =>
  api.post(`/api/v1/innovation/achievements/${achievementId}/evaluation`, AchievementDetailSchema, input);

export const listDemands = (signal?: AbortSignal) => api.get('/api/v1/skills/demands', DemandListSchema, undefined, signal);
export const saveDemand = (input: SaveDemand) => api.post('/api/v1/skills/demands', DemandListSchema, input);

export const getWorkerSkills = (workerId: string, signal?: AbortSignal) =>
  api.get(`/api/v1/workers/${workerId}/skills`, WorkerSkillsSchema, undefined, signal);
