import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema } from './common.js';
import { OrgRefSchema } from './org.contract.js';
import { IndustryDivisionSchema, OccupationCodeSchema } from './workers.contract.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};
/** Yuan, whole: benefits are reported to the yuan. */
const YuanSchema = z.number().int().min(0).max(1e13);

// ——— Carriers (技能形成载体) ———

/** 高技能人才培训基地, 技能大师工作室, 职工培训基地, 劳模/工匠/职工创新工作室. */
export const CARRIER_KINDS = ['training_base', 'master_studio', 'worker_training_base', 'innovation_studio'] as const;
export const CarrierKindSchema = z.enum(CARRIER_KINDS);
export type CarrierKind = z.infer<typeof CarrierKindSchema>;

export const CARRIER_LEVELS = ['national', 'provincial', 'city', 'county', 'enterprise'] as const;
export const CarrierLevelSchema = z.enum(CARRIER_LEVELS);
export type CarrierLevel = z.infer<typeof CarrierLevelSchema>;

/** The levels each kind is recognised at (the migration's carriers_level_ck says the same). */
export const CARRIER_KIND_LEVELS: Record<CarrierKind, readonly CarrierLevel[]> = {
  training_base: ['national', 'provincial'],
  master_studio: ['national', 'provincial', 'city'],
  worker_training_base: ['provincial', 'city', 'county', 'enterprise'],
  innovation_studio: ['national', 'provincial', 'city', 'enterprise'],
};

export const STUDIO_TYPES = ['model_worker', 'craftsman', 'worker'] as const;
export const StudioTypeSchema = z.enum(STUDIO_TYPES);

/** applied → recognised (or rejected) → review_passed / review_failed (yearly) → revoked. */
export const CARRIER_STATUSES = ['applied', 'rejected', 'recognised', 'review_passed', 'review_failed', 'revoked'] as const;
export const CarrierStatusSchema = z.enum(CARRIER_STATUSES);
export type CarrierStatus = z.infer<typeof CarrierStatusSchema>;

export const CarrierRefSchema = z.object({ id: IdSchema, name: z.string(), kind: CarrierKindSchema, level: CarrierLevelSchema });
export type CarrierRef = z.infer<typeof CarrierRefSchema>;

const WorkerRefSchema = z.object({ id: IdSchema, name: z.string(), orgName: z.string() });
export type SkillsWorkerRef = z.infer<typeof WorkerRefSchema>;

export const CarrierSummarySchema = z.object({
  id: IdSchema,
  kind: CarrierKindSchema,
  level: CarrierLevelSchema,
  studioType: StudioTypeSchema.nullable(),
  name: z.string(),
  host: OrgRefSchema,
  regionCode: z.string(),
  leaderName: z.string().nullable(),
  industryDivisions: z.array(z.string()),
  occupationCodes: z.array(z.string()),
  status: CarrierStatusSchema,
  appliedOn: IsoDateSchema,
  recognisedOn: IsoDateSchema.nullable(),
  documentNumber: z.string().nullable(),
  nextReviewDue: IsoDateSchema.nullable(),
  /** Set by the sweep once the annual review is past due and not yet filed and decided. */
  reviewOverdueSince: IsoDateSchema.nullable(),
});
export type CarrierSummary = z.infer<typeof CarrierSummarySchema>;

export const CarrierReviewSchema = z.object({
  id: IdSchema,
  year: z.number().int(),
  peopleTrained: z.number().int(),
  certificatesGained: z.number().int(),
  innovations: z.number().int(),
  benefitYuan: z.number(),
  summary: z.string().nullable(),
  result: z.enum(['passed', 'failed']).nullable(),
  comment: z.string().nullable(),
  filedAt: InstantSchema,
  decidedAt: InstantSchema.nullable(),
});
export type CarrierReview = z.infer<typeof CarrierReviewSchema>;

