import {
  BulletinSchema,
  type CreateIndicator,
  type DashboardQuery,
  DashboardSchema,
  IndicatorListSchema,
  IndicatorSchema,
  MapInfoSchema,
  type NewIndicatorVersion,
  type SaveMap,
  type SaveTarget,
} from '@changai/contracts';
import { api, buildUrl } from './client';

export const getDashboard = (query: DashboardQuery, signal?: AbortSignal) => api.get('/api/v1/dashboard', DashboardSchema, query, signal);
export const getBulletin = (query: DashboardQuery, signal?: AbortSignal) =>
  api.get('/api/v1/dashboard/bulletin', BulletinSchema, query, signal);
export const bulletinPdfUrl = (query: DashboardQuery) => buildUrl('/api/v1/dashboard/bulletin.pdf', query);
export const bulletinXlsxUrl = (query: DashboardQuery) => buildUrl('/api/v1/dashboard/bulletin.xlsx', query);
export const getMap = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get('/api/v1/dashboard/map', MapInfoSchema, { orgId }, signal);
/** The province's base map (the root org's children). */
export const saveMap = (input: SaveMap) => api.put('/api/v1/dashboard/map', MapInfoSchema, input);

export const listIndicators = (signal?: AbortSignal) => api.get('/api/v1/indicators', IndicatorListSchema, undefined, signal);
export const createIndicator = (input: CreateIndicator) => api.post('/api/v1/indicators', IndicatorSchema, input);
export const newIndicatorVersion = (code: string, input: NewIndicatorVersion) =>
  api.post(`/api/v1/indicators/${code}/versions`, IndicatorSchema, input);
export const saveTarget = (code: string, year: number, input: SaveTarget) =>
  api.put(`/api/v1/indicators/${code}/targets/${year}`, IndicatorSchema, input);
