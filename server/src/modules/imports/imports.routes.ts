import { ImportPreviewSchema, JobParamsSchema, JobSchema, StartImportSchema, UploadParamsSchema } from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { localeOf } from '../../platform/http/error-handler.js';
import { singleFile } from '../../platform/http/multipart.js';
import * as importsService from './imports.service.js';

const tags = ['imports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `filename*` so Chinese file names survive every browser. */
const attachment = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/imports/workers',
    {
      config: { permission: 'workers:import' },
      schema: { tags, consumes: ['multipart/form-data'], response: { 201: ImportPreviewSchema } },
    },
    async (req, reply) => {
      const preview = await importsService.upload(req.ctx, await singleFile(req));
      return reply.status(201).send(preview);
    },
  );
  app.get('/api/v1/imports/workers/template', { config: { permission: 'workers:import' }, schema: { tags } }, async (_req, reply) =>
    reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment('职工信息导入模板.xlsx'))
      .send(await importsService.template()),
  );
  app.get(
    '/api/v1/imports/uploads/:uploadId',
    { config: { permission: 'workers:import' }, schema: { tags, params: UploadParamsSchema, response: { 200: ImportPreviewSchema } } },
    (req) => importsService.preview(req.ctx, req.params.uploadId),
  );
  app.post(
    '/api/v1/imports/uploads/:uploadId/start',
    {
      config: { permission: 'workers:import' },
      schema: { tags, params: UploadParamsSchema, body: StartImportSchema, response: { 202: JobSchema } },
    },
    async (req, reply) => reply.status(202).send(await importsService.start(req.ctx, req.params.uploadId, req.body.mapping)),
  );
  app.get(
    '/api/v1/jobs/:jobId',
    { config: { permission: 'jobs:read' }, schema: { tags, params: JobParamsSchema, response: { 200: JobSchema } } },
    (req) => importsService.job(req.ctx, req.params.jobId, localeOf(req)),
  );
  app.get(
    '/api/v1/uploads/:uploadId/content',
    { config: { permission: 'workers:import' }, schema: { tags, params: UploadParamsSchema } },
    async (req, reply) => {
      const file = await importsService.download(req.ctx, req.params.uploadId);
      return reply
        .header('content-type', file.contentType ?? 'application/octet-stream')
        .header('content-disposition', attachment(file.fileName))
        .send(file.stream);
    },
  );
};
