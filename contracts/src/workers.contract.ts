import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema, QueryFlagSchema } from './common.js';
import { OrgRefSchema } from './org.contract.js';

/** The eight-level system, lowest first (rank = index + 1). 高技能人才 = rank ≥ 4 (高级工). */
export const SKILL_LEVELS = [
  'apprentice',
  'junior',
  'intermediate',
  'senior',
  'technician',
  'senior_technician',
  'principal_technician',
  'chief_technician',
] as const;
export const SkillLevelSchema = z.enum(SKILL_LEVELS);
export type SkillLevel = z.infer<typeof SkillLevelSchema>;

/** 员级 → 正高级 (rank = index + 1). */
export const TITLE_LEVELS = ['entry', 'assistant', 'intermediate', 'deputy_senior', 'senior'] as const;
export const TitleLevelSchema = z.enum(TITLE_LEVELS);
export type TitleLevel = z.infer<typeof TitleLevelSchema>;

export const CREDENTIAL_KINDS = ['skill_level', 'title', 'academic', 'one_plus_x', 'honor'] as const;
export const CredentialKindSchema = z.enum(CREDENTIAL_KINDS);
export type CredentialKind = z.infer<typeof CredentialKindSchema>;

export const CREDENTIAL_SOURCES = ['import', 'manual', 'conversion', 'competition', 'training', 'demo'] as const;
export const CredentialSourceSchema = z.enum(CREDENTIAL_SOURCES);

export const WORKER_STATUSES = ['employed', 'left', 'retired'] as const;
export const WorkerStatusSchema = z.enum(WORKER_STATUSES);

export const GENDERS = ['male', 'female'] as const;
export const GenderSchema = z.enum(GENDERS);

export const INDUSTRY_CATEGORIES = ['pillar', 'characteristic', 'emerging'] as const;
export const IndustryCategorySchema = z.enum(INDUSTRY_CATEGORIES);

export const RegionCodeSchema = z.string().regex(/^\d{6}$/, { message: 'region_code_format' });
export const OccupationCodeSchema = z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/, { message: 'occupation_code_format' });
export const IndustryDivisionSchema = z.string().regex(/^\d{2}$/, { message: 'industry_division_format' });

export const CredentialSchema = z.object({
  id: IdSchema,
  kind: CredentialKindSchema,
  levelCode: z.string().nullable(),
  occupationCode: z.string().nullable(),
  series: z.string().nullable(),
  name: z.string().nullable(),
  issuer: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  issuedOn: IsoDateSchema,
  equivalentTo: z.string().nullable(),
  purposes: z.array(z.string()).nullable(),
  source: CredentialSourceSchema,
  status: z.enum(['valid', 'revoked']),
  revokedReason: z.string().nullable(),
  revokedOn: IsoDateSchema.nullable(),
});
export type Credential = z.infer<typeof CredentialSchema>;

export const WorkerSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  gender: GenderSchema,
  birthDate: IsoDateSchema,
  /** Always masked here (420106********123X). */
  idNumber: z.string(),
  org: OrgRefSchema,
  regionCode: z.string(),
  /** The division's name (江岸区), from the org tree. */
  regionName: z.string().nullable(),
  occupationCode: z.string().nullable(),
  industryDivision: z.string().nullable(),
  isFrontline: z.boolean(),
  isUnionMember: z.boolean(),
  status: WorkerStatusSchema,
  highestSkillLevel: SkillLevelSchema.nullable(),
  highestSkillOn: IsoDateSchema.nullable(),
  highestTitle: TitleLevelSchema.nullable(),
  isHighSkilled: z.boolean(),
});
export type WorkerSummary = z.infer<typeof WorkerSummarySchema>;

