import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Translate, zodFieldErrors, zodRules } from './zod-rules';

/** Contract-driven antd rules in the current language. */
export function useZodRules() {
  const { t } = useTranslation();
  const translate = t as unknown as Translate;
  const rules = useCallback((schema: z.ZodType) => zodRules(schema, translate), [translate]);
  const fieldErrors = useCallback((schema: z.ZodType, values: unknown) => zodFieldErrors(schema, values, translate), [translate]);
  return { rules, fieldErrors };
}
