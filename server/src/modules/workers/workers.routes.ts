import {
  CreateWorkerSchema,
  CredentialParamsSchema,
  CredentialSchema,
  GrantCredentialSchema,
  RevokeCredentialSchema,
  UpdateWorkerSchema,
  WorkerDetailSchema,
  WorkerIdentitySchema,
  WorkerListQuerySchema,
  WorkerPageSchema,
  WorkerParamsSchema,
} from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as workersService from './workers.service.js';

const tags = ['workers'];

export const workersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/workers',
    { config: { permission: 'workers:read' }, schema: { tags, querystring: WorkerListQuerySchema, response: { 200: WorkerPageSchema } } },
    (req) => workersService.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/workers/export',
    { config: { permission: 'workers:export' }, schema: { tags, querystring: WorkerListQuerySchema.omit({ cursor: true, limit: true }) } },
    async (req, reply) => {
      const stream = await workersService.exportXlsx(req.ctx, req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('职工名册.xlsx')}`)
        .send(stream);
    },
  );
  app.get(
    '/api/v1/workers/:workerId',
    { config: { permission: 'workers:read' }, schema: { tags, params: WorkerParamsSchema, response: { 200: WorkerDetailSchema } } },
    (req) => workersService.get(req.ctx, req.params.workerId),
  );
  app.get(
    '/api/v1/workers/:workerId/identity',
    {
      config: { permission: 'personal_data:unmask' },
      schema: { tags, params: WorkerParamsSchema, response: { 200: WorkerIdentitySchema } },
    },
    (req) => workersService.revealIdentity(req.ctx, req.params.workerId),
  );
  app.post(
    '/api/v1/workers',
    { config: { permission: 'workers:manage' }, schema: { tags, body: CreateWorkerSchema, response: { 201: WorkerDetailSchema } } },
    async (req, reply) => reply.status(201).send(await workersService.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/workers/:workerId',
    {
      config: { permission: 'workers:manage' },
      schema: { tags, params: WorkerParamsSchema, body: UpdateWorkerSchema, response: { 200: WorkerDetailSchema } },
    },
    (req) => workersService.update(req.ctx, req.params.workerId, req.body),
  );
  app.post(
    '/api/v1/workers/:workerId/credentials',
    {
      config: { permission: 'workers:manage' },
      schema: { tags, params: WorkerParamsSchema, body: GrantCredentialSchema, response: { 201: CredentialSchema } },
    },
    async (req, reply) => reply.status(201).send(await workersService.grantCredential(req.ctx, req.params.workerId, req.body)),
  );
  app.post(
    '/api/v1/credentials/:credentialId/revoke',
    {
      config: { permission: 'workers:manage' },
      schema: { tags, params: CredentialParamsSchema, body: RevokeCredentialSchema, response: { 200: CredentialSchema } },
    },
    (req) => workersService.revokeCredential(req.ctx, req.params.credentialId, req.body),
  );
};
