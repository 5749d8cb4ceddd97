import { useInfiniteQuery } from '@tanstack/react-query';
import { type AuditListParams, listAuditEvents } from '../../api/audit.api';

const PAGE_SIZE = 50;

/** Newest first; each "load more" asks for events older than the last one shown. */
export function useAuditEvents(filters: Omit<AuditListParams, 'cursor' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => listAuditEvents({ ...filters, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
