import {
  ApplicationDecisionSchema,
  ApplicationListQuerySchema,
  ApplicationPageSchema,
  ApplicationParamsSchema,
  ApplicationSchema,
  CertificateSchema,
  CreateApplicationSchema,
  EligibilityQuerySchema,
  EligibilityTableSchema,
  EvaluationQuerySchema,
  PublicKeysSchema,
  RuleSetParamsSchema,
  RuleSetTextSchema,
  RuleSetVersionListSchema,
  RuleSetVersionSchema,
  RuleValidationSchema,
  SaveRuleSetSchema,
  StatusListParamsSchema,
  UnitReviewSchema,
  VerifiableCredentialSchema,
  VerificationSchema,
  VerifyParamsSchema,
  WhatIfResultSchema,
  WhatIfSchema,
  WorkerEvaluationSchema,
  WorkerParamsSchema,
} from '@changai/contracts';
import { provinceDate } from '@changai/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localeOf, translateIssue } from '../../platform/http/error-handler.js';
import { hasMessage, translate } from '../../platform/http/messages.js';
import * as applications from './applications.service.js';
import * as certificates from './certificates.service.js';
import * as conversion from './conversion.service.js';

const tags = ['conversion'];
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
const meta = (req: FastifyRequest) => ({ ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });

export const conversionRoutes: FastifyPluginAsyncZod = async (app) => {
  // ——— rule sets ———
  app.get(
    '/api/v1/conversion/rule-sets',
    { config: { permission: 'rules:read' }, schema: { tags, response: { 200: RuleSetVersionListSchema } } },
    (req) => conversion.listRuleSets(req.ctx),
  );
  app.get(
    '/api/v1/conversion/rule-sets/current',
    { config: { permission: 'rules:read' }, schema: { tags, querystring: EvaluationQuerySchema, response: { 200: RuleSetVersionSchema } } },
    async (req) =>
      conversion.getRuleSet(req.ctx, (await conversion.currentRuleSet(req.ctx, req.query.asOf ?? provinceDate(req.ctx.now()))).ref.id),
  );
  app.get(
    '/api/v1/conversion/rule-sets/:ruleSetId',
    { config: { permission: 'rules:read' }, schema: { tags, params: RuleSetParamsSchema, response: { 200: RuleSetVersionSchema } } },
    (req) => conversion.getRuleSet(req.ctx, req.params.ruleSetId),
  );
  app.get(
    '/api/v1/conversion/rule-sets/:ruleSetId/text',
    {
      config: { permission: 'rules:read' },
      schema: {
        tags,
        params: RuleSetParamsSchema,
        querystring: z.object({ format: z.enum(['json', 'yaml']).default('json') }),
        response: { 200: RuleSetTextSchema },
      },
    },
    (req) => conversion.ruleSetText(req.ctx, req.params.ruleSetId, req.query.format),
  );
  app.post(
    '/api/v1/conversion/rule-sets/validate',
    { config: { permission: 'rules:manage' }, schema: { tags, body: RuleSetTextSchema, response: { 200: RuleValidationSchema } } },
    (req) => {
      const locale = localeOf(req);
      const result = conversion.validateText(req.body.text);
      return {
        ok: result.ok,
        problems: result.problems.map(({ issue, ...p }) => ({
          ...p,
          message:
            issue && !hasMessage(issue.message)
              ? translateIssue(issue, locale)
              : hasMessage(p.message)
                ? translate(p.message, locale)
                : p.message,
        })),
      };
    },
  );
  app.post(
    '/api/v1/conversion/rule-sets',
    { config: { permission: 'rules:manage' }, schema: { tags, body: SaveRuleSetSchema, response: { 201: RuleSetVersionSchema } } },
    async (req, reply) => reply.status(201).send(await conversion.saveRuleSet(req.ctx, req.body)),
  );

  // ——— evaluation and analysis ———
  app.get(
    '/api/v1/conversion/workers/:workerId/evaluation',
    {
      config: { permission: 'conversion:read' },
      schema: { tags, params: WorkerParamsSchema, querystring: EvaluationQuerySchema, response: { 200: WorkerEvaluationSchema } },
    },
    (req) => conversion.evaluate(req.ctx, req.params.workerId, req.query.asOf),
  );
  app.get(
    '/api/v1/conversion/eligibility',
    {
      config: { permission: 'conversion:analyze' },
      schema: { tags, querystring: EligibilityQuerySchema, response: { 200: EligibilityTableSchema } },
    },
    (req) => conversion.eligibility(req.ctx, req.query),
  );
  app.post(
    '/api/v1/conversion/what-if',
    { config: { permission: 'conversion:analyze' }, schema: { tags, body: WhatIfSchema, response: { 200: WhatIfResultSchema } } },
    (req) => conversion.whatIf(req.ctx, req.body),
  );

  // ——— applications ———
  app.get(
    '/api/v1/conversion/applications',
    {
      config: { permission: 'conversion:read' },
      schema: { tags, querystring: ApplicationListQuerySchema, response: { 200: ApplicationPageSchema } },
    },
    (req) => applications.list(req.ctx, req.query),
  );
  app.post(
    '/api/v1/conversion/applications',
    {
      config: { permission: 'applications:submit' },
      schema: { tags, body: CreateApplicationSchema, response: { 201: ApplicationSchema } },
    },
    async (req, reply) => reply.status(201).send(await applications.submit(req.ctx, req.body)),
  );
  app.get(
    '/api/v1/conversion/applications/:applicationId',
    { config: { permission: 'conversion:read' }, schema: { tags, params: ApplicationParamsSchema, response: { 200: ApplicationSchema } } },
    (req) => applications.get(req.ctx, req.params.applicationId),
  );
  app.post(
    '/api/v1/conversion/applications/:applicationId/review',
    {
      config: { permission: 'applications:review' },
      schema: { tags, params: ApplicationParamsSchema, body: UnitReviewSchema, response: { 200: ApplicationSchema } },
    },
    (req) => applications.review(req.ctx, req.params.applicationId, req.body),
  );
  app.post(
    '/api/v1/conversion/applications/:applicationId/decision',
    {
      config: { permission: 'applications:decide' },
      schema: { tags, params: ApplicationParamsSchema, body: ApplicationDecisionSchema, response: { 200: ApplicationSchema } },
    },
    (req) => applications.decide(req.ctx, req.params.applicationId, req.body),
  );
  app.post(
    '/api/v1/conversion/applications/:applicationId/withdraw',
    {
      config: { permission: 'applications:submit' },
      schema: { tags, params: ApplicationParamsSchema, response: { 200: ApplicationSchema } },
    },
    (req) => applications.withdraw(req.ctx, req.params.applicationId),
  );
  app.get(
    '/api/v1/conversion/applications/:applicationId/certificate',
    { config: { permission: 'conversion:read' }, schema: { tags, params: ApplicationParamsSchema, response: { 200: CertificateSchema } } },
    (req) => certificates.certificate(req.ctx, req.params.applicationId, origin(req)),
  );
  app.get(
    '/api/v1/conversion/applications/:applicationId/certificate.pdf',
    { config: { permission: 'conversion:read' }, schema: { tags, params: ApplicationParamsSchema } },
    async (req, reply) => {
      const pdf = await certificates.certificatePdf(req.ctx, req.params.applicationId, origin(req));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent('贯通证书.pdf')}`)
        .send(pdf);
    },
  );

  // ——— public verification (no sign-in) ———
  const publicLimited = { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } };
  app.get('/api/v1/verify/keys', { config: { public: true }, schema: { tags, response: { 200: PublicKeysSchema } } }, (req) =>
    certificates.publicKeys(req.ctx),
  );
  app.get(
    '/api/v1/verify/status-lists/:list',
    { config: publicLimited, schema: { tags, params: StatusListParamsSchema, response: { 200: VerifiableCredentialSchema } } },
    async (req, reply) =>
      reply
        .header('content-type', 'application/vc+ld+json; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(await certificates.statusList(req.ctx, req.params.list, origin(req))),
  );
  app.get(
    '/api/v1/verify/:code',
    { config: publicLimited, schema: { tags, params: VerifyParamsSchema, response: { 200: VerificationSchema } } },
    (req) => certificates.verify(req.ctx, req.params.code, meta(req)),
  );
  app.get(
    '/api/v1/verify/:code/credential',
    { config: publicLimited, schema: { tags, params: VerifyParamsSchema, response: { 200: VerifiableCredentialSchema } } },
    async (req, reply) =>
      reply
        .header('content-type', 'application/vc+ld+json; charset=utf-8')
        .send(await certificates.verifiableCredential(req.ctx, req.params.code, origin(req), meta(req))),
  );
};
