import { describe, expect, it } from 'vitest';
import { workersExportUrl } from '../../api/workers.api';
import { clearedFilters, filtersFromParams, isFiltered, paramsWithFilters } from './worker-filters';

const orgId = '3b164651-c259-4ca1-baee-62c7bcc68bb4';

describe('filtersFromParams', () => {
  it('reads every filter from the address, flags as booleans', () => {
    const params = new URLSearchParams(
      `q=dyx&orgId=${orgId}&skillLevel=senior&titleLevel=intermediate&industryCategory=pillar&frontline=true&highSkilled=true&status=employed&sort=level`,
    );
    expect(filtersFromParams(params)).toEqual({
      q: 'dyx',
      orgId,
      skillLevel: 'senior',
      titleLevel: 'intermediate',
      industryCategory: 'pillar',
      frontline: true,
      highSkilled: true,
      status: 'employed',
      sort: 'level',
    });
  });

  it('drops values the contract refuses instead of breaking the page', () => {
    const params = new URLSearchParams('skillLevel=wizard&orgId=not-a-uuid&status=asleep&sort=random&q=董永祥');
    expect(filtersFromParams(params)).toEqual({ q: '董永祥' });
  });

  it('leaves off flags that are off, blank values and the default sort', () => {
    expect(filtersFromParams(new URLSearchParams('frontline=false&highSkilled=0&q=%20%20&sort=name'))).toEqual({});
  });
});

describe('paramsWithFilters', () => {
  it('writes filters back, removing cleared ones and keeping unrelated parameters', () => {
    const prev = new URLSearchParams('q=dyx&skillLevel=senior&tab=x');
    const next = paramsWithFilters(prev, { skillLevel: undefined, frontline: true, sort: 'date' });
    expect(next.toString()).toBe('q=dyx&tab=x&frontline=true&sort=date');
  });

  it('round-trips through the address', () => {
    const filters = { q: '420106', orgId, highSkilled: true, titleLevel: 'senior' as const, sort: 'level' as const };
    expect(filtersFromParams(paramsWithFilters(new URLSearchParams(), filters))).toEqual(filters);
  });

  it('treats the default sort and an unticked flag as absent', () => {
    expect(paramsWithFilters(new URLSearchParams('sort=date&frontline=true'), { sort: 'name', frontline: false }).toString()).toBe('');
  });

  it('clears every filter but keeps the search when asked to clear filters', () => {
    const prev = new URLSearchParams(`q=dyx&orgId=${orgId}&status=left&sort=date`);
    expect(paramsWithFilters(prev, clearedFilters()).toString()).toBe('q=dyx&sort=date');
  });
});

describe('isFiltered', () => {
  it('counts the search and filters but not the sort', () => {
    expect(isFiltered({ sort: 'date' })).toBe(false);
    expect(isFiltered({ q: 'dyx' })).toBe(true);
    expect(isFiltered({ frontline: true })).toBe(true);
  });
});

describe('workersExportUrl', () => {
  it('links the export to the current filters, flags spelled out and off flags left out', () => {
    expect(workersExportUrl({ q: 'dyx', frontline: true, highSkilled: false, sort: 'level' })).toBe(
      '/api/v1/workers/export?q=dyx&sort=level&frontline=true',
    );
  });
});
