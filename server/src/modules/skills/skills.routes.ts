import {
  ApplyCarrierSchema,
  CarrierDetailSchema,
  CarrierListQuerySchema,
  CarrierOverviewSchema,
  CarrierPageSchema,
  CarrierParamsSchema,
  DecideCarrierReviewSchema,
  FileCarrierReviewSchema,
  RecogniseCarrierSchema,
  RevokeCarrierSchema,
} from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as carriersService from './carriers.service.js';

export const skillsRoutes: FastifyPluginAsyncZod = async (app) => {
  // ——— Carriers ———
  const tags = ['carriers'];
  app.get(
    '/api/v1/carriers',
    { config: { permission: 'skills:read' }, schema: { tags, querystring: CarrierListQuerySchema, response: { 200: CarrierPageSchema } } },
    (req) => carriersService.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/carriers/overview',
    { config: { permission: 'skills:read' }, schema: { tags, response: { 200: CarrierOverviewSchema } } },
    (req) => carriersService.overview(req.ctx),
  );
  app.get(
    '/api/v1/carriers/:carrierId',
    { config: { permission: 'skills:read' }, schema: { tags, params: CarrierParamsSchema, response: { 200: CarrierDetailSchema } } },
    (req) => carriersService.get(req.ctx, req.params.carrierId),
  );
  app.post(
    '/api/v1/carriers',
    { config: { permission: 'carriers:apply' }, schema: { tags, body: ApplyCarrierSchema, response: { 201: CarrierDetailSchema } } },
    async (req, reply) => reply.status(201).send(await carriersService.apply(req.ctx, req.body)),
  );
  app.post(
    '/api/v1/carriers/:carrierId/recognition',
    {
      config: { permission: 'carriers:review' },
      schema: { tags, params: CarrierParamsSchema, body: RecogniseCarrierSchema, response: { 200: CarrierDetailSchema } },
    },
    (req) => carriersService.recognise(req.ctx, req.params.carrierId, req.body),
  );
  app.post(
    '/api/v1/carriers/:carrierId/reviews',
    {
      config: { permission: 'carriers:apply' },
      schema: { tags, params: CarrierParamsSchema, body: FileCarrierReviewSchema, response: { 200: CarrierDetailSchema } },
    },
    (req) => carriersService.fileReview(req.ctx, req.params.carrierId, req.body),
  );
  app.post(
    '/api/v1/carriers/:carrierId/reviews/decision',
    {
      config: { permission: 'carriers:review' },
      schema: { tags, params: CarrierParamsSchema, body: DecideCarrierReviewSchema, response: { 200: CarrierDetailSchema } },
    },
    (req) => carriersService.decideReview(req.ctx, req.params.carrierId, req.body),
  );
  app.post(
    '/api/v1/carriers/:carrierId/revoke',
    {
      config: { permission: 'carriers:review' },
      schema: { tags, params: CarrierParamsSchema, body: RevokeCarrierSchema, response: { 200: CarrierDetailSchema } },
    },
    (req) => carriersService.revoke(req.ctx, req.params.carrierId, req.body),
  );
};