export const CarrierDetailSchema = CarrierSummarySchema.extend({
  description: z.string().nullable(),
  leader: WorkerRefSchema.nullable(),
  members: z.array(WorkerRefSchema.extend({ role: z.enum(['leader', 'member']), joinedOn: IsoDateSchema })),
  reviews: z.array(CarrierReviewSchema),
  rejectionReason: z.string().nullable(),
  revokedOn: IsoDateSchema.nullable(),
  revokedReason: z.string().nullable(),
  programs: z.number().int(),
  achievements: z.number().int(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type CarrierDetail = z.infer<typeof CarrierDetailSchema>;

export const CarrierListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  kind: CarrierKindSchema.optional(),
  level: CarrierLevelSchema.optional(),
  status: CarrierStatusSchema.optional(),
  orgId: IdSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ...PageQuery,
});
export type CarrierListQuery = z.infer<typeof CarrierListQuerySchema>;
export const CarrierPageSchema = z.object({ items: z.array(CarrierSummarySchema), total: z.number().int() });
export type CarrierPage = z.infer<typeof CarrierPageSchema>;

export const ApplyCarrierSchema = z
  .object({
    kind: CarrierKindSchema,
    level: CarrierLevelSchema,
    studioType: StudioTypeSchema.nullable().optional(),
    name: text(200),
    hostOrgId: IdSchema,
    leaderWorkerId: IdSchema.nullable().optional(),
    leaderName: optionalText(50),
    memberWorkerIds: z.array(IdSchema).max(200).default([]),
    industryDivisions: z.array(IndustryDivisionSchema).max(20).default([]),
    occupationCodes: z.array(OccupationCodeSchema).max(50).default([]),
    description: optionalText(4000),
  })
  .refine((v) => CARRIER_KIND_LEVELS[v.kind].includes(v.level), { message: 'carrier_level_for_kind', path: ['level'] })
  .refine((v) => (v.kind === 'innovation_studio') === Boolean(v.studioType), { message: 'carrier_studio_type', path: ['studioType'] });
export type ApplyCarrier = z.infer<typeof ApplyCarrierSchema>;

export const CarrierParamsSchema = z.object({ carrierId: IdSchema });

/** The office's decision on an application: recognise with a document number, or reject. */
export const RecogniseCarrierSchema = z.discriminatedUnion('approve', [
  z.object({ approve: z.literal(true), documentNumber: text(100), recognisedOn: IsoDateSchema }),
  z.object({ approve: z.literal(false), reason: text(1000) }),
]);
export type RecogniseCarrier = z.infer<typeof RecogniseCarrierSchema>;

export const FileCarrierReviewSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  peopleTrained: z.number().int().min(0).max(10_000_000),
  certificatesGained: z.number().int().min(0).max(10_000_000),
  innovations: z.number().int().min(0).max(1_000_000),
  benefitYuan: YuanSchema,
  summary: optionalText(4000),
});
export type FileCarrierReview = z.infer<typeof FileCarrierReviewSchema>;

export const DecideCarrierReviewSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  result: z.enum(['passed', 'failed']),
  comment: optionalText(1000),
});
export type DecideCarrierReview = z.infer<typeof DecideCarrierReviewSchema>;

export const RevokeCarrierSchema = z.object({ reason: text(1000), revokedOn: IsoDateSchema });
export type RevokeCarrier = z.infer<typeof RevokeCarrierSchema>;

export const CarrierOverviewSchema = z.object({
  /** Recognised and not revoked, per kind and level. */
  byKindLevel: z.array(z.object({ kind: CarrierKindSchema, level: CarrierLevelSchema, count: z.number().int() })),
  byStatus: z.array(z.object({ status: CarrierStatusSchema, count: z.number().int() })),
  byPrefecture: z.array(
    z.object({ regionCode: z.string(), regionName: z.string().nullable(), kind: CarrierKindSchema, count: z.number().int() }),
  ),
  byYear: z.array(z.object({ year: z.number().int(), kind: CarrierKindSchema, count: z.number().int() })),
  reviewsDueSoon: z.number().int(),
  reviewsOverdue: z.number().int(),
  pendingApplications: z.number().int(),
  outputs: z.array(
    z.object({
      year: z.number().int(),
      peopleTrained: z.number().int(),
      certificatesGained: z.number().int(),
      innovations: z.number().int(),
      benefitYuan: z.number(),
    }),
  ),
});
export type CarrierOverview = z.infer<typeof CarrierOverviewSchema>;

