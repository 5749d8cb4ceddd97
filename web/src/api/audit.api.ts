import { AuditPageSchema } from '@changai/contracts';
import { api } from './client';

export type AuditListParams = {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** ISO instants with offset. */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
};

/** Newest first; pass the previous page's `nextCursor` for older events. */
export const listAuditEvents = (params: AuditListParams, signal?: AbortSignal) => api.get('/api/v1/audit', AuditPageSchema, params, signal);
