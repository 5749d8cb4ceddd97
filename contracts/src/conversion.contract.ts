import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema } from './common.js';
import { CredentialKindSchema, IndustryCategorySchema } from './workers.contract.js';

// ——— the rule language (mirrors @changai/domain conversion/rule-set.ts) ———

export const RULE_TEXT_MAX = 500_000;
export const RULE_CONDITIONS_MAX = 20;

export const BilingualSchema = z.object({ zh: z.string().max(500), en: z.string().max(500) }).strict();
export type Bilingual = z.infer<typeof BilingualSchema>;
export const ConfidenceSchema = z.enum(['H', 'M', 'L']);
const KeySchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'rules.key_format' });
const CodeSchema = z.string().min(1).max(60);
export const YearsValueSchema = z.union([z.number().int().min(0).max(60), z.object({ param: KeySchema }).strict()]);

export type ConditionInput =
  | {
      type: 'holds';
      kind: z.infer<typeof CredentialKindSchema>;
      minLevel?: string;
      levels?: string[];
      names?: string[];
      related?: boolean;
      years?: z.infer<typeof YearsValueSchema>;
      yearsOf?: 'holding' | 'work';
      label?: z.infer<typeof BilingualSchema>;
    }
  | { type: 'workYears'; years: z.infer<typeof YearsValueSchema>; label?: z.infer<typeof BilingualSchema> }
  | { type: 'frontline'; label?: z.infer<typeof BilingualSchema> }
  | { type: 'occupation'; label?: z.infer<typeof BilingualSchema> }
  | { type: 'allOf'; conditions: ConditionInput[]; label?: z.infer<typeof BilingualSchema> }
  | { type: 'anyOf'; conditions: ConditionInput[]; label?: z.infer<typeof BilingualSchema> }
  | { type: 'not'; condition: ConditionInput; label?: z.infer<typeof BilingualSchema> };

export const ConditionSchema: z.ZodType<ConditionInput> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z
      .object({
        type: z.literal('holds'),
        kind: CredentialKindSchema,
        minLevel: CodeSchema.optional(),
        levels: z.array(CodeSchema).min(1).max(RULE_CONDITIONS_MAX).optional(),
        names: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
        related: z.boolean().optional(),
        years: YearsValueSchema.optional(),
        yearsOf: z.enum(['holding', 'work']).optional(),
        label: BilingualSchema.optional(),
      })
      .strict(),
    z.object({ type: z.literal('workYears'), years: YearsValueSchema, label: BilingualSchema.optional() }).strict(),
    z.object({ type: z.literal('frontline'), label: BilingualSchema.optional() }).strict(),
    z.object({ type: z.literal('occupation'), label: BilingualSchema.optional() }).strict(),
    z
      .object({
        type: z.literal('allOf'),
        conditions: z.array(ConditionSchema).min(1).max(RULE_CONDITIONS_MAX),
        label: BilingualSchema.optional(),
      })
      .strict(),
    z
      .object({
        type: z.literal('anyOf'),
        conditions: z.array(ConditionSchema).min(1).max(RULE_CONDITIONS_MAX),
        label: BilingualSchema.optional(),
      })
      .strict(),
    z.object({ type: z.literal('not'), condition: ConditionSchema, label: BilingualSchema.optional() }).strict(),
  ]),
);

export const PATHWAY_CHANNELS = [
  'skill_to_title',
  'title_to_skill',
  'skill_ladder',
  'competition',
  'green_channel',
  'treatment',
  'academic_equivalence',
] as const;
export const PathwayChannelSchema = z.enum(PATHWAY_CHANNELS);

export const PathwayGrantSchema = z
  .object({
    kind: z.enum(['skill_level', 'title', 'academic']),
    level: CodeSchema,
    purposes: z.array(CodeSchema).max(10).optional(),
  })
  .strict();

export const PathwaySchema = z
  .object({
    id: KeySchema,
    name: BilingualSchema,
    channel: PathwayChannelSchema,
    grants: PathwayGrantSchema,
    issuesCredential: z.boolean(),
    field: KeySchema.optional(),
    condition: ConditionSchema,
    exceptions: z
      .array(
        z
          .object({
            id: KeySchema,
            name: BilingualSchema,
            condition: ConditionSchema,
            source: KeySchema.optional(),
            confidence: ConfidenceSchema.optional(),
          })
          .strict(),
      )
      .max(10)
      .optional(),
    source: KeySchema,
    article: z.string().max(200).optional(),
    confidence: ConfidenceSchema,
    note: BilingualSchema.optional(),
  })
  .strict();

