import { type ImportPreview, type ImportResult, ImportResultSchema, type Job } from '@changai/contracts';
import { z } from 'zod';

/** What an import job reports while it runs: running counts, read leniently (a missing count is 0). */
const ImportProgressSchema = z.object({
  processed: z.number().catch(0),
  imported: z.number().catch(0),
  updated: z.number().catch(0),
  unchanged: z.number().catch(0),
  rejected: z.number().catch(0),
  total: z.number().optional().catch(undefined),
  phase: z.string().optional().catch(undefined),
  bytesRead: z.number().optional().catch(undefined),
  bytesTotal: z.number().optional().catch(undefined),
});
export type ImportCounts = z.infer<typeof ImportProgressSchema>;

export type ImportJobView = {
  stage: 'queued' | 'running' | 'done' | 'failed';
  counts: ImportCounts;
  /** How much of the file has been read, 0–100, once the job reports it. */
  percent?: number;
  /** Present once the job has succeeded. */
  result?: ImportResult;
  error: string | null;
};

const SETTLED = new Set<Job['status']>(['succeeded', 'failed', 'cancelled']);
export const isSettled = (job: Pick<Job, 'status'> | undefined) => job !== undefined && SETTLED.has(job.status);

/** A job as the import page shows it; a result that does not read as an import result counts as a failure. */
export function importJobView(job: Job): ImportJobView {
  const counts = ImportProgressSchema.parse(job.progress ?? {});
  if (job.status === 'queued') return { stage: 'queued', counts, error: null };
  if (job.status === 'running') {
    const { bytesRead, bytesTotal } = counts;
    const percent = bytesRead !== undefined && bytesTotal ? Math.min(99, Math.floor((bytesRead / bytesTotal) * 100)) : undefined;
    return { stage: 'running', counts, percent, error: null };
  }
  if (job.status === 'succeeded') {
    const result = ImportResultSchema.safeParse(job.result);
    if (result.success) return { stage: 'done', counts, result: result.data, error: null };
  }
  return { stage: 'failed', counts, error: job.error };
}

/** The employer may be named by any of these columns; a row needs one of them. */
export const EMPLOYER_FIELDS = ['employerName', 'employerCode', 'employerCreditCode'] as const;

export type MappingProblem = { kind: 'required'; field: string; label: string } | { kind: 'employer' };

/** What stops a mapping from being imported: unmapped required fields, or no employer column at all. */
export function mappingProblems(fields: ImportPreview['fields'], mapping: Record<string, number | undefined>): MappingProblem[] {
  const problems: MappingProblem[] = fields
    .filter((f) => f.required && mapping[f.field] === undefined)
    .map((f) => ({ kind: 'required', field: f.field, label: f.label }));
  const offersEmployer = fields.some((f) => (EMPLOYER_FIELDS as readonly string[]).includes(f.field));
  if (offersEmployer && EMPLOYER_FIELDS.every((f) => mapping[f] === undefined)) problems.push({ kind: 'employer' });
  return problems;
}

/** The mapping as the server takes it: only mapped fields. */
export function mappingToSend(mapping: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(mapping).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

/** A file size for people: 1 536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
