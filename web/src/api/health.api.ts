import { HealthSchema } from '@changai/contracts';
import { z } from 'zod';
import { api } from './client';

/**
 * The health answer; `demo` says whether the server runs on generated demo data. Servers from
 * before the demo registry do not send it, so it may be missing as well as null.
 */
export const HealthWithDemoSchema = HealthSchema.extend({
  demo: z
    .object({ scale: z.number(), status: z.enum(['loading', 'ready']).optional() })
    .nullable()
    .optional(),
});

export const getHealth = (signal?: AbortSignal) => api.get('/api/health', HealthWithDemoSchema, undefined, signal);
