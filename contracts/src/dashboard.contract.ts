import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema } from './common.js';
import { DataElementCodeSchema } from './indicators.contract.js';

const isoDate = IsoDateSchema;
const OrgRefSchema = z.object({ id: IdSchema, code: z.string(), name: z.string(), kind: z.string() });

export const DashboardQuerySchema = z.object({
  orgId: IdSchema.optional(),
  /** The day the figures are stated for (default today). */
  asOf: isoDate.refine((d) => d >= '1950-01-01' && d <= '2999-12-31', { error: 'date.out_of_range' }).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

export const TargetSchema = z.object({
  year: z.number().int(),
  value: z.number(),
  isUncertain: z.boolean(),
  source: z.string().nullable(),
});

/** One KPI card: a data element or an indicator, as of the day, a year before, and against a target. */
export const DashboardCardSchema = z.object({
  code: z.string(),
  kind: z.enum(['element', 'indicator']),
  nameZh: z.string(),
  nameEn: z.string(),
  unitZh: z.string(),
  unitEn: z.string(),
  decimals: z.number().int(),
  value: z.number().nullable(),
  lastYear: z.number().nullable(),
  target: TargetSchema.nullable(),
  /** The indicator version the value was computed with. */
  version: z.number().int().nullable(),
});
export type DashboardCard = z.infer<typeof DashboardCardSchema>;

export const INDUSTRY_GROUPS = ['pillar', 'characteristic', 'emerging', 'other'] as const;
export const SkillBreakdownSchema = z.object({ skilled: z.number(), highSkilled: z.number(), share: z.number().nullable() });

export const DashboardSchema = z.object({
  org: OrgRefSchema,
  /** The path from the actor's top visible org down to this one (for the drill-down breadcrumb). */
  trail: z.array(OrgRefSchema),
  asOf: isoDate,
  /** When these figures were computed (live, per request). */
  computedAt: InstantSchema,
  /** The last change of the registry aggregates the figures read. */
  dataChangedAt: InstantSchema.nullable(),
  cards: z.array(DashboardCardSchema),
  /** Skilled and high-skilled workers of the subtree as of the day and the same day a year before. */
  totals: z.object({ skilled: z.number(), highSkilled: z.number(), skilledLastYear: z.number(), highSkilledLastYear: z.number() }),
  trend: z.array(
    z.object({ asOf: isoDate, label: z.string(), skilled: z.number(), highSkilled: z.number(), share: z.number().nullable() }),
  ),
  children: z.array(SkillBreakdownSchema.extend({ org: OrgRefSchema, canDrill: z.boolean() })),
  industries: z.array(SkillBreakdownSchema.extend({ category: z.enum(INDUSTRY_GROUPS) })),
  hasMap: z.boolean(),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const BulletinSchema = z.object({
  org: OrgRefSchema,
  asOf: isoDate,
  title: z.string(),
  paragraphs: z.array(z.string()),
  figures: z.array(z.object({ label: z.string(), value: z.number().nullable(), unit: z.string() })),
  computedAt: InstantSchema,
});
export type Bulletin = z.infer<typeof BulletinSchema>;

// ——— indicators and targets (administration) ———
export const IndicatorCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, { error: 'indicator.code_invalid' });

export const IndicatorVersionSchema = z.object({
  version: z.number().int(),
  effectiveFrom: isoDate,
  numeratorCode: DataElementCodeSchema,
  denominatorCode: DataElementCodeSchema.nullable(),
  factor: z.number(),
  note: z.string().nullable(),
  createdAt: InstantSchema,
});

export const IndicatorSchema = z.object({
  code: IndicatorCodeSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  unitZh: z.string(),
  unitEn: z.string(),
  decimals: z.number().int(),
  versions: z.array(IndicatorVersionSchema),
  targets: z.array(TargetSchema),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorListSchema = z.object({
  items: z.array(IndicatorSchema),
  elements: z.array(
    z.object({ code: DataElementCodeSchema, kind: z.enum(['computed', 'reported']), nameZh: z.string(), nameEn: z.string() }),
  ),
});

export const IndicatorParamsSchema = z.object({ code: IndicatorCodeSchema });

export const CreateIndicatorSchema = z.object({
  code: IndicatorCodeSchema,
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  unitZh: z.string().trim().max(20).default(''),
  unitEn: z.string().trim().max(40).default(''),
  decimals: z.number().int().min(0).max(4).default(0),
  numeratorCode: DataElementCodeSchema,
  denominatorCode: DataElementCodeSchema.nullable().default(null),
  factor: z
    .number()
    .refine((n) => n !== 0, { error: 'indicator.factor_zero' })
    .default(1),
});
export type CreateIndicator = z.infer<typeof CreateIndicatorSchema>;

/** A formula change: a new version from a date; periods before it keep the version in force then. */
export const NewIndicatorVersionSchema = z.object({
  effectiveFrom: isoDate,
  numeratorCode: DataElementCodeSchema,
  denominatorCode: DataElementCodeSchema.nullable().default(null),
  factor: z
    .number()
    .refine((n) => n !== 0, { error: 'indicator.factor_zero' })
    .default(1),
  note: z.string().trim().max(500).nullable().default(null),
});
export type NewIndicatorVersion = z.infer<typeof NewIndicatorVersionSchema>;

export const TargetParamsSchema = z.object({ code: IndicatorCodeSchema, year: z.coerce.number().int().min(2000).max(2100) });
export const SaveTargetSchema = z.object({
  value: z.number(),
  isUncertain: z.boolean().default(false),
  source: z.string().trim().max(1000).nullable().default(null),
});
export type SaveTarget = z.infer<typeof SaveTargetSchema>;

// ——— map ———
export const MapQuerySchema = z.object({ orgId: IdSchema.optional() });
export const SaveMapSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** A GeoJSON FeatureCollection whose features carry a division code in properties.code (or adcode). */
  geojson: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.record(z.string(), z.unknown())).min(1).max(500) }).loose(),
});
export type SaveMap = z.infer<typeof SaveMapSchema>;
export const DashboardMapSchema = z.object({
  name: z.string(),
  geojson: z.record(z.string(), z.unknown()),
  featureCodes: z.array(z.string()),
  uploadedAt: InstantSchema,
});
export const MapInfoSchema = z.object({ map: DashboardMapSchema.nullable() });