export const WorkerDetailSchema = WorkerSummarySchema.extend({
  phone: z.string().nullable(),
  employedFrom: IsoDateSchema.nullable(),
  employedTo: IsoDateSchema.nullable(),
  credentials: z.array(CredentialSchema),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type WorkerDetail = z.infer<typeof WorkerDetailSchema>;

export const WorkerIdentitySchema = z.object({ idNumber: z.string(), phone: z.string().nullable() });

export const WORKER_SORTS = ['name', 'level', 'date'] as const;

export const WorkerListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  orgId: IdSchema.optional(),
  regionCode: RegionCodeSchema.optional(),
  industryCategory: IndustryCategorySchema.optional(),
  skillLevel: SkillLevelSchema.optional(),
  titleLevel: TitleLevelSchema.optional(),
  frontline: QueryFlagSchema.optional(),
  highSkilled: QueryFlagSchema.optional(),
  status: WorkerStatusSchema.optional(),
  sort: z.enum(WORKER_SORTS).default('name'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type WorkerListQuery = z.infer<typeof WorkerListQuerySchema>;

export const WorkerPageSchema = z.object({ items: z.array(WorkerSummarySchema), nextCursor: z.string().nullable() });

const IdNumberInputSchema = z.string().trim().min(15).max(30);
const PhoneInputSchema = z.string().trim().max(30);

export const CreateWorkerSchema = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: IdNumberInputSchema,
  phone: PhoneInputSchema.nullable().optional(),
  orgId: IdSchema,
  regionCode: RegionCodeSchema.optional(),
  occupationCode: OccupationCodeSchema.nullable().optional(),
  industryDivision: IndustryDivisionSchema.nullable().optional(),
  isFrontline: z.boolean().default(false),
  isUnionMember: z.boolean().default(false),
  employedFrom: IsoDateSchema.nullable().optional(),
  status: WorkerStatusSchema.default('employed'),
});
export type CreateWorker = z.infer<typeof CreateWorkerSchema>;

export const UpdateWorkerSchema = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  phone: PhoneInputSchema.nullable().optional(),
  orgId: IdSchema.optional(),
  regionCode: RegionCodeSchema.optional(),
  occupationCode: OccupationCodeSchema.nullable().optional(),
  industryDivision: IndustryDivisionSchema.nullable().optional(),
  isFrontline: z.boolean().optional(),
  isUnionMember: z.boolean().optional(),
  employedFrom: IsoDateSchema.nullable().optional(),
  employedTo: IsoDateSchema.nullable().optional(),
  status: WorkerStatusSchema.optional(),
});
export type UpdateWorker = z.infer<typeof UpdateWorkerSchema>;

export const GrantCredentialSchema = z.object({
  kind: CredentialKindSchema,
  /** Skill level, title level, academic level or 1+X level code, as the kind requires. */
  levelCode: z.string().trim().max(40).nullable().optional(),
  occupationCode: OccupationCodeSchema.nullable().optional(),
  series: z.string().trim().max(40).nullable().optional(),
  name: z.string().trim().max(200).nullable().optional(),
  issuer: z.string().trim().max(200).nullable().optional(),
  certificateNumber: z.string().trim().max(40).nullable().optional(),
  issuedOn: IsoDateSchema,
});
export type GrantCredential = z.infer<typeof GrantCredentialSchema>;

export const RevokeCredentialSchema = z.object({
  reason: z.string().trim().min(2).max(500),
  revokedOn: IsoDateSchema.optional(),
});
export type RevokeCredential = z.infer<typeof RevokeCredentialSchema>;

export const WorkerParamsSchema = z.object({ workerId: IdSchema });
export const CredentialParamsSchema = z.object({ credentialId: IdSchema });

export const IMPORT_KINDS = ['workers'] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);

export const ImportFieldSchema = z.object({ field: z.string(), required: z.boolean(), label: z.string() });

export const ImportPreviewSchema = z.object({
  uploadId: IdSchema,
  fileName: z.string(),
  sizeBytes: z.number().int(),
  format: z.enum(['csv', 'xlsx']),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  /** field → 0-based column index; remembered per header layout and org. */
  mapping: z.record(z.string(), z.number().int().min(0)),
  fields: z.array(ImportFieldSchema),
  isRemembered: z.boolean(),
  /** The first data rows, ID numbers and phones masked, so the mapping can be checked against content. */
  samples: z.array(z.array(z.string())),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const StartImportSchema = z.object({
  mapping: z.record(z.string().max(40), z.number().int().min(0).max(500)),
});
export type StartImport = z.infer<typeof StartImportSchema>;

export const ImportResultSchema = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** Upload id of the xlsx error report, when rows were rejected. */
  report: z.string().nullable(),
  /** Set when the file stopped being readable part-way; rows before it were kept. */
  fatal: z.string().nullable(),
  fatalMessage: z.string().nullable(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const JobSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  /** What the job reports as it runs; file jobs say how much of the file they have read (bytesRead of bytesTotal). */
  progress: z
    .object({
      processed: z.number().int(),
      total: z.number().int().optional(),
      phase: z.string().optional(),
      bytesRead: z.number().int().optional(),
      bytesTotal: z.number().int().optional(),
    })
    .passthrough(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  createdAt: InstantSchema,
  startedAt: InstantSchema.nullable(),
  finishedAt: InstantSchema.nullable(),
});
export type Job = z.infer<typeof JobSchema>;

export const UploadParamsSchema = z.object({ uploadId: IdSchema });
export const JobParamsSchema = z.object({ jobId: IdSchema });
export const ImportQuerySchema = z.object({ kind: ImportKindSchema.default('workers') });
