import type { Scope } from '../../platform/auth/scope.js';
import { orgIdInScope } from '../../platform/auth/scope.js';
import type { Db } from '../../platform/db/database.js';

const COLUMNS = [
  'id',
  'at',
  'actorId',
  'actorUsername',
  'action',
  'entityType',
  'entityId',
  'orgId',
  'ip',
  'requestId',
  'before',
  'after',
] as const;

export type AuditFilter = {
  scope: Scope;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  /** Keyset: events older than this id. */
  beforeId?: number;
  limit: number;
};

/** Newest first; events without an org (sign-ins of the province office) are seen only with full scope. */
export function list(db: Db, f: AuditFilter) {
  return db
    .selectFrom('auditEvents')
    .select(COLUMNS)
    .where(orgIdInScope(f.scope, 'auditEvents.orgId'))
    .$if(f.actor !== undefined, (q) => q.where('actorUsername', '=', f.actor as string))
    .$if(f.action !== undefined, (q) => q.where('action', 'like', `${f.action}%`))
    .$if(f.entityType !== undefined, (q) => q.where('entityType', '=', f.entityType as string))
    .$if(f.entityId !== undefined, (q) => q.where('entityId', '=', f.entityId as string))
    .$if(f.from !== undefined, (q) => q.where('at', '>=', f.from as Date))
    .$if(f.to !== undefined, (q) => q.where('at', '<', f.to as Date))
    .$if(f.beforeId !== undefined, (q) => q.where('id', '<', f.beforeId as number))
    .orderBy('id', 'desc')
    .limit(f.limit)
    .execute();
}
