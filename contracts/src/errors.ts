import { z } from 'zod';

export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'account_locked',
  'too_many_requests',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'rule_violation',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    /** A more precise reason within the code, e.g. `org.has_children`; stable for clients. */
    reason: z.string().optional(),
    message: z.string(),
    fields: z.array(FieldErrorSchema).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
