import {
  CreateOrgSchema,
  EnterpriseProfileSchema,
  MoveOrgSchema,
  OkSchema,
  OrgDetailSchema,
  OrgHistorySchema,
  OrgListQuerySchema,
  OrgListSchema,
  OrgParamsSchema,
  OrgSchema,
  SaveEnterpriseProfileSchema,
  UpdateOrgSchema,
} from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as orgService from './org.service.js';

const tags = ['orgs'];

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/orgs',
    { config: { permission: 'org:read' }, schema: { tags, querystring: OrgListQuerySchema, response: { 200: OrgListSchema } } },
    async (req) => ({ items: await orgService.list(req.ctx, req.query) }),
  );
  app.get(
    '/api/v1/orgs/:orgId',
    { config: { permission: 'org:read' }, schema: { tags, params: OrgParamsSchema, response: { 200: OrgDetailSchema } } },
    (req) => orgService.get(req.ctx, req.params.orgId),
  );
  app.get(
    '/api/v1/orgs/:orgId/history',
    { config: { permission: 'org:read' }, schema: { tags, params: OrgParamsSchema, response: { 200: OrgHistorySchema } } },
    async (req) => ({ items: await orgService.history(req.ctx, req.params.orgId) }),
  );
  app.post(
    '/api/v1/orgs',
    { config: { permission: 'org:manage' }, schema: { tags, body: CreateOrgSchema, response: { 201: OrgSchema } } },
    async (req, reply) => reply.status(201).send(await orgService.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/orgs/:orgId',
    {
      config: { permission: 'org:manage' },
      schema: { tags, params: OrgParamsSchema, body: UpdateOrgSchema, response: { 200: OrgSchema } },
    },
    (req) => orgService.update(req.ctx, req.params.orgId, req.body),
  );
  app.post(
    '/api/v1/orgs/:orgId/move',
    { config: { permission: 'org:manage' }, schema: { tags, params: OrgParamsSchema, body: MoveOrgSchema, response: { 200: OrgSchema } } },
    (req) => orgService.move(req.ctx, req.params.orgId, req.body),
  );
  app.post(
    '/api/v1/orgs/:orgId/deactivate',
    { config: { permission: 'org:manage' }, schema: { tags, params: OrgParamsSchema, response: { 200: OrgSchema } } },
    (req) => orgService.setActive(req.ctx, req.params.orgId, false),
  );
  app.post(
    '/api/v1/orgs/:orgId/reactivate',
    { config: { permission: 'org:manage' }, schema: { tags, params: OrgParamsSchema, response: { 200: OrgSchema } } },
    (req) => orgService.setActive(req.ctx, req.params.orgId, true),
  );
  app.get(
    '/api/v1/orgs/:orgId/enterprise',
    {
      config: { permission: 'org:read' },
      schema: { tags, params: OrgParamsSchema, response: { 200: EnterpriseProfileSchema.nullable() } },
    },
    (req) => orgService.enterpriseProfile(req.ctx, req.params.orgId),
  );
  app.put(
    '/api/v1/orgs/:orgId/enterprise',
    {
      config: { permission: 'org:manage' },
      schema: { tags, params: OrgParamsSchema, body: SaveEnterpriseProfileSchema, response: { 200: EnterpriseProfileSchema } },
    },
    (req) => orgService.saveEnterpriseProfile(req.ctx, req.params.orgId, req.body),
  );
  app.delete(
    '/api/v1/orgs/:orgId',
    { config: { permission: 'org:manage' }, schema: { tags, params: OrgParamsSchema, response: { 200: OkSchema } } },
    async (req) => {
      await orgService.remove(req.ctx, req.params.orgId);
      return { ok: true as const };
    },
  );
};