export const SweepReviewsResultSchema = z.object({ flagged: z.number().int(), cleared: z.number().int() });

// ——— Training (培训项目) ———

/** Levels a training program leads to (an assessment issues one of these). */
export const TRAINING_LEVELS = ['junior', 'intermediate', 'senior', 'technician', 'senior_technician'] as const;
export const TrainingLevelSchema = z.enum(TRAINING_LEVELS);
export type TrainingLevel = z.infer<typeof TrainingLevelSchema>;
export const TRAINING_MODES = ['online', 'onsite'] as const;
export const FUNDING_SOURCES = ['government', 'union', 'enterprise', 'self'] as const;

export const ProgramSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  occupationCode: z.string(),
  targetLevel: TrainingLevelSchema,
  provider: OrgRefSchema,
  carrier: CarrierRefSchema.nullable(),
  mode: z.enum(TRAINING_MODES),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  capacity: z.number().int(),
  funding: z.enum(FUNDING_SOURCES),
  isFree: z.boolean(),
  status: z.enum(['open', 'closed']),
  enrolled: z.number().int(),
  completed: z.number().int(),
  passed: z.number().int(),
});
export type ProgramSummary = z.infer<typeof ProgramSummarySchema>;

export const EnrollmentSchema = z.object({
  id: IdSchema,
  worker: WorkerRefSchema,
  status: z.enum(['enrolled', 'completed', 'withdrawn']),
  attendancePercent: z.number().int().nullable(),
  result: z.enum(['passed', 'failed']).nullable(),
  score: z.number().int().nullable(),
  assessedOn: IsoDateSchema.nullable(),
  certificateNumber: z.string().nullable(),
  credentialId: IdSchema.nullable(),
  source: z.enum(['manual', 'import', 'demo']),
});
export type Enrollment = z.infer<typeof EnrollmentSchema>;

export const ProgramDetailSchema = ProgramSummarySchema.extend({
  enrollments: z.array(EnrollmentSchema),
  createdAt: InstantSchema,
});
export type ProgramDetail = z.infer<typeof ProgramDetailSchema>;

export const ProgramListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  mode: z.enum(TRAINING_MODES).optional(),
  isFree: z.enum(['true', 'false']).optional(),
  carrierId: IdSchema.optional(),
  orgId: IdSchema.optional(),
  ...PageQuery,
});
export type ProgramListQuery = z.infer<typeof ProgramListQuerySchema>;
export const ProgramPageSchema = z.object({
  items: z.array(ProgramSummarySchema),
  total: z.number().int(),
  byMonth: z.array(z.object({ month: z.string(), programs: z.number().int(), places: z.number().int() })),
  totals: z.object({ places: z.number().int(), enrolled: z.number().int(), passed: z.number().int(), freeOnline: z.number().int() }),
});
export type ProgramPage = z.infer<typeof ProgramPageSchema>;

export const SaveProgramSchema = z
  .object({
    title: text(200),
    occupationCode: OccupationCodeSchema,
    targetLevel: TrainingLevelSchema,
    providerOrgId: IdSchema,
    carrierId: IdSchema.nullable().optional(),
    mode: z.enum(TRAINING_MODES),
    startsOn: IsoDateSchema,
    endsOn: IsoDateSchema,
    capacity: z.number().int().min(1).max(100_000),
    funding: z.enum(FUNDING_SOURCES),
    isFree: z.boolean().default(false),
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: 'date_range_order', path: ['endsOn'] });
export type SaveProgram = z.infer<typeof SaveProgramSchema>;

export const ProgramParamsSchema = z.object({ programId: IdSchema });
export const EnrollmentParamsSchema = z.object({ enrollmentId: IdSchema });

