import {
  ApprovalQueueSchema,
  ApprovedSumSchema,
  AssignmentsSchema,
  type CompletenessQuery,
  CompletenessSchema,
  type CreateReportedElement,
  DataElementSchema,
  type EntryParams,
  EntrySchema,
  ReportedElementListSchema,
  ReportFormListSchema,
  ReportFormSchema,
  ReportingInboxSchema,
  type SaveEntry,
  type SaveReportForm,
  type SumQuery,
  type UpdateReportedElement,
} from '@changai/contracts';
import { api } from './client';

const entryPath = (k: EntryParams) => `/api/v1/reporting/entries/${k.formId}/${k.orgId}/${k.period}`;

export const listElements = (signal?: AbortSignal) => api.get('/api/v1/reporting/elements', ReportedElementListSchema, undefined, signal);
export const createElement = (input: CreateReportedElement) => api.post('/api/v1/reporting/elements', DataElementSchema, input);
export const updateElement = (code: string, input: UpdateReportedElement) =>
  api.put(`/api/v1/reporting/elements/${code}`, DataElementSchema, input);
export const listForms = (signal?: AbortSignal) => api.get('/api/v1/reporting/forms', ReportFormListSchema, undefined, signal);
export const createForm = (input: SaveReportForm) => api.post('/api/v1/reporting/forms', ReportFormSchema, input);
export const updateForm = (formId: string, input: SaveReportForm) => api.put(`/api/v1/reporting/forms/${formId}`, ReportFormSchema, input);
export const getAssignments = (formId: string, signal?: AbortSignal) =>
  api.get(`/api/v1/reporting/forms/${formId}/assignments`, AssignmentsSchema, undefined, signal);
export const setAssignments = (formId: string, orgIds: string[]) =>
  api.put(`/api/v1/reporting/forms/${formId}/assignments`, AssignmentsSchema, { orgIds });

export const getInbox = (signal?: AbortSignal) => api.get('/api/v1/reporting/inbox', ReportingInboxSchema, undefined, signal);
export const getApprovals = (signal?: AbortSignal) => api.get('/api/v1/reporting/approvals', ApprovalQueueSchema, undefined, signal);
export const getEntry = (k: EntryParams, signal?: AbortSignal) => api.get(entryPath(k), EntrySchema, undefined, signal);
export const saveEntry = (k: EntryParams, input: SaveEntry) => api.put(entryPath(k), EntrySchema, input);
export const submitEntry = (k: EntryParams, version: number) => api.post(`${entryPath(k)}/submit`, EntrySchema, { version });
export const reopenEntry = (k: EntryParams, version: number) => api.post(`${entryPath(k)}/reopen`, EntrySchema, { version });
export const approveEntry = (k: EntryParams, version: number) => api.post(`${entryPath(k)}/approve`, EntrySchema, { version });
export const returnEntry = (k: EntryParams, version: number, reason: string) =>
  api.post(`${entryPath(k)}/return`, EntrySchema, { version, reason });
export const templateUrl = (k: EntryParams) => `${entryPath(k)}/template`;
export const uploadEntry = (k: EntryParams, file: Blob, fileName: string) =>
  api.upload(`${entryPath(k)}/upload`, EntrySchema, file, fileName);

export const getCompleteness = (q: CompletenessQuery, signal?: AbortSignal) =>
  api.get('/api/v1/reporting/completeness', CompletenessSchema, q, signal);
export const getApprovedSum = (q: SumQuery, signal?: AbortSignal) => api.get('/api/v1/reporting/sum', ApprovedSumSchema, q, signal);
