import type { Ctx } from './context.js';
import type { Db } from './db/database.js';

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The org the event belongs to, for scoping who may read it. */
  orgId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who acted, when the context is anonymous but the actor is known (a sign-in). */
  actor?: { id: string; username: string; role: string };
};

/** Appends one event; call it inside the service's transaction so the write and its record commit together. */
export async function audit(db: Db, ctx: Pick<Ctx, 'actor' | 'now' | 'ip' | 'requestId'>, event: AuditInput): Promise<void> {
  const actor = ctx.actor;
  const who = event.actor ?? (actor.kind === 'user' ? { id: actor.userId, username: actor.username, role: actor.role } : undefined);
  await db
    .insertInto('auditEvents')
    .values({
      at: ctx.now(),
      actorId: who?.id ?? null,
      actorUsername: who?.username ?? (actor.kind === 'system' ? `system:${actor.name}` : null),
      actorRole: who?.role ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      orgId: event.orgId ?? null,
      ip: ctx.ip ?? null,
      requestId: ctx.requestId ?? null,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    })
    .execute();
}
