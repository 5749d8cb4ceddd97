import { z } from 'zod';
import { IdSchema, InstantSchema, QueryFlagSchema } from './common.js';

export const ORG_KINDS = ['province', 'prefecture', 'county', 'department', 'federation', 'enterprise', 'other'] as const;
export const OrgKindSchema = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKindSchema>;

export const ORG_NAME_MAX = 100;
export const ORG_CODE_MAX = 40;

export const OrgCodeSchema = z
  .string()
  .trim()
  .min(2)
  .max(ORG_CODE_MAX)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'org_code_format' });

export const OrgSchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  kind: OrgKindSchema,
  parentId: IdSchema.nullable(),
  depth: z.number().int(),
  isActive: z.boolean(),
  childCount: z.number().int(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Org = z.infer<typeof OrgSchema>;

export const OrgRefSchema = z.object({ id: IdSchema, code: z.string(), name: z.string(), kind: OrgKindSchema });
export type OrgRef = z.infer<typeof OrgRefSchema>;

export const OrgDetailSchema = OrgSchema.extend({
  ancestors: z.array(OrgRefSchema),
  userCount: z.number().int(),
});
export type OrgDetail = z.infer<typeof OrgDetailSchema>;

export const OrgListQuerySchema = z.object({
  parentId: IdSchema.optional(),
  q: z.string().trim().max(ORG_NAME_MAX).optional(),
  kind: OrgKindSchema.optional(),
  includeInactive: QueryFlagSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type OrgListQuery = z.infer<typeof OrgListQuerySchema>;

export const OrgListSchema = z.object({ items: z.array(OrgSchema) });

export const CreateOrgSchema = z.object({
  parentId: IdSchema,
  code: OrgCodeSchema,
  name: z.string().trim().min(1).max(ORG_NAME_MAX),
  kind: OrgKindSchema.exclude(['province']),
});
export type CreateOrg = z.infer<typeof CreateOrgSchema>;

export const UpdateOrgSchema = z.object({
  name: z.string().trim().min(1).max(ORG_NAME_MAX).optional(),
  kind: OrgKindSchema.exclude(['province']).optional(),
});
export type UpdateOrg = z.infer<typeof UpdateOrgSchema>;

export const MoveOrgSchema = z.object({ parentId: IdSchema });
export type MoveOrg = z.infer<typeof MoveOrgSchema>;

export const OrgParamsSchema = z.object({ orgId: IdSchema });

export const OWNERSHIPS = ['state', 'collective', 'private', 'foreign', 'hmt', 'mixed', 'other'] as const;
export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;

/** The employer profile of an enterprise org (GB 32100 credit code, GB/T 4754 industry). */
export const EnterpriseProfileSchema = z.object({
  orgId: IdSchema,
  creditCode: z.string().nullable(),
  industryDivision: z.string().nullable(),
  industrySection: z.string().nullable(),
  industryCategory: z.enum(['pillar', 'characteristic', 'emerging']).nullable(),
  ownership: z.enum(OWNERSHIPS).nullable(),
  size: z.enum(ENTERPRISE_SIZES).nullable(),
  regionCode: z.string(),
  workerCount: z.number().int(),
});
export type EnterpriseProfile = z.infer<typeof EnterpriseProfileSchema>;

export const SaveEnterpriseProfileSchema = z.object({
  creditCode: z.string().trim().max(30).nullable().optional(),
  industryDivision: z
    .string()
    .regex(/^\d{2}$/, { message: 'industry_division_format' })
    .nullable()
    .optional(),
  industryCategory: z.enum(['pillar', 'characteristic', 'emerging']).nullable().optional(),
  ownership: z.enum(OWNERSHIPS).nullable().optional(),
  size: z.enum(ENTERPRISE_SIZES).nullable().optional(),
});
export type SaveEnterpriseProfile = z.infer<typeof SaveEnterpriseProfileSchema>;
