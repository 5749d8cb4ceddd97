import {
  CreateUserSchema,
  ResetPasswordSchema,
  RoleCatalogSchema,
  UpdateUserSchema,
  UserListQuerySchema,
  UserPageSchema,
  UserParamsSchema,
  UserSchema,
} from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as usersService from './users.service.js';

const tags = ['users'];

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/users',
    { config: { permission: 'users:read' }, schema: { tags, querystring: UserListQuerySchema, response: { 200: UserPageSchema } } },
    (req) => usersService.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/users/:userId',
    { config: { permission: 'users:read' }, schema: { tags, params: UserParamsSchema, response: { 200: UserSchema } } },
    (req) => usersService.get(req.ctx, req.params.userId),
  );
  app.post(
    '/api/v1/users',
    { config: { permission: 'users:manage' }, schema: { tags, body: CreateUserSchema, response: { 201: UserSchema } } },
    async (req, reply) => reply.status(201).send(await usersService.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/users/:userId',
    {
      config: { permission: 'users:manage' },
      schema: { tags, params: UserParamsSchema, body: UpdateUserSchema, response: { 200: UserSchema } },
    },
    (req) => usersService.update(req.ctx, req.params.userId, req.body),
  );
  app.post(
    '/api/v1/users/:userId/reset-password',
    {
      config: { permission: 'users:manage' },
      schema: { tags, params: UserParamsSchema, body: ResetPasswordSchema, response: { 200: UserSchema } },
    },
    (req) => usersService.resetPassword(req.ctx, req.params.userId, req.body.password),
  );
  app.get('/api/v1/roles', { config: { permission: 'users:read' }, schema: { tags, response: { 200: RoleCatalogSchema } } }, (req) =>
    usersService.roleCatalog(req.ctx),
  );
};