export const RuleSetSchema = z
  .object({
    code: KeySchema,
    name: BilingualSchema,
    effectiveFrom: IsoDateSchema,
    effectiveTo: IsoDateSchema.nullable().optional(),
    sources: z
      .array(
        z
          .object({
            id: KeySchema,
            title: z.string().min(1).max(300),
            number: z.string().max(100).optional(),
            issuer: z.string().max(200).optional(),
            year: z.number().int().min(1949).max(2100).optional(),
            confidence: ConfidenceSchema,
            note: z.string().max(1000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
    parameters: z
      .array(
        z
          .object({
            key: KeySchema,
            value: z.number().int().min(0).max(60),
            unit: z.literal('years'),
            description: BilingualSchema,
            confidence: ConfidenceSchema,
            source: KeySchema,
          })
          .strict(),
      )
      .max(200),
    fields: z
      .array(
        z
          .object({
            code: KeySchema,
            name: BilingualSchema,
            occupationPrefixes: z.array(z.string().regex(/^[0-9][0-9-]{0,10}$/, { message: 'rules.occupation_prefix_format' })).max(100),
            seriesNames: z.array(z.string().min(1).max(60)).max(50),
          })
          .strict(),
      )
      .max(50),
    pathways: z.array(PathwaySchema).min(1).max(100),
  })
  .strict();
export type RuleSetInput = z.infer<typeof RuleSetSchema>;

// ——— rule set versions ———

export const RuleSetRefSchema = z.object({ id: IdSchema, code: z.string(), version: z.number().int(), effectiveFrom: IsoDateSchema });
export type RuleSetRef = z.infer<typeof RuleSetRefSchema>;

export const RuleSetVersionSummarySchema = RuleSetRefSchema.extend({
  name: BilingualSchema,
  effectiveTo: IsoDateSchema.nullable(),
  note: z.string().nullable(),
  createdAt: InstantSchema,
  createdBy: z.string().nullable(),
  /** The version in force today. */
  isCurrent: z.boolean(),
});
export const RuleSetVersionSchema = RuleSetVersionSummarySchema.extend({ definition: RuleSetSchema });
export type RuleSetVersion = z.infer<typeof RuleSetVersionSchema>;

export const RuleSetVersionListSchema = z.object({ items: z.array(RuleSetVersionSummarySchema) });
export const RuleSetParamsSchema = z.object({ ruleSetId: IdSchema });

export const RULE_FORMATS = ['json', 'yaml'] as const;
/** A rule set as an editor's text (JSON or YAML), or as the form's object. */
export const RuleSetTextSchema = z.object({ format: z.enum(RULE_FORMATS), text: z.string().max(RULE_TEXT_MAX) });
export const SaveRuleSetSchema = z.union([
  RuleSetTextSchema.extend({ note: z.string().trim().max(500).optional() }),
  z.object({ definition: z.unknown(), note: z.string().trim().max(500).optional() }),
]);
export type SaveRuleSet = z.infer<typeof SaveRuleSetSchema>;

export const RuleProblemSchema = z.object({
  path: z.string(),
  message: z.string(),
  /** 1-based position in the submitted text, where the problem is. */
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
});
export const RuleValidationSchema = z.object({ ok: z.boolean(), problems: z.array(RuleProblemSchema) });
export type RuleValidation = z.infer<typeof RuleValidationSchema>;

// ——— evaluation ———

export type ConditionExplanationOutput = {
  type: string;
  requirement: z.infer<typeof BilingualSchema>;
  facts: z.infer<typeof BilingualSchema>;
  met: boolean;
  metFrom: string | null;
  children?: ConditionExplanationOutput[];
};
export const ConditionExplanationSchema: z.ZodType<ConditionExplanationOutput> = z.lazy(() =>
  z.object({
    type: z.string(),
    requirement: BilingualSchema,
    facts: BilingualSchema,
    met: z.boolean(),
    metFrom: z.string().nullable(),
    children: z.array(ConditionExplanationSchema).optional(),
  }),
);

export const PATHWAY_OUTCOMES = ['eligible', 'eligible_from', 'not_eligible'] as const;
export const PathwayOutcomeSchema = z.enum(PATHWAY_OUTCOMES);

export const PathwayEvaluationSchema = z.object({
  pathwayId: z.string(),
  outcome: PathwayOutcomeSchema,
  eligibleFrom: IsoDateSchema.nullable(),
  name: BilingualSchema,
  channel: PathwayChannelSchema,
  grants: PathwayGrantSchema,
  issuesCredential: z.boolean(),
  confidence: ConfidenceSchema,
  note: BilingualSchema.nullable(),
  source: z.object({ id: z.string(), title: z.string(), number: z.string().nullable() }),
  via: z.string().nullable(),
  condition: ConditionExplanationSchema,
  exceptions: z.array(z.object({ id: z.string(), name: BilingualSchema, explanation: ConditionExplanationSchema })),
  summary: BilingualSchema,
  /** An application for this pathway that is still open or was approved. */
  application: z.object({ id: IdSchema, status: z.string() }).nullable(),
});
export type PathwayEvaluation = z.infer<typeof PathwayEvaluationSchema>;

export const WorkerEvaluationSchema = z.object({
  workerId: IdSchema,
  workerName: z.string(),
  asOf: IsoDateSchema,
  ruleSet: RuleSetRefSchema,
  pathways: z.array(PathwayEvaluationSchema),
});
export type WorkerEvaluation = z.infer<typeof WorkerEvaluationSchema>;
export const EvaluationQuerySchema = z.object({ asOf: IsoDateSchema.optional() });

// ——— policy analysis ———

export const ELIGIBILITY_HORIZON_MONTHS = 12;

export const EligibilityQuerySchema = z.object({ orgId: IdSchema.optional(), asOf: IsoDateSchema.optional() });
export const EligibilityCountSchema = z.object({ eligibleNow: z.number().int(), eligibleSoon: z.number().int() });
export const EligibilityTableSchema = z.object({
  asOf: IsoDateSchema,
  horizon: IsoDateSchema,
  ruleSet: RuleSetRefSchema,
  workers: z.number().int(),
  pathways: z.array(z.object({ id: z.string(), name: BilingualSchema, channel: PathwayChannelSchema })),
  byRegion: z.array(EligibilityCountSchema.extend({ pathwayId: z.string(), regionCode: z.string(), regionName: z.string().nullable() })),
  byCategory: z.array(EligibilityCountSchema.extend({ pathwayId: z.string(), category: IndustryCategorySchema })),
  totals: z.array(EligibilityCountSchema.extend({ pathwayId: z.string() })),
  elapsedMs: z.number(),
});
export type EligibilityTable = z.infer<typeof EligibilityTableSchema>;

export const WhatIfSchema = z.object({
  orgId: IdSchema.optional(),
  asOf: IsoDateSchema.optional(),
  /** Draft parameter values by key (e.g. technician_to_intermediate_years: 2). */
  parameters: z.record(z.string().max(60), z.number().int().min(0).max(60)),
});
export type WhatIf = z.infer<typeof WhatIfSchema>;
export const WhatIfResultSchema = z.object({ current: EligibilityTableSchema, draft: EligibilityTableSchema });

// ——— applications ———

export const APPLICATION_STATUSES = ['submitted', 'unit_approved', 'approved', 'rejected', 'withdrawn'] as const;
export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

export const ApplicationSchema = z.object({
  id: IdSchema,
  worker: z.object({ id: IdSchema, name: z.string(), orgName: z.string() }),
  pathwayId: z.string(),
  pathwayName: BilingualSchema,
  grants: PathwayGrantSchema,
  status: ApplicationStatusSchema,
  ruleSet: RuleSetRefSchema,
  note: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: InstantSchema,
  unitReviewedBy: z.string().nullable(),
  unitReviewedAt: InstantSchema.nullable(),
  unitComment: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: InstantSchema.nullable(),
  decisionReason: z.string().nullable(),
  /** The rule-set version in force when the committee decided (the application keeps the one it was submitted under). */
  decisionRuleSetId: IdSchema.nullable(),
  certificateNumber: z.string().nullable(),
  issuedOn: IsoDateSchema.nullable(),
  credentialId: IdSchema.nullable(),
  verificationCode: z.string().nullable(),
});
export type Application = z.infer<typeof ApplicationSchema>;
export const ApplicationPageSchema = z.object({ items: z.array(ApplicationSchema), nextCursor: z.string().nullable() });

export const APPLICATION_QUEUES = ['mine', 'unit_review', 'decision', 'all'] as const;
export const ApplicationListQuerySchema = z.object({
  queue: z.enum(APPLICATION_QUEUES).default('all'),
  status: ApplicationStatusSchema.optional(),
  workerId: IdSchema.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuerySchema>;

export const CreateApplicationSchema = z.object({
  workerId: IdSchema,
  pathwayId: KeySchema,
  note: z.string().trim().max(500).optional(),
});
export type CreateApplication = z.infer<typeof CreateApplicationSchema>;

export const UnitReviewSchema = z.object({
  approve: z.boolean(),
  comment: z.string().trim().max(500).optional(),
});
export type UnitReview = z.infer<typeof UnitReviewSchema>;

export const ApplicationDecisionSchema = z.discriminatedUnion('approve', [
  z.object({
    approve: z.literal(true),
    certificateNumber: z
      .string()
      .trim()
      .min(4)
      .max(40)
      .regex(/^[A-Za-z0-9-]+$/, { message: 'certificate_number_format' }),
    issuedOn: IsoDateSchema,
    issuer: z.string().trim().min(2).max(200),
  }),
  z.object({ approve: z.literal(false), reason: z.string().trim().min(2).max(500) }),
]);
export type ApplicationDecision = z.infer<typeof ApplicationDecisionSchema>;
export const ApplicationParamsSchema = z.object({ applicationId: IdSchema });

// ——— certificates and verification ———

export const CredentialClaimSchema = z.object({
  kind: CredentialKindSchema,
  levelCode: z.string().nullable(),
  level: BilingualSchema.nullable(),
  series: z.string().nullable(),
  occupationCode: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  issuedOn: IsoDateSchema,
  issuer: z.string().nullable(),
});

export const CertificateSchema = z.object({
  applicationId: IdSchema,
  holderName: z.string(),
  pathwayName: BilingualSchema,
  credential: CredentialClaimSchema,
  status: z.enum(['valid', 'revoked']),
  revokedReason: z.string().nullable(),
  verificationCode: z.string(),
  verifyPath: z.string(),
  /** The QR code (SVG markup) pointing to the public verification page. */
  qrSvg: z.string(),
  ruleSet: RuleSetRefSchema,
});
export type Certificate = z.infer<typeof CertificateSchema>;

export const VerificationCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z-]{6,20}$/, { message: 'verification_code_format' });
export const VerifyParamsSchema = z.object({ code: VerificationCodeSchema });

export const VerificationSchema = z.object({
  code: z.string(),
  found: z.boolean(),
  status: z.enum(['valid', 'revoked', 'not_found']),
  /** Masked: 董*祥. */
  holderName: z.string().nullable(),
  credential: CredentialClaimSchema.nullable(),
  revokedReason: z.string().nullable(),
  revokedOn: IsoDateSchema.nullable(),
  checkedAt: InstantSchema,
});
export type Verification = z.infer<typeof VerificationSchema>;

export const PublicKeySchema = z.object({
  id: z.string(),
  type: z.literal('Multikey'),
  controller: z.string(),
  publicKeyMultibase: z.string(),
  publicKeyJwk: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string() }),
});
export const PublicKeysSchema = z.object({ keys: z.array(PublicKeySchema) });
/** A W3C Verifiable Credential (Data Model 2.0) with an eddsa-jcs-2022 Data Integrity proof. */
export const VerifiableCredentialSchema = z.looseObject({
  '@context': z.array(z.string()),
  type: z.array(z.string()),
  issuer: z.unknown(),
  credentialSubject: z.unknown(),
  proof: z.looseObject({ type: z.literal('DataIntegrityProof'), cryptosuite: z.string(), proofValue: z.string() }),
});

/** A revocation status list's number (W3C Bitstring Status List; 131,072 credentials per list). */
export const StatusListParamsSchema = z.object({ list: z.coerce.number().int().min(0).max(100_000) });
