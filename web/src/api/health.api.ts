import { HealthSchema } from '@changai/contracts';
import { z } from 'zod';
import { api } from './client';

/**
 * The health answer, plus `demo` when the server says it runs on generated demo data. Older
 * servers do not send it; both shapes parse.
 */
export const HealthWithDemoSchema = HealthSchema.extend({
  demo: z.object({ scale: z.number() }).nullable().optional(),
});

export const getHealth = (signal?: AbortSignal) => api.get('/api/health', HealthWithDemoSchema, undefined, signal);
