import {
  ApprovalQueueSchema,
  ApprovedSumSchema,
  AssignmentsSchema,
  CompletenessQuerySchema,
  CompletenessSchema,
  CreateReportedElementSchema,
  DataElementSchema,
  ElementParamsSchema,
  EntryParamsSchema,
  EntrySchema,
  FormParamsSchema,
  ReportedElementListSchema,
  ReportFormListSchema,
  ReportFormSchema,
  ReportingInboxSchema,
  ReturnEntrySchema,
  SaveEntrySchema,
  SaveReportFormSchema,
  SetAssignmentsSchema,
  SumQuerySchema,
  TransitionSchema,
  UpdateReportedElementSchema,
} from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { singleFile } from '../../platform/http/multipart.js';
import * as reporting from './reporting.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reporting'];

  // ——— Reported elements and forms (province admin) ———
  app.get(
    '/api/v1/reporting/elements',
    { config: { permission: 'indicators:manage' }, schema: { tags, response: { 200: ReportedElementListSchema } } },
    (req) => reporting.listElements(req.ctx),
  );
  app.post(
    '/api/v1/reporting/elements',
    {
      config: { permission: 'indicators:manage' },
      schema: { tags, body: CreateReportedElementSchema, response: { 201: DataElementSchema } },
    },
    async (req, reply) => reply.status(201).send(await reporting.createElement(req.ctx, req.body)),
  );
  app.put(
    '/api/v1/reporting/elements/:code',
    {
      config: { permission: 'indicators:manage' },
      schema: { tags, params: ElementParamsSchema, body: UpdateReportedElementSchema, response: { 200: DataElementSchema } },
    },
    (req) => reporting.updateElement(req.ctx, req.params.code, req.body),
  );
  app.get(
    '/api/v1/reporting/forms',
    { config: { permission: 'indicators:manage' }, schema: { tags, response: { 200: ReportFormListSchema } } },
    (req) => reporting.listForms(req.ctx),
  );
  app.post(
    '/api/v1/reporting/forms',
    { config: { permission: 'indicators:manage' }, schema: { tags, body: SaveReportFormSchema, response: { 201: ReportFormSchema } } },
    async (req, reply) => reply.status(201).send(await reporting.createForm(req.ctx, req.body)),
  );
  app.get(
    '/api/v1/reporting/forms/:formId',
    { config: { permission: 'indicators:manage' }, schema: { tags, params: FormParamsSchema, response: { 200: ReportFormSchema } } },
    (req) => reporting.getForm(req.ctx, req.params.formId),
  );
  app.put(
    '/api/v1/reporting/forms/:formId',
    {
      config: { permission: 'indicators:manage' },
      schema: { tags, params: FormParamsSchema, body: SaveReportFormSchema, response: { 200: ReportFormSchema } },
    },
    (req) => reporting.updateForm(req.ctx, req.params.formId, req.body),
  );
  app.get(
    '/api/v1/reporting/forms/:formId/assignments',
    { config: { permission: 'indicators:manage' }, schema: { tags, params: FormParamsSchema, response: { 200: AssignmentsSchema } } },
    (req) => reporting.assignments(req.ctx, req.params.formId),
  );
  app.put(
    '/api/v1/reporting/forms/:formId/assignments',
    {
      config: { permission: 'indicators:manage' },
      schema: { tags, params: FormParamsSchema, body: SetAssignmentsSchema, response: { 200: AssignmentsSchema } },
    },
    (req) => reporting.setAssignments(req.ctx, req.params.formId, req.body.orgIds),
  );

  // ——— Inbox, entry and approval ———
  app.get(
    '/api/v1/reporting/inbox',
    { config: { permission: 'data:enter' }, schema: { tags, response: { 200: ReportingInboxSchema } } },
    (req) => reporting.inbox(req.ctx),
  );
  app.get(
    '/api/v1/reporting/approvals',
    { config: { permission: 'data:approve' }, schema: { tags, response: { 200: ApprovalQueueSchema } } },
    (req) => reporting.approvals(req.ctx),
  );
  const entry = '/api/v1/reporting/entries/:formId/:orgId/:period';
  app.get(
    entry,
    { config: { permission: 'data:enter' }, schema: { tags, params: EntryParamsSchema, response: { 200: EntrySchema } } },
    (req) => reporting.getEntry(req.ctx, req.params),
  );
  app.put(
    entry,
    {
      config: { permission: 'data:enter' },
      schema: { tags, params: EntryParamsSchema, body: SaveEntrySchema, response: { 200: EntrySchema } },
    },
    (req) => reporting.save(req.ctx, req.params, req.body),
  );
  app.post(
    `${entry}/submit`,
    {
      config: { permission: 'data:enter' },
      schema: { tags, params: EntryParamsSchema, body: TransitionSchema, response: { 200: EntrySchema } },
    },
    (req) => reporting.submit(req.ctx, req.params, req.body),
  );
  app.post(
    `${entry}/reopen`,
    {
      config: { permission: 'data:enter' },
      schema: { tags, params: EntryParamsSchema, body: TransitionSchema, response: { 200: EntrySchema } },
    },
    (req) => reporting.reopen(req.ctx, req.params, req.body),
  );
  app.post(
    `${entry}/approve`,
    {
      config: { permission: 'data:approve' },
      schema: { tags, params: EntryParamsSchema, body: TransitionSchema, response: { 200: EntrySchema } },
    },
    (req) => reporting.approve(req.ctx, req.params, req.body),
  );
  app.post(
    `${entry}/return`,
    {
      config: { permission: 'data:approve' },
      schema: { tags, params: EntryParamsSchema, body: ReturnEntrySchema, response: { 200: EntrySchema } },
    },
    (req) => reporting.returnEntry(req.ctx, req.params, req.body),
  );
  app.get(
    `${entry}/template`,
    { config: { permission: 'data:enter' }, schema: { tags, params: EntryParamsSchema } },
    async (req, reply) => {
      const file = await reporting.template(req.ctx, req.params);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.buffer);
    },
  );
  app.post(
    `${entry}/upload`,
    {
      config: { permission: 'data:enter' },
      schema: { tags, params: EntryParamsSchema, consumes: ['multipart/form-data'], response: { 200: EntrySchema } },
    },
    (req) => reporting.upload(req.ctx, req.params, () => singleFile(req)),
  );

  // ——— Figures for dashboards ———
  app.get(
    '/api/v1/reporting/completeness',
    {
      config: { permission: 'indicators:read' },
      schema: { tags, querystring: CompletenessQuerySchema, response: { 200: CompletenessSchema } },
    },
    (req) => reporting.completeness(req.ctx, req.query),
  );
  app.get(
    '/api/v1/reporting/sum',
    { config: { permission: 'indicators:read' }, schema: { tags, querystring: SumQuerySchema, response: { 200: ApprovedSumSchema } } },
    (req) => reporting.sumApproved(req.ctx, req.query),
  );
};
