import { HealthSchema } from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.js';
import * as healthService from './health.service.js';

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database; version: string }> = async (app, opts) => {
  app.get('/api/health', { config: { public: true }, schema: { tags: ['health'], response: { 200: HealthSchema } } }, () =>
    healthService.check(opts.database, opts.version),
  );
};
