import { AuditPageSchema, AuditQuerySchema } from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as auditService from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit:read' },
      schema: { tags: ['audit'], querystring: AuditQuerySchema, response: { 200: AuditPageSchema } },
    },
    (req) => auditService.list(req.ctx, req.query),
  );
};
