import {
  AssignmentParamsSchema,
  AssignNetworkRoleSchema,
  ContactParamsSchema,
  ContactSchema,
  EndNetworkRoleSchema,
  NetworkAssignmentSchema,
  NetworkQuerySchema,
  NetworkSchema,
  NetworkUnitDetailSchema,
  NetworkUnitParamsSchema,
  OkSchema,
  RevealedPhoneSchema,
  SaveContactSchema,
} from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as networkService from './network.service.js';

const tags = ['network'];

export const networkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/network',
    { config: { permission: 'network:read' }, schema: { tags, querystring: NetworkQuerySchema, response: { 200: NetworkSchema } } },
    (req) => networkService.current(req.ctx, req.query),
  );
  app.get(
    '/api/v1/network/units/:orgId',
    {
      config: { permission: 'network:read' },
      schema: { tags, params: NetworkUnitParamsSchema, response: { 200: NetworkUnitDetailSchema } },
    },
    (req) => networkService.unit(req.ctx, req.params.orgId),
  );
  app.post(
    '/api/v1/network/assignments',
    {
      config: { permission: 'network:manage' },
      schema: { tags, body: AssignNetworkRoleSchema, response: { 201: NetworkAssignmentSchema } },
    },
    async (req, reply) => reply.status(201).send(await networkService.assign(req.ctx, req.body)),
  );
  app.post(
    '/api/v1/network/assignments/:assignmentId/end',
    {
      config: { permission: 'network:manage' },
      schema: { tags, params: AssignmentParamsSchema, body: EndNetworkRoleSchema, response: { 200: NetworkAssignmentSchema } },
    },
    (req) => networkService.end(req.ctx, req.params.assignmentId, req.body),
  );
  app.post(
    '/api/v1/network/units/:orgId/contacts',
    {
      config: { permission: 'network:manage' },
      schema: { tags, params: NetworkUnitParamsSchema, body: SaveContactSchema, response: { 201: ContactSchema } },
    },
    async (req, reply) => reply.status(201).send(await networkService.addContact(req.ctx, req.params.orgId, req.body)),
  );
  app.put(
    '/api/v1/network/contacts/:contactId',
    {
      config: { permission: 'network:manage' },
      schema: { tags, params: ContactParamsSchema, body: SaveContactSchema, response: { 200: ContactSchema } },
    },
    (req) => networkService.updateContact(req.ctx, req.params.contactId, req.body),
  );
  app.delete(
    '/api/v1/network/contacts/:contactId',
    { config: { permission: 'network:manage' }, schema: { tags, params: ContactParamsSchema, response: { 200: OkSchema } } },
    async (req) => {
      await networkService.removeContact(req.ctx, req.params.contactId);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/network/contacts/:contactId/phone',
    {
      config: { permission: 'personal_data:unmask' },
      schema: { tags, params: ContactParamsSchema, response: { 200: RevealedPhoneSchema } },
    },
    (req) => networkService.revealPhone(req.ctx, req.params.contactId),
  );
};
