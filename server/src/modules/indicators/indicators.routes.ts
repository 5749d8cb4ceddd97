import {
  BulletinSchema,
  CreateIndicatorSchema,
  DashboardQuerySchema,
  DashboardSchema,
  IndicatorListSchema,
  IndicatorParamsSchema,
  IndicatorSchema,
  MapInfoSchema,
  MapQuerySchema,
  NewIndicatorVersionSchema,
  PeriodCodeSchema,
  SaveMapSchema,
  SaveTargetSchema,
  TargetParamsSchema,
} from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as bulletinService from './bulletin.service.js';
import * as indicatorsService from './indicators.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const disposition = (kind: 'inline' | 'attachment', fileName: string) => `${kind}; filename*=UTF-8''${encodeURIComponent(fileName)}`;

const FiguresQuerySchema = z.object({ orgId: z.uuid().optional(), period: PeriodCodeSchema });
const FiguresSchema = z.object({
  org: DashboardSchema.shape.org,
  period: z.string(),
  asOf: z.string(),
  computedAt: z.coerce.date(),
  cards: DashboardSchema.shape.cards,
});

export const indicatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['indicators'];
  app.get(
    '/api/v1/dashboard',
    { config: { permission: 'indicators:read' }, schema: { tags, querystring: DashboardQuerySchema, response: { 200: DashboardSchema } } },
    (req) => indicatorsService.dashboard(req.ctx, req.query),
  );
  app.get(
    '/api/v1/dashboard/figures',
    { config: { permission: 'indicators:read' }, schema: { tags, querystring: FiguresQuerySchema, response: { 200: FiguresSchema } } },
    (req) => indicatorsService.figures(req.ctx, req.query),
  );
  app.get(
    '/api/v1/dashboard/bulletin',
    { config: { permission: 'indicators:read' }, schema: { tags, querystring: DashboardQuerySchema, response: { 200: BulletinSchema } } },
    (req) => bulletinService.bulletin(req.ctx, req.query),
  );
  app.get(
    '/api/v1/dashboard/bulletin.pdf',
    { config: { permission: 'indicators:read' }, schema: { tags, querystring: DashboardQuerySchema } },
    async (req, reply) => {
      const pdf = await bulletinService.bulletinPdf(req.ctx, req.query);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', disposition('inline', '产改数据简报.pdf'))
        .send(pdf);
    },
  );
  app.get(
    '/api/v1/dashboard/bulletin.xlsx',
    { config: { permission: 'indicators:read' }, schema: { tags, querystring: DashboardQuerySchema } },
    async (req, reply) => {
      const xlsx = await bulletinService.bulletinXlsx(req.ctx, req.query);
      return reply.header('content-type', XLSX).header('content-disposition', disposition('attachment', '产改数据简报.xlsx')).send(xlsx);
    },
  );
  app.get(
    '/api/v1/dashboard/map',
    { config: { permission: 'indicators:read' }, schema: { tags, querystring: MapQuerySchema, response: { 200: MapInfoSchema } } },
    (req) => indicatorsService.getMap(req.ctx, req.query.orgId),
  );
  app.put(
    '/api/v1/dashboard/map',
    {
      config: { permission: 'indicators:manage' },
      bodyLimit: 20 * 1024 * 1024,
      schema: { tags, querystring: MapQuerySchema, body: SaveMapSchema, response: { 200: MapInfoSchema } },
    },
    (req) => indicatorsService.saveMap(req.ctx, req.query.orgId, req.body),
  );

  app.get(
    '/api/v1/indicators',
    { config: { permission: 'indicators:read' }, schema: { tags, response: { 200: IndicatorListSchema } } },
    (req) => indicatorsService.listIndicators(req.ctx),
  );
  app.post(
    '/api/v1/indicators',
    { config: { permission: 'indicators:manage' }, schema: { tags, body: CreateIndicatorSchema, response: { 201: IndicatorSchema } } },
    async (req, reply) => reply.status(201).send(await indicatorsService.createIndicator(req.ctx, req.body)),
  );
  app.post(
    '/api/v1/indicators/:code/versions',
    {
      config: { permission: 'indicators:manage' },
      schema: { tags, params: IndicatorParamsSchema, body: NewIndicatorVersionSchema, response: { 201: IndicatorSchema } },
    },
    async (req, reply) => reply.status(201).send(await indicatorsService.newVersion(req.ctx, req.params.code, req.body)),
  );
  app.put(
    '/api/v1/indicators/:code/targets/:year',
    {
      config: { permission: 'indicators:manage' },
      schema: { tags, params: TargetParamsSchema, body: SaveTargetSchema, response: { 200: IndicatorSchema } },
    },
    (req) => indicatorsService.saveTarget(req.ctx, req.params.code, req.params.year, req.body),
  );
};
