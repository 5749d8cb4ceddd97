import { WorkerListQuerySchema } from '@changai/contracts';
import type { WorkerFilters } from '../../api/workers.api';

const shape = WorkerListQuerySchema.shape;

/** The filter keys, in the order they appear in the URL (the same names as the API's). */
export const FILTER_KEYS = [
  'q',
  'orgId',
  'regionCode',
  'industryCategory',
  'skillLevel',
  'titleLevel',
  'frontline',
  'highSkilled',
  'status',
  'sort',
] as const satisfies readonly (keyof WorkerFilters)[];

export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * The list filters from the address bar. Each value is checked against the contract on its own,
 * so a stale or hand-edited parameter is dropped rather than breaking the page; flags count only
 * when on, and the default sort (by name) is left implicit.
 */
export function filtersFromParams(params: URLSearchParams): WorkerFilters {
  const filters: WorkerFilters = {};
  for (const key of FILTER_KEYS) {
    const raw = params.get(key)?.trim();
    if (!raw) continue;
    const parsed = shape[key].safeParse(raw);
    if (!parsed.success) continue;
    const value = parsed.data;
    if (value === false || (key === 'sort' && value === 'name')) continue;
    Object.assign(filters, { [key]: value });
  }
  return filters;
}

/** The same filters written back into a query string, keeping unrelated parameters. */
export function paramsWithFilters(prev: URLSearchParams, changes: WorkerFilters): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '' || value === false || (key === 'sort' && value === 'name')) {
      next.delete(key);
    } else {
      next.set(key, String(value));
    }
  }
  return next;
}

/** Whether anything narrows the list (the sort does not). */
export const isFiltered = (filters: WorkerFilters) => Object.entries(filters).some(([key, value]) => key !== 'sort' && value !== undefined);

/** Every filter key cleared, the search and sort kept. */
export const clearedFilters = (): WorkerFilters =>
  Object.fromEntries(FILTER_KEYS.filter((k) => k !== 'q' && k !== 'sort').map((k) => [k, undefined]));
