import { HealthSchema } from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HealthSource } from './health.service.js';
import * as healthService from './health.service.js';

export const healthRoutes: FastifyPluginAsyncZod<{ database: HealthSource; version: string }> = async (app, opts) => {
  app.get('/api/health', { config: { public: true }, schema: { tags: ['health'], response: { 200: HealthSchema } } }, () =>
    healthService.check(opts.database, opts.version),
  );
};
