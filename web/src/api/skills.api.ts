import {
  type AchievementListQuery,
  AchievementPageSchema,
  AlignmentSchema,
  CarrierDetailSchema,
  type CarrierListQuery,
  CarrierOverviewSchema,
  CarrierPageSchema,
  type DecideCarrierReview,
  EnrollmentSchema,
  type FileCarrierReview,
  ProgramDetailSchema,
  type ProgramListQuery,
  ProgramPageSchema,
  type RankingQuery,
  RankingSchema,
  type RecogniseCarrier,
  type RecordOutcome,
  type RevokeCarrier,
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
