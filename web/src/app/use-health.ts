import { useQuery } from '@tanstack/react-query';
import { getHealth } from '../api/health.api';

/** The server's health answer; read once per session (it says what data the server runs on). */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    // While demo data is still loading, look again now and then until it is ready.
    refetchInterval: (query) => (query.state.data?.demo?.status === 'loading' ? 15_000 : false),
  });
}

/** A demo scale (a fraction of the province's real size) as a short percentage: 0.001 → "0.1%". */
export function formatScale(scale: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumSignificantDigits: 3 }).format(scale);
}