export const EnrollWorkersSchema = z.object({ workerIds: z.array(IdSchema).min(1).max(500) });
export type EnrollWorkers = z.infer<typeof EnrollWorkersSchema>;

/** Attendance and completion, then the assessment: a pass issues the credential. */
export const RecordOutcomeSchema = z
  .object({
    attendancePercent: z.number().int().min(0).max(100).nullable().optional(),
    completed: z.boolean().optional(),
    withdrawn: z.boolean().optional(),
    result: z.enum(['passed', 'failed']).nullable().optional(),
    score: z.number().int().min(0).max(100).nullable().optional(),
    assessedOn: IsoDateSchema.nullable().optional(),
    certificateNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{6,30}$/, { message: 'certificate_number_format' })
      .nullable()
      .optional(),
  })
  .refine((v) => !v.result || v.assessedOn, { message: 'assessed_on_required', path: ['assessedOn'] });
export type RecordOutcome = z.infer<typeof RecordOutcomeSchema>;

export const TrainingImportResultSchema = z.object({
  jobId: IdSchema,
});

// ——— Innovation (群众性技术创新) ———

/** 合理化建议, 技术革新, 发明/专利, 先进操作法. */
export const ACHIEVEMENT_KINDS = ['suggestion', 'innovation', 'invention', 'method'] as const;
export const AchievementKindSchema = z.enum(ACHIEVEMENT_KINDS);
export const ACHIEVEMENT_STATUSES = ['submitted', 'evaluated', 'adopted', 'rejected'] as const;
export const AchievementStatusSchema = z.enum(ACHIEVEMENT_STATUSES);

export const AchievementSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  kind: AchievementKindSchema,
  org: OrgRefSchema,
  industryDivision: z.string().nullable(),
  studio: CarrierRefSchema.nullable(),
  submittedOn: IsoDateSchema,
  status: AchievementStatusSchema,
  benefitYuan: z.number().nullable(),
  patentNumbers: z.array(z.string()),
  teamSize: z.number().int(),
});
export type AchievementSummary = z.infer<typeof AchievementSummarySchema>;

export const AchievementDetailSchema = AchievementSummarySchema.extend({
  startedOn: IsoDateSchema.nullable(),
  summary: z.string().nullable(),
  evaluation: z.string().nullable(),
  evaluatedOn: IsoDateSchema.nullable(),
  adoptedOn: IsoDateSchema.nullable(),
  team: z.array(WorkerRefSchema.extend({ isLead: z.boolean() })),
});
export type AchievementDetail = z.infer<typeof AchievementDetailSchema>;

export const AchievementListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  kind: AchievementKindSchema.optional(),
  status: AchievementStatusSchema.optional(),
  studioId: IdSchema.optional(),
  orgId: IdSchema.optional(),
  ...PageQuery,
});
export type AchievementListQuery = z.infer<typeof AchievementListQuerySchema>;
export const AchievementPageSchema = z.object({ items: z.array(AchievementSummarySchema), total: z.number().int() });
export type AchievementPage = z.infer<typeof AchievementPageSchema>;

export const SubmitAchievementSchema = z.object({
  title: text(200),
  kind: AchievementKindSchema,
  orgId: IdSchema,
  studioId: IdSchema.nullable().optional(),
  startedOn: IsoDateSchema.nullable().optional(),
  submittedOn: IsoDateSchema,
  teamWorkerIds: z.array(IdSchema).min(1).max(50),
  patentNumbers: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z.]{6,20}$/, { message: 'patent_number_format' }),
    )
    .max(20)
    .default([]),
  summary: optionalText(4000),
});
export type SubmitAchievement = z.infer<typeof SubmitAchievementSchema>;

export const AchievementParamsSchema = z.object({ achievementId: IdSchema });

/** submitted → evaluated (with the assessed benefit) → adopted; or rejected at evaluation. */
export const EvaluateAchievementSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('evaluate'), benefitYuan: YuanSchema, evaluation: text(2000), evaluatedOn: IsoDateSchema }),
  z.object({ decision: z.literal('reject'), evaluation: text(2000), evaluatedOn: IsoDateSchema }),
  z.object({ decision: z.literal('adopt'), adoptedOn: IsoDateSchema }),
]);
export type EvaluateAchievement = z.infer<typeof EvaluateAchievementSchema>;

