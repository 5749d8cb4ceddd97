import type { AuditEvent, AuditQuery } from '@changai/contracts';
import { scopeFor } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import * as auditEvents from './audit.repository.js';

type Row = Awaited<ReturnType<typeof auditEvents.list>>[number];

const toEvent = (row: Row): AuditEvent => ({ ...row, id: String(row.id), before: row.before ?? null, after: row.after ?? null });

export async function list(ctx: Ctx, query: AuditQuery) {
  const rows = await auditEvents.list(ctx.db, {
    scope: scopeFor(ctx.actor, 'audit:read'),
    actor: query.actor || undefined,
    action: query.action || undefined,
    entityType: query.entityType || undefined,
    entityId: query.entityId || undefined,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    beforeId: query.cursor ? Number(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map(toEvent);
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * The change history of one entity, for whoever may read the entity itself (its module checks
 * that first): who changed what, without request metadata.
 */
export async function historyOf(ctx: Ctx, entityType: string, entityId: string) {
  const rows = await auditEvents.list(ctx.db, { scope: { kind: 'all' }, entityType, entityId, limit: 200 });
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at,
    actorUsername: r.actorUsername,
    action: r.action,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
}
