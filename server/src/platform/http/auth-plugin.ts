import type { Permission } from '@changai/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasPermission } from '../auth/scope.js';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions.js';
import type { Actor, Ctx } from '../context.js';
import type { DataCipher } from '../crypto.js';
import type { Db } from '../db/database.js';
import { AppError, ForbiddenError, UnauthenticatedError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs. Every route names one or is explicitly public. */
    permission?: Permission;
    public?: boolean;
  }
  interface FastifyInstance {
    /** Every route with what it requires, for the route × role tests and documentation. */
    routeTable: RouteInfo[];
  }
  interface FastifyRequest {
    ctx: Ctx;
    /** The session's CSRF token, when signed in. */
    csrfToken?: string;
  }
}

export type RouteInfo = { method: string; url: string; permission?: Permission; public: boolean };

export type AuthOptions = { db: Db; cipher: DataCipher; now: () => Date; sessionHours: number };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Default deny: a route without `public` or `permission` refuses to register. Each request
 * resolves its session, checks the route's permission and, on writes, the CSRF token.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: AuthOptions) => {
  const routes: { method: unknown; url: string; config?: unknown }[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.decorate('routeTable', {
    getter: () =>
      routes.flatMap((r) => {
        const config = (r.config ?? {}) as { permission?: Permission; public?: boolean };
        const methods = Array.isArray(r.method) ? r.method : [r.method];
        return methods
          .filter((m) => m !== 'HEAD')
          .map((m) => ({ method: String(m), url: r.url, permission: config.permission, public: config.public === true }));
      }),
  });
  // Checked once all hooks have run, since plugins may mark their routes public after registering them.
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((r) => {
      const config = r.config as { permission?: Permission; public?: boolean } | undefined;
      return !config?.public && !config?.permission;
    });
    if (undeclared.length) {
      const list = undeclared.map((r) => `${String(r.method)} ${r.url}`).join(', ');
      throw new Error(`Routes declare neither a permission nor public: true: ${list}`);
    }
  });

  app.decorateRequest('ctx', null as unknown as Ctx);

  app.addHook('onRequest', async (request) => {
    request.ctx = {
      db: opts.db,
      actor: { kind: 'anonymous' },
      now: opts.now,
      log: request.log,
      cipher: opts.cipher,
      requestId: request.id,
      ip: request.ip,
    };
    const config = request.routeOptions.config as { permission?: Permission; public?: boolean } | undefined;
    if (!config || (!config.public && !config.permission)) return; // the 404 handler
    if (config.public && !request.url.startsWith('/api/')) return; // web assets need no session
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(opts.db, token, opts.now(), opts.sessionHours) : undefined;
    if (session) {
      request.ctx.actor = session.actor;
      request.csrfToken = session.csrfToken;
    }
    if (config.public) return;
    if (!session) throw new UnauthenticatedError(token ? 'session_expired' : 'unauthenticated');
    authorize(request, session.actor, config.permission as Permission);
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('csrf_failed');
    }
  });
});

function authorize(request: FastifyRequest, actor: Actor, permission: Permission) {
  if (!hasPermission(actor, permission)) throw new ForbiddenError('forbidden', { permission });
  // A user with an initial password may only manage their own account until they change it.
  if (actor.mustChangePassword && permission !== 'account:self') {
    throw new ForbiddenError('auth.must_change_password');
  }
  request.log.debug({ permission, user: actor.username }, 'authorized');
}
