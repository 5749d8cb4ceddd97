import {
  AchievementDetailSchema,
  AchievementListQuerySchema,
  AchievementPageSchema,
  AchievementParamsSchema,
  AlignmentQuerySchema,
  AlignmentSchema,
  ApplyCarrierSchema,
  CarrierDetailSchema,
  CarrierListQuerySchema,
  CarrierOverviewSchema,
  CarrierPageSchema,
  CarrierParamsSchema,
  DecideCarrierReviewSchema,
  DemandListSchema,
  EnrollmentParamsSchema,
  EnrollmentSchema,
  EnrollWorkersSchema,
  EvaluateAchievementSchema,
  FileCarrierReviewSchema,
  JobSchema,
  ProgramDetailSchema,
  ProgramListQuerySchema,
  ProgramPageSchema,
  ProgramParamsSchema,
  RankingQuerySchema,
  RankingSchema,
  RecogniseCarrierSchema,
  RecordOutcomeSchema,
  RevokeCarrierSchema,
  SaveDemandSchema,
  SaveProgramSchema,
  SubmitAchievementSchema,
  WorkerSkillsParamsSchema,
  WorkerSkillsSchema,
} from '@changai/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { singleFile } from '../../platform/http/multipart.js';
import * as alignmentService from './alignment.service.js';
import * as carriersService from './carriers.service.js';
import * as innovationService from './innovation.service.js';
import * as trainingService from './training.service.js';
import * as trainingImport from './training-import.service.js';
import * as workerSkillsService from './worker-skills.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

  // ——— Training programs ———
  const training = ['training'];
  app.get(
    '/api/v1/training/programs',
    {
      config: { permission: 'skills:read' },
      schema: { tags: training, querystring: ProgramListQuerySchema, response: { 200: ProgramPageSchema } },
    },
    (req) => trainingService.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/training/programs/:programId',
    {
      config: { permission: 'skills:read' },
      schema: { tags: training, params: ProgramParamsSchema, response: { 200: ProgramDetailSchema } },
    },
    (req) => trainingService.get(req.ctx, req.params.programId),
  );
  app.post(
    '/api/v1/training/programs',
    {
      config: { permission: 'training:manage' },
      schema: { tags: training, body: SaveProgramSchema, response: { 201: ProgramDetailSchema } },
    },
    async (req, reply) => reply.status(201).send(await trainingService.create(req.ctx, req.body)),
  );
  app.put(
    '/api/v1/training/programs/:programId',
    {
      config: { permission: 'training:manage' },
      schema: { tags: training, params: ProgramParamsSchema, body: SaveProgramSchema, response: { 200: ProgramDetailSchema } },
    },
    (req) => trainingService.update(req.ctx, req.params.programId, req.body),
  );
  app.post(
    '/api/v1/training/programs/:programId/close',
    {
      config: { permission: 'training:manage' },
      schema: { tags: training, params: ProgramParamsSchema, response: { 200: ProgramDetailSchema } },
    },
    (req) => trainingService.close(req.ctx, req.params.programId),
  );
  app.get(
    '/api/v1/training/import-template',
    { config: { permission: 'training:manage' }, schema: { tags: training } },
    async (_req, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('培训学员导入模板.xlsx')}`)
        .send(await trainingImport.template()),
  );
  app.post(
    '/api/v1/training/programs/:programId/enrollments',
    {
      config: { permission: 'training:manage' },
      schema: { tags: training, params: ProgramParamsSchema, body: EnrollWorkersSchema, response: { 200: ProgramDetailSchema } },
    },
    (req) => trainingService.enroll(req.ctx, req.params.programId, req.body),
  );
  app.post(
    '/api/v1/training/programs/:programId/import',
    {
      config: { permission: 'training:manage' },
      schema: { tags: training, params: ProgramParamsSchema, consumes: ['multipart/form-data'], response: { 202: JobSchema } },
    },
    async (req, reply) => reply.status(202).send(await trainingImport.start(req.ctx, req.params.programId, () => singleFile(req))),
  );
  app.post(
    '/api/v1/training/enrollments/:enrollmentId/outcome',
    {
      config: { permission: 'training:manage' },
      schema: { tags: training, params: EnrollmentParamsSchema, body: RecordOutcomeSchema, response: { 200: EnrollmentSchema } },
    },
    (req) => trainingService.recordOutcome(req.ctx, req.params.enrollmentId, req.body),
  );

  // ——— Innovation achievements ———
  const innovation = ['innovation'];
  app.get(
    '/api/v1/innovation/achievements',
    {
      config: { permission: 'skills:read' },
      schema: { tags: innovation, querystring: AchievementListQuerySchema, response: { 200: AchievementPageSchema } },
    },
    (req) => innovationService.list(req.ctx, req.query),
  );
  app.get(
    '/api/v1/innovation/rankings',
    {
      config: { permission: 'skills:read' },
      schema: { tags: innovation, querystring: RankingQuerySchema, response: { 200: RankingSchema } },
    },
    (req) => innovationService.rankings(req.ctx, req.query),
  );
  app.get(
    '/api/v1/innovation/achievements/:achievementId',
    {
      config: { permission: 'skills:read' },
      schema: { tags: innovation, params: AchievementParamsSchema, response: { 200: AchievementDetailSchema } },
    },
    (req) => innovationService.get(req.ctx, req.params.achievementId),
  );
  app.post(
    '/api/v1/innovation/achievements',
    {
      config: { permission: 'innovation:submit' },
      schema: { tags: innovation, body: SubmitAchievementSchema, response: { 201: AchievementDetailSchema } },
    },
    async (req, reply) => reply.status(201).send(await innovationService.submit(req.ctx, req.body)),
  );
  app.post(
    '/api/v1/innovation/achievements/:achievementId/evaluation',
    {
      config: { permission: 'innovation:evaluate' },
      schema: {
        tags: innovation,
        params: AchievementParamsSchema,
        body: EvaluateAchievementSchema,
        response: { 200: AchievementDetailSchema },
      },
    },
    (req) => innovationService.evaluate(req.ctx, req.params.achievementId, req.body),
  );

  // ——— A worker's record, authorised like the profile ———
  app.get(
    '/api/v1/workers/:workerId/skills',
    {
      config: { permission: 'workers:read' },
      schema: { tags: training, params: WorkerSkillsParamsSchema, response: { 200: WorkerSkillsSchema } },
    },
    (req) => workerSkillsService.ofWorker(req.ctx, req.params.workerId),
  );

  // ——— Industry alignment ———
  const industry = ['industry alignment'];
  app.get(
    '/api/v1/skills/demands',
    { config: { permission: 'skills:read' }, schema: { tags: industry, response: { 200: DemandListSchema } } },
    (req) => alignmentService.listDemands(req.ctx),
  );
  app.post(
    '/api/v1/skills/demands',
    { config: { permission: 'demand:manage' }, schema: { tags: industry, body: SaveDemandSchema, response: { 200: DemandListSchema } } },
    (req) => alignmentService.saveDemand(req.ctx, req.body),
  );
  app.get(
    '/api/v1/skills/alignment',
    {
      config: { permission: 'skills:read' },
      schema: { tags: industry, querystring: AlignmentQuerySchema, response: { 200: AlignmentSchema } },
    },
    (req) => alignmentService.view(req.ctx, req.query),
  );
};
