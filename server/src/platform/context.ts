import type { Role } from '@changai/contracts';
import type { DataCipher } from './crypto.js';
import type { Db } from './db/database.js';

export type Actor = {
  kind: 'user';
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  /** Materialized path of the actor's org: the root of its subtree scope. */
  orgPath: string;
  mustChangePassword: boolean;
  sessionId: string;
};

export type SystemActor = { kind: 'system'; name: string };
/** Public routes (sign-in, set-up, health) run as nobody: no permission reaches anything. */
export type AnonymousActor = { kind: 'anonymous' };

type LogFn = (obj: unknown, msg?: string) => void;
export type Logger = { info: LogFn; warn: LogFn; error: LogFn; debug: LogFn };

/** What every service call receives first. Built per request or per job. */
export type Ctx = {
  db: Db;
  actor: Actor | SystemActor | AnonymousActor;
  now: () => Date;
  log: Logger;
  cipher: DataCipher;
  requestId?: string;
  ip?: string;
};

export type UserCtx = Ctx & { actor: Actor };

export function isUserCtx(ctx: Ctx): ctx is UserCtx {
  return ctx.actor.kind === 'user';
}
