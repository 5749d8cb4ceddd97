import {
  AttachmentParamsSchema,
  CancelTaskSchema,
  ChangeDeadlineSchema,
  CreateTaskSchema,
  DecisionParamsSchema,
  HandDownSchema,
  InboxSchema,
  MeetingDetailSchema,
  MeetingListQuerySchema,
  MeetingPageSchema,
  MeetingParamsSchema,
  MilestoneParamsSchema,
  PolicyDetailSchema,
  PolicyListQuerySchema,
  PolicyPageSchema,
  PolicyParamsSchema,
  ReportParamsSchema,
  ReviewReportSchema,
  SaveMeetingSchema,
  SavePolicySchema,
  SubmitReportSchema,
  SupervisionBoardSchema,
  SweepResultSchema,
  TaskDetailSchema,
  TaskListQuerySchema,
  TaskPageSchema,
  TaskParamsSchema,
  UploadedFileSchema,
  YearSummaryQuerySchema,
  YearSummarySchema,
} from '@changai/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { localeOf } from '../../platform/http/error-handler.js';
import { singleFile } from '../../platform/http/multipart.js';
import * as attachments from './attachments.service.js';
import * as meetingsService from './meetings.service.js';
import * as policiesService from './policies.service.js';
import * as summaryService from './summary.service.js';
import * as supervisionService from './supervision.service.js';
import * as tasksService from './tasks.service.js';

/** `filename*` so Chinese file names survive every browser. */
const sendFile = (reply: FastifyReply, file: { fileName: string; contentType: string; stream: NodeJS.ReadableStream }, inline = false) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);

