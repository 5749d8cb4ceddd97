import { z } from 'zod';

/** The indicator system's shared vocabulary; reporting and dashboards build on it. */
export const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export const PeriodTypeSchema = z.enum(PERIOD_TYPES);
export type PeriodType = z.infer<typeof PeriodTypeSchema>;

/** "2020" (year), "2020-Q4" (quarter) or "2020-10" (month). */
export const PeriodCodeSchema = z.string().regex(/^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { error: 'period.invalid' });

export const DATA_ELEMENT_KINDS = ['computed', 'reported'] as const;
export const DataElementKindSchema = z.enum(DATA_ELEMENT_KINDS);
export const VALUE_TYPES = ['integer', 'number', 'percent'] as const;
export const ValueTypeSchema = z.enum(VALUE_TYPES);

export const DataElementCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, { error: 'data_element.code_invalid' });

export const DataElementSchema = z.object({
  code: DataElementCodeSchema,
  kind: DataElementKindSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  descriptionZh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  unitZh: z.string(),
  unitEn: z.string(),
  valueType: ValueTypeSchema,
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
});
export type DataElement = z.infer<typeof DataElementSchema>;
