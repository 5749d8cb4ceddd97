import { CarrierListQuerySchema } from '@changai/contracts';
import type { CarrierFilters } from '../../api/skills.api';

const shape = CarrierListQuerySchema.shape;
const KEYS = ['q', 'kind', 'level', 'status', 'orgId', 'overdue'] as const satisfies readonly (keyof CarrierFilters)[];

/**
 * The carrier filters and page from the address bar. Each value is checked against the contract
 * on its own, so a stale or hand-edited parameter is dropped rather than breaking the page.
 */
export function carrierFiltersFromParams(params: URLSearchParams): { filters: CarrierFilters; page: number } {
  const filters: CarrierFilters = {};
  for (const key of KEYS) {
    const raw = params.get(key)?.trim();
    if (!raw) continue;
    const parsed = shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) Object.assign(filters, { [key]: parsed.data });
  }
  const page = Number(params.get('page'));
  return { filters, page: Number.isInteger(page) && page > 1 ? page : 1 };
}

/** Filter changes written back into the query string; any change of filter starts again at page 1. */
export function paramsWithCarrierFilters(prev: URLSearchParams, changes: CarrierFilters & { page?: number }): URLSearchParams {
  const next = new URLSearchParams(prev);
  if (!('page' in changes)) next.delete('page');
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '' || (key === 'page' && value === 1)) next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}