export const reformRoutes: FastifyPluginAsyncZod = async (app) => {
  // ——— Policies ———
  const policies = ['policies'];
  app.get(
    '/api/v1/policies',
    {
      config: { permission: 'policies:read' },
      schema: { tags: policies, querystring: PolicyListQuerySchema, response: { 200: PolicyPageSchema } },
    },
    (req) => policiesService.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/policies/:policyId',
    {
      config: { permission: 'policies:read' },
      schema: { tags: policies, params: PolicyParamsSchema, response: { 200: PolicyDetailSchema } },
    },
    (req) => policiesService.get(req.ctx, req.params.policyId),
  );
  app.post(
    '/api/v1/policies',
    {
      config: { permission: 'policies:manage' },
      schema: { tags: policies, body: SavePolicySchema, response: { 201: PolicyDetailSchema } },
    },
    async (req, reply) => reply.status(201).send(await policiesService.create(req.ctx, req.body)),
  );
  app.put(
    '/api/v1/policies/:policyId',
    {
      config: { permission: 'policies:manage' },
      schema: { tags: policies, params: PolicyParamsSchema, body: SavePolicySchema, response: { 200: PolicyDetailSchema } },
    },
    (req) => policiesService.update(req.ctx, req.params.policyId, req.body),
  );
  app.post(
    '/api/v1/policies/files',
    {
      config: { permission: 'policies:manage' },
      schema: { tags: policies, consumes: ['multipart/form-data'], response: { 201: UploadedFileSchema } },
    },
    async (req, reply) => reply.status(201).send(await attachments.upload(req.ctx, await singleFile(req))),
  );
  app.get(
    '/api/v1/policies/attachments/:attachmentId',
    { config: { permission: 'policies:read' }, schema: { tags: policies, params: AttachmentParamsSchema } },
    async (req, reply) => sendFile(reply, await policiesService.openAttachment(req.ctx, req.params.attachmentId)),
  );

  // ——— Tasks and reports ———
  const tasks = ['tasks'];
  app.get(
    '/api/v1/tasks',
    { config: { permission: 'tasks:read' }, schema: { tags: tasks, querystring: TaskListQuerySchema, response: { 200: TaskPageSchema } } },
    (req) => tasksService.list(req.ctx, req.query),
  );
  app.get('/api/v1/tasks/inbox', { config: { permission: 'tasks:read' }, schema: { tags: tasks, response: { 200: InboxSchema } } }, (req) =>
    tasksService.inbox(req.ctx),
  );
  app.get(
    '/api/v1/tasks/:taskId',
    { config: { permission: 'tasks:read' }, schema: { tags: tasks, params: TaskParamsSchema, response: { 200: TaskDetailSchema } } },
    (req) => tasksService.get(req.ctx, req.params.taskId),
  );
  app.post(
    '/api/v1/tasks',
    { config: { permission: 'tasks:manage' }, schema: { tags: tasks, body: CreateTaskSchema, response: { 201: TaskDetailSchema } } },
    async (req, reply) => reply.status(201).send(await tasksService.create(req.ctx, req.body)),
  );
  app.post(
    '/api/v1/tasks/:taskId/hand-down',
    {
      config: { permission: 'tasks:manage' },
      schema: { tags: tasks, params: TaskParamsSchema, body: HandDownSchema, response: { 200: TaskDetailSchema } },
    },
    (req) => tasksService.handDown(req.ctx, req.params.taskId, req.body),
  );
  app.post(
    '/api/v1/tasks/:taskId/deadline',
    {
      config: { permission: 'tasks:manage' },
      schema: { tags: tasks, params: TaskParamsSchema, body: ChangeDeadlineSchema, response: { 200: TaskDetailSchema } },
    },
    (req) => tasksService.changeDeadline(req.ctx, req.params.taskId, req.body),
  );
  app.post(
    '/api/v1/tasks/:taskId/cancel',
    {
      config: { permission: 'tasks:manage' },
      schema: { tags: tasks, params: TaskParamsSchema, body: CancelTaskSchema, response: { 200: TaskDetailSchema } },
    },
    (req) => tasksService.cancel(req.ctx, req.params.taskId, req.body),
  );
  app.post(
    '/api/v1/tasks/milestones/:milestoneId/complete',
    { config: { permission: 'tasks:report' }, schema: { tags: tasks, params: MilestoneParamsSchema, response: { 200: TaskDetailSchema } } },
    (req) => tasksService.completeMilestone(req.ctx, req.params.milestoneId),
  );
  app.post(
    '/api/v1/tasks/:taskId/reports',
    {
      config: { permission: 'tasks:report' },
      schema: { tags: tasks, params: TaskParamsSchema, body: SubmitReportSchema, response: { 200: TaskDetailSchema } },
    },
    (req) => tasksService.submitReport(req.ctx, req.params.taskId, req.body),
  );
  app.post(
    '/api/v1/reports/:reportId/review',
    {
      config: { permission: 'tasks:review' },
      schema: { tags: tasks, params: ReportParamsSchema, body: ReviewReportSchema, response: { 200: TaskDetailSchema } },
    },
    (req) => tasksService.review(req.ctx, req.params.reportId, req.body),
  );
  app.post(
    '/api/v1/reports/files',
    {
      config: { permission: 'tasks:report' },
      schema: { tags: tasks, consumes: ['multipart/form-data'], response: { 201: UploadedFileSchema } },
    },
    async (req, reply) => reply.status(201).send(await attachments.upload(req.ctx, await singleFile(req))),
  );
  app.get(
    '/api/v1/reports/attachments/:attachmentId',
    { config: { permission: 'tasks:read' }, schema: { tags: tasks, params: AttachmentParamsSchema } },
    async (req, reply) => sendFile(reply, await tasksService.openReportAttachment(req.ctx, req.params.attachmentId)),
  );

  // ——— Supervision ———
  const supervision = ['supervision'];
  app.get(
    '/api/v1/supervision',
    { config: { permission: 'tasks:read' }, schema: { tags: supervision, response: { 200: SupervisionBoardSchema } } },
    (req) => supervisionService.board(req.ctx),
  );
  app.post(
    '/api/v1/supervision/sweep',
    { config: { permission: 'tasks:manage' }, schema: { tags: supervision, response: { 200: SweepResultSchema } } },
    (req) => supervisionService.sweep(req.ctx),
  );

  // ——— Meetings ———
  const meetings = ['meetings'];
  app.get(
    '/api/v1/meetings',
    {
      config: { permission: 'meetings:read' },
      schema: { tags: meetings, querystring: MeetingListQuerySchema, response: { 200: MeetingPageSchema } },
    },
    (req) => meetingsService.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/meetings/:meetingId',
    {
      config: { permission: 'meetings:read' },
      schema: { tags: meetings, params: MeetingParamsSchema, response: { 200: MeetingDetailSchema } },
    },
    (req) => meetingsService.get(req.ctx, req.params.meetingId),
  );
  app.post(
    '/api/v1/meetings',
    {
      config: { permission: 'meetings:manage' },
      schema: { tags: meetings, body: SaveMeetingSchema, response: { 201: MeetingDetailSchema } },
    },
    async (req, reply) => reply.status(201).send(await meetingsService.create(req.ctx, req.body)),
  );
  app.post(
    '/api/v1/meetings/decisions/:decisionId/tasks',
    {
      config: { permission: 'tasks:manage' },
      schema: { tags: meetings, params: DecisionParamsSchema, body: CreateTaskSchema, response: { 201: TaskDetailSchema } },
    },
    async (req, reply) => reply.status(201).send(await meetingsService.createTask(req.ctx, req.params.decisionId, req.body)),
  );

  // ——— Year-end summary ———
  app.get(
    '/api/v1/reform/summary',
    {
      config: { permission: 'tasks:read' },
      schema: { tags: ['summary'], querystring: YearSummaryQuerySchema, response: { 200: YearSummarySchema } },
    },
    (req) => summaryService.yearSummary(req.ctx, req.query.year, localeOf(req)),
  );
  app.get(
    '/api/v1/reform/summary/export',
    { config: { permission: 'tasks:read' }, schema: { tags: ['summary'], querystring: YearSummaryQuerySchema } },
    async (req, reply) => {
      const locale = localeOf(req);
      const stream = await summaryService.yearSummaryXlsx(req.ctx, req.query.year, locale);
      const name = locale === 'zh-CN' ? `产改工作${req.query.year}年度总结.xlsx` : `reform-summary-${req.query.year}.xlsx`;
      return sendFile(reply, { fileName: name, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', stream });
    },
  );
};
