import {
  type ChangeDeadline,
  type CreateTask,
  type HandDown,
  InboxSchema,
  MeetingDetailSchema,
  MeetingPageSchema,
  PolicyDetailSchema,
  type PolicyListQuery,
  PolicyPageSchema,
  type ReviewReport,
  type SaveMeeting,
  type SavePolicy,
  type SubmitReport,
  SupervisionBoardSchema,
  SweepResultSchema,
  TaskDetailSchema,
  type TaskListQuery,
  TaskPageSchema,
  UploadedFileSchema,
  YearSummarySchema,
} from '@changai/contracts';
import { api, buildUrl } from './client';

type Params<T> = { [K in keyof T]?: T[K] | undefined };

export const listPolicies = (query: Params<PolicyListQuery>, signal?: AbortSignal) =>
  api.get('/api/v1/policies', PolicyPageSchema, query, signal);
export const getPolicy = (policyId: string, signal?: AbortSignal) =>
  api.get(`/api/v1/policies/${policyId}`, PolicyDetailSchema, undefined, signal);
export const createPolicy = (input: SavePolicy) => api.post('/api/v1/policies', PolicyDetailSchema, input);
export const updatePolicy = (policyId: string, input: SavePolicy) => api.put(`/api/v1/policies/${policyId}`, PolicyDetailSchema, input);
export const uploadPolicyFile = (file: Blob, fileName: string) => api.upload('/api/v1/policies/files', UploadedFileSchema, file, fileName);
export const policyAttachmentUrl = (attachmentId: string) => `/api/v1/policies/attachments/${attachmentId}`;

export const listTasks = (query: Params<TaskListQuery>, signal?: AbortSignal) => api.get('/api/v1/tasks', TaskPageSchema, query, signal);
export const getInbox = (signal?: AbortSignal) => api.get('/api/v1/tasks/inbox', InboxSchema, undefined, signal);
export const getTask = (taskId: string, signal?: AbortSignal) => api.get(`/api/v1/tasks/${taskId}`, TaskDetailSchema, undefined, signal);
export const createTask = (input: CreateTask) => api.post('/api/v1/tasks', TaskDetailSchema, input);
export const handDown = (taskId: string, input: HandDown) => api.post(`/api/v1/tasks/${taskId}/hand-down`, TaskDetailSchema, input);
export const changeDeadline = (taskId: string, input: ChangeDeadline) =>
  api.post(`/api/v1/tasks/${taskId}/deadline`, TaskDetailSchema, input);
export const cancelTask = (taskId: string, reason: string) => api.post(`/api/v1/tasks/${taskId}/cancel`, TaskDetailSchema, { reason });
export const completeMilestone = (milestoneId: string) => api.post(`/api/v1/tasks/milestones/${milestoneId}/complete`, TaskDetailSchema);
export const submitReport = (taskId: string, input: SubmitReport) => api.post(`/api/v1/tasks/${taskId}/reports`, TaskDetailSchema, input);
export const reviewReport = (reportId: string, input: ReviewReport) =>
  api.post(`/api/v1/reports/${reportId}/review`, TaskDetailSchema, input);
export const uploadEvidence = (file: Blob, fileName: string) => api.upload('/api/v1/reports/files', UploadedFileSchema, file, fileName);
export const reportAttachmentUrl = (attachmentId: string) => `/api/v1/reports/attachments/${attachmentId}`;

export const getSupervision = (signal?: AbortSignal) => api.get('/api/v1/supervision', SupervisionBoardSchema, undefined, signal);
export const runSweep = () => api.post('/api/v1/supervision/sweep', SweepResultSchema);

export const listMeetings = (query: { year?: number; limit?: number; offset?: number }, signal?: AbortSignal) =>
  api.get('/api/v1/meetings', MeetingPageSchema, query, signal);
export const getMeeting = (meetingId: string, signal?: AbortSignal) =>
  api.get(`/api/v1/meetings/${meetingId}`, MeetingDetailSchema, undefined, signal);
export const createMeeting = (input: SaveMeeting) => api.post('/api/v1/meetings', MeetingDetailSchema, input);
export const createTaskFromDecision = (decisionId: string, input: CreateTask) =>
  api.post(`/api/v1/meetings/decisions/${decisionId}/tasks`, TaskDetailSchema, input);

export const getYearSummary = (year: number, signal?: AbortSignal) =>
  api.get('/api/v1/reform/summary', YearSummarySchema, { year }, signal);
export const yearSummaryXlsxUrl = (year: number) => buildUrl('/api/v1/reform/summary/export', { year });