export const RankingQuerySchema = z.object({
  by: z.enum(['org', 'industry']).default('org'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type RankingQuery = z.infer<typeof RankingQuerySchema>;
export const RankingSchema = z.object({
  by: z.enum(['org', 'industry']),
  rows: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      achievements: z.number().int(),
      adopted: z.number().int(),
      patents: z.number().int(),
      benefitYuan: z.number(),
    }),
  ),
  byKind: z.array(z.object({ kind: AchievementKindSchema, status: AchievementStatusSchema, count: z.number().int() })),
});
export type Ranking = z.infer<typeof RankingSchema>;

// ——— Industry alignment (产业匹配) ———

export const SaveDemandSchema = z.object({
  orgId: IdSchema,
  industryDivision: IndustryDivisionSchema,
  occupationCode: OccupationCodeSchema,
  level: TrainingLevelSchema,
  needed: z.number().int().min(1).max(1_000_000),
  asOf: IsoDateSchema,
});
export type SaveDemand = z.infer<typeof SaveDemandSchema>;
export const DemandSchema = SaveDemandSchema.omit({ orgId: true }).extend({ id: IdSchema, org: OrgRefSchema });
export type Demand = z.infer<typeof DemandSchema>;
export const DemandListSchema = z.object({ items: z.array(DemandSchema) });

export const AlignmentQuerySchema = z.object({ orgId: IdSchema.optional() });
export const AlignmentRowSchema = z.object({
  /** A Hubei industry-catalogue entry (pillar / characteristic / emerging), by its code. */
  industry: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  skilled: z.number().int(),
  highSkilled: z.number().int(),
  carriers: z.number().int(),
  trainingPlaces: z.number().int(),
  demand: z.number().int(),
  /** People still needed: Σ over demands of max(0, needed − workers of that occupation holding the level). */
  gap: z.number().int(),
});
export type AlignmentRow = z.infer<typeof AlignmentRowSchema>;
export const AlignmentSchema = z.object({
  rows: z.array(AlignmentRowSchema),
  largestGaps: z.array(
    z.object({
      industry: z.string(),
      regionCode: z.string(),
      regionName: z.string().nullable(),
      occupationCode: z.string(),
      level: TrainingLevelSchema,
      needed: z.number().int(),
      supply: z.number().int(),
      gap: z.number().int(),
    }),
  ),
});
export type Alignment = z.infer<typeof AlignmentSchema>;

// ——— A worker's skill formation record (职工档案 · 培训与创新) ———

export const WorkerSkillsParamsSchema = z.object({ workerId: IdSchema });
export const WorkerSkillsSchema = z.object({
  enrollments: z.array(
    EnrollmentSchema.omit({ worker: true }).extend({
      program: z.object({
        id: IdSchema,
        title: z.string(),
        occupationCode: z.string(),
        targetLevel: TrainingLevelSchema,
        providerName: z.string(),
        mode: z.enum(TRAINING_MODES),
        startsOn: IsoDateSchema,
        endsOn: IsoDateSchema,
      }),
    }),
  ),
  carriers: z.array(
    CarrierRefSchema.extend({
      studioType: StudioTypeSchema.nullable(),
      status: CarrierStatusSchema,
      hostName: z.string(),
      role: z.enum(['leader', 'member']),
      joinedOn: IsoDateSchema,
    }),
  ),
  achievements: z.array(
    z.object({
      id: IdSchema,
      title: z.string(),
      kind: AchievementKindSchema,
      status: AchievementStatusSchema,
      orgName: z.string(),
      submittedOn: IsoDateSchema,
      benefitYuan: z.number().nullable(),
      patentNumbers: z.array(z.string()),
      isLead: z.boolean(),
    }),
  ),
});
export type WorkerSkills = z.infer<typeof WorkerSkillsSchema>;
