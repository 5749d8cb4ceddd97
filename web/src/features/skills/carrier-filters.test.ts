import { describe, expect, it } from 'vitest';
import { carrierFiltersFromParams, paramsWithCarrierFilters } from './carrier-filters';

describe('carrier filters in the address bar', () => {
  it('reads the filters the contract accepts and the page', () => {
    const { filters, page } = carrierFiltersFromParams(new URLSearchParams('kind=innovation_studio&level=city&status=applied&page=3'));
    expect(filters).toEqual({ kind: 'innovation_studio', level: 'city', status: 'applied' });
    expect(page).toBe(3);
  });

  it('drops a hand-edited value rather than breaking the page', () => {
    const { filters, page } = carrierFiltersFromParams(new URLSearchParams('kind=castle&status=recognised&page=-2'));
    expect(filters).toEqual({ status: 'recognised' });
    expect(page).toBe(1);
  });

  it('starts again at the first page when a filter changes, keeping other parameters', () => {
    const next = paramsWithCarrierFilters(new URLSearchParams('kind=master_studio&page=4&tab=x'), { level: 'national' });
    expect(next.toString()).toBe('kind=master_studio&tab=x&level=national');
  });

  it('clears a filter set to nothing and leaves page 1 implicit', () => {
    const next = paramsWithCarrierFilters(new URLSearchParams('kind=master_studio&page=4'), { kind: undefined, page: 1 });
    expect(next.toString()).toBe('');
  });
});
