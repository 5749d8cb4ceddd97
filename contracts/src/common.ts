import { z } from 'zod';

export const IdSchema = z.uuid();
export const IsoDateSchema = z.iso.date();
/** An instant: a Date in code, an ISO 8601 string on the wire (parsed back into a Date by clients). */
export const InstantSchema = z.coerce.date();

export const LIST_LIMIT_MAX = 200;
export const LIST_LIMIT_DEFAULT = 50;
export const LimitSchema = z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT);

/** Opaque keyset cursor, as returned in `nextCursor`. */
export const CursorSchema = z.string().max(500);

export const OkSchema = z.object({ ok: z.literal(true) });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A boolean query-string flag: "true"/"1" or "false"/"0". */
export const QueryFlagSchema = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const LOCALES = ['zh-CN', 'en-US'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;
